/// The judgment groups of one topic, each a `QrelsTopic`, in group-name order (by bytes).
public struct JudgmentGroupTopic: Sendable {
    public let topic: String
    public private(set) var groups: [(name: String, judgments: QrelsTopic)] = []
    private var index: [String: Int] = [:]

    public init(topic: String) { self.topic = topic }

    public mutating func add(group: String, docno: UnsafeRawBufferPointer, grade: Int, line: Int) {
        let i: Int
        if let existing = index[group] {
            i = existing
        } else {
            // Insert in byte order of the names, so that `groups` stays sorted.
            i = groups.firstIndex { byteOrderLess(group, $0.name) } ?? groups.count
            groups.insert((group, QrelsTopic(topic: topic)), at: i)
            index = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.name, $0) })
        }
        groups[i].judgments.add(docno: docno, grade: grade, line: line)
    }
}
