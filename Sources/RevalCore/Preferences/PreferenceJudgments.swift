/// One line of a preference file: within judgment group `group` and its sub-group
/// `subgroup`, document `docno` has relevance level `level` (trec_eval's TEXT_PREFS).
///
/// Inside one sub-group, a document with a higher level is preferred to one with a lower
/// level; documents at the same level are tied. Level 0 means "not relevant" to that judge.
public struct PreferenceJudgment: Sendable, Equatable {
    /// The judgment group (a judge, or one information need at one time).
    public var group: String
    /// The sub-group: one (partial) ranking of documents within the group.
    public var subgroup: String
    public var docno: String
    public var level: Double
    /// Source line, for error messages.
    public var line: Int

    public init(group: String, subgroup: String, docno: String, level: Double, line: Int = 0) {
        self.group = group
        self.subgroup = subgroup
        self.docno = docno
        self.level = level
        self.line = line
    }
}

/// The preference judgments of one topic, in file order.
public struct PreferenceTopic: Sendable {
    public let topic: String
    public private(set) var judgments: [PreferenceJudgment] = []

    public init(topic: String) { self.topic = topic }

    public mutating func add(_ judgment: PreferenceJudgment) { judgments.append(judgment) }
}

/// Preference judgments of a collection by topic, as `-R prefs` reads them (`topic group
/// subgroup docno level`) or as `-R qrels_prefs` reads a qrels file (the iteration column
/// is the group, every line is in sub-group `0`).
///
/// ```swift
/// var prefs = PreferenceJudgments(source: "prefs.txt")
/// prefs.add(topic: "1", PreferenceJudgment(group: "judge1", subgroup: "a", docno: "d1", level: 2))
/// prefs.add(topic: "1", PreferenceJudgment(group: "judge1", subgroup: "a", docno: "d2", level: 1))
/// prefs.sortedTopicIDs  // ["1"]: d1 is preferred to d2
/// ```
public struct PreferenceJudgments: Sendable {
    public private(set) var topics: [PreferenceTopic] = []
    private var index: [String: Int] = [:]
    /// Where the judgments came from, for messages.
    public var source: String

    public init(source: String = "prefs") { self.source = source }

    public subscript(topic: String) -> PreferenceTopic? {
        index[topic].map { topics[$0] }
    }

    /// Topic ids in trec_eval's order: by bytes, as `strcmp` sorts them.
    public var sortedTopicIDs: [String] {
        topics.map(\.topic).sorted(by: byteOrderLess)
    }

    public mutating func add(topic: String, _ judgment: PreferenceJudgment) {
        let i: Int
        if let existing = index[topic] {
            i = existing
        } else {
            i = topics.count
            index[topic] = i
            topics.append(PreferenceTopic(topic: topic))
        }
        topics[i].add(judgment)
    }
}
