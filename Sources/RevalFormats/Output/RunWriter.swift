import RevalCore

/// Writes runs as TREC, MS MARCO or BEIR results JSON.
///
/// Topics keep their order of first appearance; documents are written in trec_eval's
/// rank order (score descending, then docno descending), with ranks 1, 2, …. Scores keep
/// full precision. MS MARCO runs have no scores: read back, a document at rank r scores
/// −r, which is what BEIR JSON written from them holds.
///
/// ```swift
/// var text = ""
/// RunWriter.write(run, as: .trec, into: &text)
/// ```
public enum RunWriter {
    public static func write(_ run: Run, as format: RunFormat, into out: inout String) {
        switch format {
        case .trec:
            let tag = run.tag.isEmpty ? "reval" : run.tag
            for topic in run.topics {
                for (rank, i) in topic.rankOrder().enumerated() {
                    out += "\(topic.topic) Q0 \(topic.docno(i)) \(rank + 1) \(scoreText(topic.scores[i])) \(tag)\n"
                }
            }
        case .msmarco:
            for topic in run.topics {
                for (rank, i) in topic.rankOrder().enumerated() {
                    out += "\(topic.topic)\t\(topic.docno(i))\t\(rank + 1)\n"
                }
            }
        case .beir:
            out += "{"
            for (t, topic) in run.topics.enumerated() {
                out += (t == 0 ? "\n" : ",\n") + EvaluationWriter.jsonString(topic.topic) + ": {"
                let docs = topic.rankOrder().map { "\(EvaluationWriter.jsonString(topic.docno($0))): \(scoreText(topic.scores[$0]))" }
                out += docs.joined(separator: ", ") + "}"
            }
            out += "\n}\n"
        }
    }

    /// The shortest decimal that reads back as the same double ("12.0", "1e+20", "inf").
    static func scoreText(_ score: Double) -> String { "\(score)" }
}

/// Writes qrels as TREC (`topic 0 docno grade`) or BEIR (`query-id<TAB>corpus-id<TAB>score`
/// with its header), topics and judgments in input order.
public enum QrelsWriter {
    public static func write(_ qrels: Qrels, as format: QrelsFormat, into out: inout String) {
        if format == .beir { out += "query-id\tcorpus-id\tscore\n" }
        for topic in qrels.topics {
            for entry in 0..<topic.docs.count {
                let docno = String(decoding: topic.docs.key(at: entry), as: UTF8.self)
                let grade = topic.grades[entry]
                switch format {
                case .trec: out += "\(topic.topic) 0 \(docno) \(grade)\n"
                case .beir: out += "\(topic.topic)\t\(docno)\t\(grade)\n"
                }
            }
        }
    }
}
