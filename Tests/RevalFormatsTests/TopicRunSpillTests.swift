import RevalCore
import Testing
@testable import RevalFormats

@Suite("TopicRunSpill: interleaved blocks grouped by topic through a temporary file")
struct TopicRunSpillTests {
    /// A block of `topic` with docnos `docnos`, scores 1, 2, ... and lines from `line` on.
    static func block(_ topic: String, _ docnos: [String], line: Int) -> TopicRun {
        var run = TopicRun(topic: topic)
        for (k, docno) in docnos.enumerated() { run.append(docno: docno, score: Double(k + 1), line: line + k) }
        return run
    }

    static let blocks = [
        block("a", ["a1", "a2"], line: 1), block("b", ["b1"], line: 3), block("a", ["a3"], line: 4),
        block("c", ["c1", "c2", "c3"], line: 5), block("b", ["b2", "b3"], line: 8), block("a", ["a4"], line: 10),
    ]

    @Test("each topic comes back once, its blocks joined in file order, whatever is written out and when",
          arguments: [(1, 1), (3, 1), (3, 1 << 20), (256, 40)])
    func joined(partitions: Int, budget: Int) throws {
        let spill = try TopicRunSpill(name: "run", partitions: partitions, memoryBudget: budget)
        for block in Self.blocks { try spill.add(block) }
        var topics: [String: TopicRun] = [:]
        var seen: [String] = []
        try spill.forEachPartition { partition in
            for topic in partition {
                seen.append(topic.topic)
                topics[topic.topic] = topic
            }
        }
        #expect(seen.sorted() == ["a", "b", "c"])
        #expect(topics["a"].map { t in (0..<t.count).map(t.docno) } == ["a1", "a2", "a3", "a4"])
        #expect(topics["a"]?.scores == [1, 2, 1, 1])
        #expect(topics["a"]?.lines == [1, 2, 4, 10])
        #expect(topics["b"].map { t in (0..<t.count).map(t.docno) } == ["b1", "b2", "b3"])
        #expect(topics["c"]?.lines == [5, 6, 7])
    }

    @Test("a topic that outgrows the limits is an error at the first line of the block that crosses them")
    func limits() throws {
        // Topic a holds 2 + 1 documents after its second block, 4 after its third: past 3.
        let spill = try TopicRunSpill(name: "run.txt", limits: TopicLimits(maxDocuments: 3, maxDocnoBytes: 100),
                                      partitions: 2, memoryBudget: 1)
        for block in Self.blocks { try spill.add(block) }
        let error = #expect(throws: InputError.self) { try spill.forEachPartition { _ in } }
        #expect(error?.file == "run.txt")
        #expect(error?.line == 10)
    }
}
