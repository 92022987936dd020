/// Preferences of one judgment group that cannot all hold; trec_eval stops on these when it
/// evaluates the topic (exit 4, or an abort for a contradiction).
public struct PreferenceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var topic: String
    /// The line of the judgment where the problem shows, if one line shows it.
    public var line: Int?
    /// What is wrong, without the file and line.
    public var message: String

    public init(topic: String, line: Int?, message: String) {
        self.topic = topic
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "line \(line): \(message)" }
        return message
    }

    /// One document at two levels in a group that has a single sub-group.
    static func twoLevels(_ topic: String, _ a: PreferenceJudgment, _ b: PreferenceJudgment) -> PreferenceError {
        let (first, second) = a.line <= b.line ? (a, b) : (b, a)
        return PreferenceError(
            topic: topic, line: second.line,
            message: "document '\(second.docno.excerpt)' has levels \(first.level) (line \(first.line)) and "
                + "\(second.level) in sub-group '\(second.subgroup.excerpt)' of judgment group '\(second.group.excerpt)', "
                + "topic '\(topic.excerpt)'; expected one level per document in a sub-group")
    }

    /// A document at level 0 in one sub-group and above 0 in another of the same group.
    static func zeroAndNonzero(_ topic: String, _ judgment: PreferenceJudgment, earlier: Double) -> PreferenceError {
        PreferenceError(
            topic: topic, line: judgment.line,
            message: "document '\(judgment.docno.excerpt)' has level \(judgment.level) here and \(earlier) in another "
                + "sub-group of judgment group '\(judgment.group.excerpt)', topic '\(topic.excerpt)'; "
                + "expected a document to be non-relevant (0) in all sub-groups of a group or in none")
    }

    /// Sub-groups of one group that together prefer A to B and B to A.
    static func contradiction(_ topic: String, group: String, line: Int, _ a: String, _ b: String) -> PreferenceError {
        PreferenceError(
            topic: topic, line: line,
            message: "the sub-groups of judgment group '\(group.excerpt)', topic '\(topic.excerpt)', prefer "
                + "'\(a.excerpt)' to '\(b.excerpt)' and '\(b.excerpt)' to '\(a.excerpt)'; "
                + "expected the preferences of one group to be consistent (put conflicting judges in different groups)")
    }
}

extension String {
    /// At most 64 bytes, then "...", for messages.
    var excerpt: String {
        let bytes = rawBytes
        return bytes.count <= 64 ? self : String(rawBytes: Array(bytes.prefix(64))) + "..."
    }
}
