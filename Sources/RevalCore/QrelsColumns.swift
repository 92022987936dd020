/// Judgments gathered as a reader meets them, in flat columns, then made into `Qrels`.
///
/// Each topic's table is built once, with room for exactly its judgments, and the topics
/// are built on all threads. Adding judgment by judgment to `Qrels` grows eight arrays per
/// topic from empty: for 140,000 judgments of 7,000 topics, reading took about a fifth
/// longer that way (docs/performance.md, round four).
/// The result is the same as adding each judgment to `Qrels` in file order: topics in order
/// of first appearance, a repeated docno keeping its first grade and recorded as the
/// topic's `duplicate`.
///
/// ```swift
/// var columns = QrelsColumns()
/// columns.add(topic: topicBytes, docno: docnoBytes, grade: 1, line: 1)
/// let qrels = columns.qrels(source: "qrels.txt", threads: 2)
/// ```
public struct QrelsColumns {
    /// Topic bytes → topic index (its entry index: topics are inserted in order).
    private var topicIndex = ByteKeyTable()
    private var topicIDs: [String] = []
    private var lastTopic = -1
    private var docnoBytes: [UInt8] = []
    private var docnoEnds: [Int] = []
    private var topicOfJudgment: [Int32] = []
    private var grades: [Int] = []
    private var lines: [Int] = []

    public init() {}

    /// The judgments added so far.
    public var count: Int { grades.count }

    public mutating func add(topic: UnsafeRawBufferPointer, docno: UnsafeRawBufferPointer, grade: Int, line: Int) {
        if lastTopic < 0 || !topicIndex.keyEquals(lastTopic, topic) {
            if let existing = topicIndex.insert(topic, value: topicIDs.count) {
                lastTopic = existing
            } else {
                lastTopic = topicIDs.count
                topicIDs.append(String(rawBytes: topic))
            }
        }
        docnoBytes.append(contentsOf: docno)
        docnoEnds.append(docnoBytes.count)
        topicOfJudgment.append(Int32(truncatingIfNeeded: lastTopic))
        grades.append(grade)
        lines.append(line)
    }

    /// The judgments as `Qrels`, each topic's built on one of `threads` threads.
    public func qrels(source: String, threads: Int) -> Qrels {
        let (order, starts) = judgmentsByTopic()
        let topics = docnoBytes.withUnsafeBytes { arena in
            order.withUnsafeBufferPointer { order in
                parallelMap(topicIDs.count, threads: threads) { t in
                    topic(t, judgments: UnsafeBufferPointer(rebasing: order[starts[t]..<starts[t + 1]]), arena: arena)
                }
            }
        }
        return Qrels(source: source, topics: topics)
    }

    private func topic(_ t: Int, judgments: UnsafeBufferPointer<Int>, arena: UnsafeRawBufferPointer) -> QrelsTopic {
        var keyBytes = 0
        for j in judgments { keyBytes += docnoEnds[j] - docnoStart(j) }
        var topic = QrelsTopic(topic: topicIDs[t], capacity: judgments.count, keyBytes: keyBytes)
        for j in judgments {
            let start = docnoStart(j)
            let docno = UnsafeRawBufferPointer(rebasing: arena[start..<docnoEnds[j]])
            topic.add(docno: docno, grade: grades[j], line: lines[j])
        }
        return topic
    }

    private func docnoStart(_ j: Int) -> Int { j == 0 ? 0 : docnoEnds[j - 1] }

    /// Every judgment index grouped by topic, file order kept within a topic (a counting
    /// sort), with where each topic's judgments start.
    private func judgmentsByTopic() -> (judgments: [Int], starts: [Int]) {
        var starts = [Int](repeating: 0, count: topicIDs.count + 1)
        for t in topicOfJudgment { starts[Int(t) + 1] += 1 }
        for t in topicIDs.indices { starts[t + 1] += starts[t] }
        var next = starts
        var judgments = [Int](repeating: 0, count: count)
        for (j, t) in topicOfJudgment.enumerated() {
            judgments[next[Int(t)]] = j
            next[Int(t)] += 1
        }
        return (judgments, starts)
    }
}
