/// Qrels with several judgment groups per topic (trec_eval's `-R qrels_jg`): `topic group
/// docno grade`, where the second column names the group (a judge) instead of being
/// ignored. Each group is a complete set of judgments for the topic.
///
/// ```swift
/// var qrels = JudgmentGroupQrels(source: "qrels.jg")
/// qrels.add(topic: "301", group: "0", docno: "d1", grade: 1, line: 1)
/// qrels.add(topic: "301", group: "1", docno: "d1", grade: 0, line: 2)
/// qrels["301"]?.groups.map(\.name)  // ["0", "1"]
/// ```
public struct JudgmentGroupQrels: Sendable {
    public private(set) var topics: [JudgmentGroupTopic] = []
    private var index: [String: Int] = [:]
    /// Where the judgments came from, for messages.
    public var source: String

    public init(source: String = "qrels") { self.source = source }

    public subscript(topic: String) -> JudgmentGroupTopic? {
        index[topic].map { topics[$0] }
    }

    /// Topic ids in trec_eval's order: by bytes, as `strcmp` sorts them.
    public var sortedTopicIDs: [String] {
        topics.map(\.topic).sorted(by: byteOrderLess)
    }

    public mutating func add(topic: String, group: String, docno: UnsafeRawBufferPointer, grade: Int, line: Int) {
        let i: Int
        if let existing = index[topic] {
            i = existing
        } else {
            i = topics.count
            index[topic] = i
            topics.append(JudgmentGroupTopic(topic: topic))
        }
        topics[i].add(group: group, docno: docno, grade: grade, line: line)
    }

    public mutating func add(topic: String, group: String, docno: String, grade: Int, line: Int = 0) {
        var docno = docno
        docno.withUTF8 { add(topic: topic, group: group, docno: UnsafeRawBufferPointer($0), grade: grade, line: line) }
    }
}
