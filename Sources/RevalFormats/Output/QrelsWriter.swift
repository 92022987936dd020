import RevalCore

/// Writes qrels as TREC (`topic 0 docno grade`) or BEIR (`query-id<TAB>corpus-id<TAB>score`
/// with its header), topics and judgments in input order, ids byte for byte.
///
/// Ids a format cannot hold so that reading it back gives the same judgments are refused
/// with an error naming the id and its input line (`WritableID`): whitespace or a leading
/// `#` in TREC ids; TAB, CR or LF in BEIR ids.
///
/// ```swift
/// var text = ""
/// try QrelsWriter.write(qrels, as: .beir, into: &text)
/// ```
public enum QrelsWriter {
    public static func write(_ qrels: Qrels, as format: QrelsFormat, into out: inout String) throws(InputError) {
        let check = WritableID(file: qrels.source, format: format.rawValue)
        if format == .beir { out += "query-id\tcorpus-id\tscore\n" }
        for topic in qrels.topics {
            for entry in 0..<topic.docs.count {
                let docno = String(rawBytes: Array(topic.docs.key(at: entry)))
                let grade = topic.grades[entry]
                let line = topic.lines[entry]
                switch format {
                case .trec:
                    if entry == 0 { try check.textField(topic.topic, what: "query id", line: line, firstColumn: true) }
                    try check.textField(docno, what: "document id", line: line)
                    out += "\(topic.topic) 0 \(docno) \(grade)\n"
                case .beir:
                    if entry == 0 { try check.tabField(topic.topic, what: "query id", line: line) }
                    try check.tabField(docno, what: "document id", line: line)
                    out += "\(topic.topic)\t\(docno)\t\(grade)\n"
                }
            }
        }
    }
}
