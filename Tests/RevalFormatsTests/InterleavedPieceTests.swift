import RevalCore
import Testing
@testable import RevalFormats

@Suite("InterleavedPiece: an interleaved stretch regrouped by topic, and spilled as it is")
struct InterleavedPieceTests {
    /// Lines 1-7: topics a, c, b and a again, so the stretch is interleaved.
    static let text = """
        a Q0 a3 1 1 t
        c Q0 c1 1 1 t
        c Q0 c2 2 2 t
        c Q0 c3 3 3 t
        b Q0 b2 1 1 t
        b Q0 b3 2 2 t
        a Q0 a4 2 1 t

        """

    static func parsed(_ text: String = text, limits: TopicLimits = .standard) -> ParsedRunChunk {
        Array(text.utf8).withUnsafeBytes { TrecRunParser.parse($0, name: "run.txt", limits: limits) }
    }

    static func docnos(_ topic: TopicRun?) -> [String]? { topic.map { t in (0..<t.count).map(t.docno) } }

    @Test("each topic's documents in file order, with their scores and lines")
    func regrouped() throws {
        let chunk = Self.parsed()
        #expect(chunk.interleaved)
        #expect(chunk.blocks.isEmpty)
        let piece = try #require(chunk.interleavedPiece)
        #expect(piece.topics == ["a", "c", "b"])
        let blocks = piece.blocks()
        #expect(blocks.map(\.topic) == ["a", "c", "b"])
        #expect(Self.docnos(blocks[0]) == ["a3", "a4"])
        #expect(blocks[0].lines == [1, 7])
        #expect(Self.docnos(blocks[1]) == ["c1", "c2", "c3"])
        #expect(blocks[1].scores == [1, 2, 3])
        #expect(blocks[1].docnoEnds == [2, 4, 6])
        #expect(blocks[2].lines == [5, 6])
    }

    @Test("a topic past the limits leaves no piece, and the error names the line that crosses them")
    func limits() {
        let chunk = Self.parsed(limits: TopicLimits(maxDocuments: 2, maxDocnoBytes: 100))
        #expect(chunk.interleavedPiece == nil)
        #expect(chunk.error?.line == 4)
    }

    @Test("a batch's parts spill as their blocks one by one do, lines moved by the lines before",
          arguments: [(1, 1, 1), (3, 1, 2), (3, 1 << 20, 2), (256, 40, 1), (256, 40, 2)])
    func spilledParts(partitions: Int, budget: Int, threads: Int) throws {
        let piece = try #require(Self.parsed().interleavedPiece)
        piece.linesBefore = 3
        // Lines 1-3 as blocks, then the piece: TopicRunSpillTests' blocks.
        var parts: [RunBatchPart] = [.blocks(Array(TopicRunSpillTests.blocks[0..<2])), .interleaved(piece)]
        let spill = try TopicRunSpill(name: "run", partitions: partitions, memoryBudget: budget, threads: threads)
        try spill.add(&parts)
        #expect(parts.isEmpty)
        var topics: [String: TopicRun] = [:]
        try spill.forEachPartition { partition in
            for topic in partition { topics[topic.topic] = topic }
        }
        #expect(topics.keys.sorted() == ["a", "b", "c"])
        #expect(Self.docnos(topics["a"]) == ["a1", "a2", "a3", "a4"])
        #expect(topics["a"]?.scores == [1, 2, 1, 1])
        #expect(topics["a"]?.lines == [1, 2, 4, 10])
        #expect(Self.docnos(topics["b"]) == ["b1", "b2", "b3"])
        #expect(topics["b"]?.lines == [3, 8, 9])
        #expect(topics["c"]?.lines == [5, 6, 7])
        #expect(topics["c"]?.scores == [1, 2, 3])
    }
}
