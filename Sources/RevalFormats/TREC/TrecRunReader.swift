import RevalCore

/// Reads a whole TREC run into memory: `topic Q0 docno rank score tag` per line.
///
/// Rules (trec_eval's, with the departures in docs/compatibility.md):
/// - fields are separated by any C whitespace; CRLF line ends are fine (CR-only are not);
/// - at least 6 fields; fields after the tag are ignored; `Q0` and rank are ignored;
/// - the score is a decimal number (exponents, `inf` accepted; NaN is an error);
/// - blank lines and lines whose first visible character is `#` are skipped;
/// - ids are bytes: compared and printed as they are, UTF-8 or not; a NUL byte is an error;
/// - the run tag printed as `runid` is the tag of the last line.
///
/// ```swift
/// let run = try TrecRunReader.read(path: "BM25.trec_results_dl19_top100.txt")
/// ```
public enum TrecRunReader {
    public static func read(path: String, source: (any ByteSource)? = nil, threads: Int = defaultThreadCount(),
                            limits: TopicLimits = .standard) throws(InputError) -> Run {
        try read(TrecRunStream(path: path, source: source, threads: threads, limits: limits))
    }

    /// Reads a run held in memory (plain, gzip or zstd), as `read(path:)` reads a file;
    /// `name` is the file name errors carry. Small `batchBytes` split the input into many
    /// batches, as a large file is split; `readAhead: false` reads them without a
    /// background thread.
    ///
    /// ```swift
    /// let run = try TrecRunReader.parse(bytes: Array("1 Q0 d1 1 2.5 tag\n".utf8), name: "run")
    /// ```
    public static func parse(bytes: [UInt8], name: String, threads: Int = 1,
                             batchBytes: Int = 16 << 20, readAhead: Bool = true) throws(InputError) -> Run {
        let source = try openInput(MemorySource(bytes), name: name)
        return try read(TrecRunStream(path: name, source: source, threads: threads, batchBytes: batchBytes,
                                      readAhead: readAhead))
    }

    private static func read(_ stream: TrecRunStream) throws(InputError) -> Run {
        var run = Run(source: stream.path)
        run.tag = try stream.forEachBatch { batch throws(InputError) in
            try run.add(batch, of: stream)
            return true
        }
        return run
    }
}

extension Run {
    /// Adds a batch's blocks, merging those of topics met before, and its warnings.
    /// Throws when a topic grows past the stream's limits.
    public mutating func add(_ batch: RunBatch, of stream: TrecRunStream) throws(InputError) {
        for block in batch.blocks {
            try self[block.topic]?.checkRoom(for: block, within: stream.limits, file: stream.path)
            append(block: block)
        }
        warnings += batch.warnings
    }
}
