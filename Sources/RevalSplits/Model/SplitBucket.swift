import RevalFormats

/// Where a topic's label was stated: a file and a 1-based line.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?

    public init(file: String, line: Int? = nil) {
        self.file = file
        self.line = line
    }

    public var description: String { line.map { "\(file):\($0)" } ?? file }
}

/// One bucket of a split: every topic it names carries exactly one label.
///
/// In ReSTTest's protocol a bucket has the labels `interpolate` and `extrapolate`; a split
/// file may use any labels. Labels are kept with `interpolate` and `extrapolate` first (when
/// present), then the others in the order they were first met.
///
/// ```swift
/// var bucket = SplitBucket(name: "bucket-1")
/// try bucket.assign(topic: "19335", label: "extrapolate", at: SourceLocation(file: "split.tsv", line: 2))
/// bucket.topics(labelled: "extrapolate")   // ["19335"]
/// ```
public struct SplitBucket: Sendable, Equatable {
    public let name: String
    public private(set) var labels: [String] = []
    private var topicsByLabel: [String: [String]] = [:]
    private var assignments: [String: (label: String, location: SourceLocation)] = [:]

    public init(name: String) { self.name = name }

    /// The topics with `label`, in the order they were assigned.
    public func topics(labelled label: String) -> [String] { topicsByLabel[label] ?? [] }

    /// The label of `topic` in this bucket, or nil.
    public func label(of topic: String) -> String? { assignments[topic]?.label }

    /// Where `topic` got its label.
    public func location(of topic: String) -> SourceLocation? { assignments[topic]?.location }

    /// Every topic of the bucket, label by label.
    public var topics: [String] { labels.flatMap { topics(labelled: $0) } }

    /// Gives `topic` the label `label`. The same label twice is harmless; a second label
    /// is an error at `location` that names where the first one was given.
    public mutating func assign(topic: String, label: String, at location: SourceLocation) throws(InputError) {
        if let existing = assignments[topic] {
            if existing.label == label { return }
            throw InputError(file: location.file, line: location.line,
                             message: "topic '\(topic)' is '\(label)' here but '\(existing.label)' at "
                                 + "\(existing.location) in \(name); expected one label per topic in a bucket")
        }
        assignments[topic] = (label, location)
        if topicsByLabel[label] == nil {
            labels.append(label)
            labels = SplitLabel.ordered(labels)
        }
        topicsByLabel[label, default: []].append(topic)
    }

    public static func == (a: SplitBucket, b: SplitBucket) -> Bool {
        a.name == b.name && a.labels == b.labels && a.topicsByLabel == b.topicsByLabel
    }
}
