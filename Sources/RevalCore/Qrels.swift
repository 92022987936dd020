/// Relevance judgments for one topic: docno → relevance grade.
///
/// Grades are integers; negative grades mean "in the pool but not judged"
/// (trec_eval's RELVALUE_UNJUDGED), as in infAP-style sampled pools.
public struct QrelsTopic: Sendable {
    /// The topic id.
    public let topic: String
    /// docno → index into `grades`.
    public private(set) var docs = ByteKeyTable()
    /// The grade of each judged document, in file order.
    public private(set) var grades: [Int] = []
    /// Source line of each judgment, for error messages.
    public private(set) var lines: [Int] = []
    /// The first repeated (docno, line of first, line of repeat), if any. trec_eval stops
    /// with exit code 4 on a repeated judgment, but only when the topic is evaluated.
    public private(set) var duplicate: (docno: String, firstLine: Int, line: Int)?

    /// A topic with no judgments yet.
    public init(topic: String) { self.topic = topic }

    /// A topic with room for `capacity` judgments whose docnos hold `keyBytes` bytes.
    init(topic: String, capacity: Int, keyBytes: Int) {
        self.topic = topic
        docs = ByteKeyTable(capacity: capacity, keyBytes: keyBytes)
        grades.reserveCapacity(capacity)
        lines.reserveCapacity(capacity)
    }

    /// Adds a judgment read at `line`; a repeated docno keeps the first grade and is remembered in `duplicate`.
    public mutating func add(docno: UnsafeRawBufferPointer, grade: Int, line: Int) {
        if let existing = docs.insert(docno, value: grades.count) {
            if duplicate == nil {
                duplicate = (String(rawBytes: docno), lines[existing], line)
            }
            return
        }
        grades.append(grade)
        lines.append(line)
    }

    /// Adds a judgment (tests and converters).
    public mutating func add(docno: String, grade: Int, line: Int = 0) {
        var docno = docno
        docno.withUTF8 { add(docno: UnsafeRawBufferPointer($0), grade: grade, line: line) }
    }

    /// Number of judged documents with grade >= `level` (grades below 0 never count).
    public func relevantCount(atLevel level: Int) -> Int {
        var n = 0
        for g in grades where g >= 0 && g >= level { n += 1 }
        return n
    }

    /// Judged documents per non-negative grade, ascending by grade, zero counts left out.
    public func levelCounts() -> [LevelCount] {
        var counts: [Int: Int] = [:]
        for g in grades where g >= 0 { counts[g, default: 0] += 1 }
        return counts.keys.sorted().map { LevelCount(level: $0, count: counts[$0]!) }
    }
}

/// How many judged documents a topic has at one grade.
public struct LevelCount: Sendable, Equatable {
    /// The grade.
    public var level: Int
    /// How many judged documents have it.
    public var count: Int
    /// A count of `count` documents at grade `level`.
    public init(level: Int, count: Int) {
        self.level = level
        self.count = count
    }
}

/// All relevance judgments of a collection, by topic.
public struct Qrels: Sendable {
    /// The topics in file order.
    public private(set) var topics: [QrelsTopic] = []
    private var index: [String: Int] = [:]
    /// The topic the last judgment went to: qrels list a topic's judgments together, so
    /// most lines need no lookup.
    private var lastAdded: Int?
    /// Where the judgments came from (a path, or "-"), for messages.
    public var source: String

    /// Empty qrels read from `source` (a path, for messages).
    public init(source: String = "qrels") { self.source = source }

    /// Qrels of `topics`, whose ids are distinct, in file order.
    init(source: String, topics: [QrelsTopic]) {
        self.source = source
        self.topics = topics
        index.reserveCapacity(topics.count)
        for (i, topic) in topics.enumerated() { index[topic.topic] = i }
    }

    /// The judgments of `topic`, or nil when the qrels have none.
    public subscript(topic: String) -> QrelsTopic? {
        index[topic].map { topics[$0] }
    }

    /// Topic ids in trec_eval's order: by bytes, as `strcmp` sorts them.
    public var sortedTopicIDs: [String] {
        topics.map(\.topic).sorted(by: byteOrderLess)
    }

    /// Adds a judgment of `topic`, creating the topic on first sight.
    public mutating func add(topic: String, docno: UnsafeRawBufferPointer, grade: Int, line: Int) {
        let i: Int
        if let last = lastAdded, topics[last].topic == topic {
            i = last
        } else if let existing = index[topic] {
            i = existing
        } else {
            i = topics.count
            index[topic] = i
            topics.append(QrelsTopic(topic: topic))
        }
        lastAdded = i
        topics[i].add(docno: docno, grade: grade, line: line)
    }

    /// Adds a judgment (tests and converters).
    public mutating func add(topic: String, docno: String, grade: Int, line: Int = 0) {
        var docno = docno
        docno.withUTF8 { add(topic: topic, docno: UnsafeRawBufferPointer($0), grade: grade, line: line) }
    }
}
