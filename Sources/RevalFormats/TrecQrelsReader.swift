import RevalCore

/// Reads TREC qrels: `topic iteration docno grade` per line.
///
/// Rules (trec_eval's, with the departures in docs/compatibility.md):
/// - fields are separated by spaces, tabs or any C whitespace; CRLF line ends are fine;
/// - exactly 4 fields; the iteration field is ignored;
/// - the grade is an integer, possibly negative (negative: pooled but unjudged);
/// - a line starting with `#` (in its first column) is a comment; an indented `#` line
///   is data, as in trec_eval;
/// - a blank line is an error, as in trec_eval.
///
/// ```swift
/// let qrels = try TrecQrelsReader.read(path: "qrels.dl19-passage.txt")
/// ```
public enum TrecQrelsReader {
    public static func read(path: String) throws(InputError) -> Qrels {
        var lines = LineReader(try openInput(path))
        return try read(&lines, name: path)
    }

    public static func read(_ lines: inout LineReader, name: String) throws(InputError) -> Qrels {
        var qrels = Qrels(source: name)
        var fields: [UnsafeRawBufferPointer] = []
        fields.reserveCapacity(5)
        var lastTopicBytes: [UInt8] = []
        var lastTopic = ""
        var sawData = false
        try lines.forEachLine { line, number throws(InputError) in
            guard FieldSplitter.firstVisibleByte(line) != nil else {
                throw InputError(file: name, line: number,
                                 message: "blank line; expected 'topic iteration docno grade'")
            }
            if line.first == UInt8(ascii: "#") { return }
            let count = FieldSplitter.split(line, limit: 4, into: &fields)
            guard count == 4 else {
                throw InputError(file: name, line: number,
                                 message: "expected 4 fields 'topic iteration docno grade', found \(count)")
            }
            guard let grade = NumberParsing.integer(fields[3]) else {
                throw InputError(file: name, line: number,
                                 message: "grade '\(fields[3].text)' is not an integer")
            }
            if !fields[0].elementsEqual(lastTopicBytes) {
                lastTopicBytes = Array(fields[0])
                lastTopic = fields[0].text
            }
            qrels.add(topic: lastTopic, docno: fields[2], grade: grade, line: number)
            sawData = true
        }
        guard sawData else {
            throw InputError(file: name, message: "no judgments: the file is empty or holds only comments")
        }
        return qrels
    }
}
