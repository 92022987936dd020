import RevalCore

/// Writes runs as TREC, MS MARCO or BEIR results JSON.
///
/// Topics keep their order of first appearance; documents are written in trec_eval's
/// rank order (score descending, then docno descending), with ranks 1, 2, …. Scores keep
/// full precision. MS MARCO runs have no scores: read back, a document at rank r scores
/// −r, which is what BEIR JSON written from them holds.
///
/// Ids are written byte for byte. What a format cannot hold so that reading it back gives
/// the same run is refused with an error naming the id and its input line
/// (`WritableID`): whitespace or a leading `#` in TREC and MS MARCO ids, ids that are not
/// UTF-8 and scores that are not finite in JSON.
///
/// ```swift
/// var text = ""
/// try RunWriter.write(run, as: .trec, into: &text)
/// ```
public enum RunWriter {
    public static func write(_ run: Run, as format: RunFormat, into out: inout String) throws(InputError) {
        let check = WritableID(file: run.source, format: format.rawValue)
        switch format {
        case .trec:
            let tag = run.tag.isEmpty ? "reval" : run.tag
            try check.textField(tag, what: "run tag", line: nil)
            for topic in run.topics {
                try check.textField(topic.topic, what: "query id", line: topic.count > 0 ? topic.line(of: 0) : nil, firstColumn: true)
                for (rank, i) in topic.rankOrder().enumerated() {
                    let docno = topic.docno(i)
                    try check.textField(docno, what: "document id", line: topic.line(of: i))
                    out += "\(topic.topic) Q0 \(docno) \(rank + 1) \(scoreText(topic.scores[i])) \(tag)\n"
                }
            }
        case .msmarco:
            for topic in run.topics {
                try check.textField(topic.topic, what: "query id", line: topic.count > 0 ? topic.line(of: 0) : nil, firstColumn: true)
                for (rank, i) in topic.rankOrder().enumerated() {
                    let docno = topic.docno(i)
                    try check.textField(docno, what: "document id", line: topic.line(of: i))
                    out += "\(topic.topic)\t\(docno)\t\(rank + 1)\n"
                }
            }
        case .beir:
            out += "{"
            for (t, topic) in run.topics.enumerated() {
                try check.jsonString(topic.topic, what: "query id", line: topic.count > 0 ? topic.line(of: 0) : nil)
                out += (t == 0 ? "\n" : ",\n") + JSONEscape.quoted(topic.topic) + ": {"
                var docs: [String] = []
                for i in topic.rankOrder() {
                    let docno = topic.docno(i)
                    try check.jsonString(docno, what: "document id", line: topic.line(of: i))
                    try check.jsonNumber(topic.scores[i], docno: docno, topic: topic.topic, line: topic.line(of: i))
                    docs.append("\(JSONEscape.quoted(docno)): \(scoreText(topic.scores[i]))")
                }
                out += docs.joined(separator: ", ") + "}"
            }
            out += "\n}\n"
        }
    }

    /// The shortest decimal that reads back as the same double ("12.0", "1e+20", "inf").
    static func scoreText(_ score: Double) -> String { "\(score)" }
}
