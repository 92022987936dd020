import RevalCore

/// Reads BEIR's results format: one JSON object mapping each query id to an object that
/// maps document ids to scores, `{"q1": {"d7": 12.7, "d3": 11.6}, ...}`.
///
/// The JSON is read by a small byte-level scanner (Foundation's decoder is about ten times
/// slower and loses error positions), in batches of `batchBytes` cut after a query's
/// documents, each batch cut again into one piece per thread that are scanned at the same
/// time; the pieces' queries are put together in file order, so the run does not depend on
/// the thread count or the batch size. Errors name the line and what was expected. Scores
/// are parsed as strtod would, so a score written with the same text as in a TREC run
/// gives the same double. A query with an empty object retrieved nothing and is left out.
/// A query id given twice is an error (Python's json keeps the last of the two, so
/// BEIR's own evaluation would see other documents than a reader that merges them); a
/// document given twice for a query is the duplicate trec_eval stops at (exit 4).
///
/// ```swift
/// let run = try BEIRResultsReader.read(path: "results.json")
/// ```
public enum BEIRResultsReader {
    /// Reads `path` ("-" for stdin), or `source` when given (`path` then only names it).
    /// `batchBytes` (at least 16) is how much is read at a time; a query larger than that
    /// makes the batch grow to hold it.
    public static func read(path: String, source: (any ByteSource)? = nil,
                            limits: TopicLimits = .standard, threads: Int = defaultThreadCount(),
                            batchBytes: Int = 16 << 20) throws(InputError) -> Run {
        var input: any ByteSource
        if let source { input = source } else { input = try openInput(path) }
        let reader = BEIRResultsBatches(input, name: path, limits: limits, threads: max(1, threads),
                                        batchBytes: max(16, batchBytes))
        return try reader.read()
    }

    /// Reads results as `read` does, handing each batch's queries (whole) to `body` as
    /// soon as the batch is read, and keeping none: memory holds a batch, not the file.
    ///
    /// ```swift
    /// try BEIRResultsReader.stream(path: "results.json") { queries in ... }
    /// ```
    public static func stream(path: String, source: (any ByteSource)? = nil,
                              limits: TopicLimits = .standard, threads: Int = defaultThreadCount(),
                              batchBytes: Int = 16 << 20, _ body: @escaping ([TopicRun]) -> Void) throws(InputError) {
        var input: any ByteSource
        if let source { input = source } else { input = try openInput(path) }
        let reader = BEIRResultsBatches(input, name: path, limits: limits, threads: max(1, threads),
                                        batchBytes: max(16, batchBytes))
        reader.consume = body
        _ = try reader.read()
    }
}
