import RevalCore

/// Reads a whole TREC run into memory: `topic Q0 docno rank score tag` per line.
///
/// Rules (trec_eval's, with the departures in docs/compatibility.md):
/// - fields are separated by any C whitespace; CRLF line ends are fine;
/// - at least 6 fields; fields after the tag are ignored; `Q0` and rank are ignored;
/// - the score is a decimal number (exponents, `inf` accepted; NaN is an error);
/// - blank lines and lines whose first visible character is `#` are skipped;
/// - the run tag printed as `runid` is the tag of the last line.
///
/// ```swift
/// let run = try TrecRunReader.read(path: "BM25.trec_results_dl19_top100.txt")
/// ```
public enum TrecRunReader {
    public static func read(path: String, source: (any ByteSource)? = nil,
                            threads: Int = defaultThreadCount()) throws(InputError) -> Run {
        var run = Run(source: path)
        run.tag = try TrecRunStream(path: path, source: source, threads: threads).forEachBatch { batch in
            for block in batch.blocks { run.append(block: block) }
            return true
        }
        return run
    }
}
