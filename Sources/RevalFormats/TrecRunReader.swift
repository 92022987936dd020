import RevalCore

/// Reads a TREC run: `topic Q0 docno rank score tag` per line.
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
    public static func read(path: String) throws(InputError) -> Run {
        var lines = LineReader(try openInput(path))
        return try read(&lines, name: path)
    }

    public static func read(_ lines: inout LineReader, name: String) throws(InputError) -> Run {
        var run = Run(source: name)
        var fields: [UnsafeRawBufferPointer] = []
        fields.reserveCapacity(6)
        var lastTopicBytes: [UInt8] = []
        var lastTopicIndex = -1
        var lastTagBytes: [UInt8] = []
        var sawData = false
        try lines.forEachLine { line, number throws(InputError) in
            guard let first = FieldSplitter.firstVisibleByte(line), first != UInt8(ascii: "#") else { return }
            let count = FieldSplitter.split(line, limit: 6, into: &fields)
            guard count >= 6 else {
                throw InputError(file: name, line: number,
                                 message: "expected 6 fields 'topic Q0 docno rank score tag', found \(count)")
            }
            guard let score = NumberParsing.double(fields[4]) else {
                throw InputError(file: name, line: number, message: "score '\(fields[4].text)' is not a number")
            }
            if score.isNaN {
                throw InputError(file: name, line: number, message: "score is NaN; a NaN score has no rank")
            }
            if lastTopicIndex < 0 || !fields[0].elementsEqual(lastTopicBytes) {
                lastTopicBytes = Array(fields[0])
                lastTopicIndex = run.topicIndex(fields[0].text)
            }
            run.append(topicIndex: lastTopicIndex, docno: fields[2], score: score, line: number)
            if !fields[5].elementsEqual(lastTagBytes) { lastTagBytes = Array(fields[5]) }
            sawData = true
        }
        guard sawData else {
            throw InputError(file: name, message: "no results: the file is empty or holds only comments")
        }
        run.tag = String(decoding: lastTagBytes, as: UTF8.self)
        return run
    }
}
