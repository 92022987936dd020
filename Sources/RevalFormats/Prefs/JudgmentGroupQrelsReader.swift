import RevalCore

/// Reads qrels with judgment groups, trec_eval's `-R qrels_jg`: `topic group docno grade`,
/// where the second column names the judgment group.
///
/// Rules as for qrels (`TrecQrelsReader`): exactly 4 fields, an integer grade (negative:
/// pooled but unjudged), `#` comment lines, a blank line is an error. A document judged twice
/// within one group of a topic is an error here, when the file is read, as in trec_eval.
///
/// ```swift
/// let qrels = try JudgmentGroupQrelsReader.read(path: "qrels.123")
/// ```
public enum JudgmentGroupQrelsReader {
    public static func read(path: String) throws(InputError) -> JudgmentGroupQrels {
        var lines = LineReader(try openInput(path), name: path)
        return try read(&lines, name: path)
    }

    /// Reads judgments held in memory, as `read(path:)` reads a file.
    public static func parse(bytes: [UInt8], name: String) throws(InputError) -> JudgmentGroupQrels {
        var lines = LineReader(try openInput(MemorySource(bytes), name: name), name: name)
        return try read(&lines, name: name)
    }

    static func read(_ lines: inout LineReader, name: String) throws(InputError) -> JudgmentGroupQrels {
        var qrels = JudgmentGroupQrels(source: name)
        var fields: [UnsafeRawBufferPointer] = []
        fields.reserveCapacity(5)
        var judgments = 0
        try lines.forEachLine { line, number throws(InputError) in
            guard FieldSplitter.firstVisibleByte(line) != nil else {
                throw InputError(file: name, line: number, message: "blank line; expected 'topic group docno grade'")
            }
            if line.first == UInt8(ascii: "#") { return }
            let count = FieldSplitter.split(line, limit: 4, into: &fields)
            guard count == 4 else {
                throw InputError(file: name, line: number, message: "expected 4 fields 'topic group docno grade', found \(count)")
            }
            guard let grade = NumberParsing.integer(fields[3]) else {
                throw InputError(file: name, line: number, message: "grade '\(fields[3].excerpt)' is not an integer")
            }
            qrels.add(topic: fields[0].text, group: fields[1].text, docno: fields[2], grade: grade, line: number)
            judgments += 1
        }
        guard judgments > 0 else {
            throw InputError(file: name, message: "no judgments: the file is empty or holds only comments")
        }
        for topic in qrels.topics {
            for group in topic.groups {
                if let dup = group.judgments.duplicate {
                    throw InputError(file: name, line: dup.line,
                                     message: "document '\(dup.docno.excerpt)' is judged twice by group '\(group.name.excerpt)' "
                                         + "for topic '\(topic.topic.excerpt)' (also line \(dup.firstLine))")
                }
            }
        }
        return qrels
    }
}
