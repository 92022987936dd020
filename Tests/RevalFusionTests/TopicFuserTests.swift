import RevalCore
@testable import RevalFusion
import Testing

/// `TopicFuser` (what `reval fuse` streams through) must write what `FusionPool` and
/// `FusedRunWriter` write (what `--tune` and the library use), topic after topic with its
/// tables reused, and refuse what they refuse with the same error.
@Suite("TopicFuser")
struct TopicFuserTests {
    static let a = TinyFusionTests.a
    static let b = TinyFusionTests.b

    private func lines(_ fuser: TopicFuser, _ topic: String, _ runs: [TopicRun?]) throws -> String {
        let bytes = FusedBytes(capacity: 64)
        try fuser.fuse(topic: topic, runs: runs, into: bytes)
        return String(decoding: bytes.contents, as: UTF8.self)
    }

    /// The tiny runs of TinyFusionTests, whose fused scores are worked out there by hand.
    @Test("the tiny runs, by hand", arguments: [
        // CombSUM, minmax: d3 1.5, d1 1, d5 0.5 and d2 0.5 (tied: "d5" > "d2"), d4 0.
        (FusionMethod.combsum, "q Q0 d3 1 1.5 t\nq Q0 d1 2 1 t\nq Q0 d5 3 0.5 t\nq Q0 d2 4 0.5 t\nq Q0 d4 5 0 t\n"),
        // CombMNZ, minmax: d3 1.5 × 2 = 3, d1 1 × 2 = 2, then as CombSUM.
        (FusionMethod.combmnz, "q Q0 d3 1 3 t\nq Q0 d1 2 2 t\nq Q0 d5 3 0.5 t\nq Q0 d2 4 0.5 t\nq Q0 d4 5 0 t\n"),
        // RRF, k = 60: d3 1/62 + 1/61, d1 1/61 + 1/63, d5 1/62, d2 1/63, d4 1/64 (%.17g of each, by Python's correctly rounded "%.17g").
        (FusionMethod.rrf, "q Q0 d3 1 0.03252247488101534 t\nq Q0 d1 2 0.032266458495966696 t\n"
            + "q Q0 d5 3 0.016129032258064516 t\nq Q0 d2 4 0.015873015873015872 t\nq Q0 d4 5 0.015625 t\n"),
    ])
    func tiny(_ method: FusionMethod, _ expected: String) throws {
        let fuser = TopicFuser(fusion: try Fusion(method: method, runCount: 2), tag: "t")
        #expect(try lines(fuser, "q", [Self.a, Self.b]) == expected)
    }

    @Test("a run without the topic, and a cut inside a tie")
    func absentRunAndTie() throws {
        // Only A: minmax 1, 0.5, 0.5, 0 times weight 1; depth 2 keeps d1 and, of the tie
        // d2 = d3 = 0.5, "d3" (docno descending).
        let fuser = TopicFuser(fusion: try Fusion(method: .combsum, runCount: 2, depth: 2), tag: "t")
        #expect(try lines(fuser, "q", [Self.a, nil]) == "q Q0 d1 1 1 t\nq Q0 d3 2 0.5 t\n")
    }

    /// Random topics with shared documents, tied scores, runs without the topic, runs not in
    /// score order, through one fuser per setting, against the pool and its writer.
    @Test("the pool's lines on random topics", arguments: [
        (FusionMethod.rrf, ScoreNormalization?.none, 1000),
        (FusionMethod.rrf, nil, 7),
        (FusionMethod.combsum, .minmax, 1000),
        (FusionMethod.combsum, ScoreNormalization.none, 5),
        (FusionMethod.combmnz, .zscore, 1000),
        (FusionMethod.combmnz, .minmax, 3),
        (FusionMethod.cc, .tmm, 1000),
        (FusionMethod.cc, .zscore, 10),
    ])
    func randomTopics(_ method: FusionMethod, _ normalization: ScoreNormalization?, _ depth: Int) throws {
        var random = SeededGenerator(seed: UInt64(depth) &* 31 &+ UInt64(method.rawValue.count))
        let runCount = 3
        let fusion = try Fusion(method: method, runCount: runCount, normalization: normalization,
                                weights: method == .cc ? [0.5, 0.25, 0.25] : (method == .rrf ? nil : [1, 0.5, 2]),
                                lowerBounds: normalization == .tmm ? [-10, -10, -10] : nil, depth: depth)
        let fuser = TopicFuser(fusion: fusion, tag: "tag")
        var mismatches: [String] = []
        for t in 0..<60 {
            let topic = "t\(t)"
            // Topic sizes from 0 to 300, so that the table grows and is reused.
            let size = Int(random.next() % 300)
            let runs: [TopicRun?] = (0..<runCount).map { r in
                if random.next() % 7 == 0 { return nil }
                var documents: [(String, Double)] = []
                var used = Set<Int>()
                for _ in 0..<size {
                    let d = Int(random.next() % UInt64(2 * size + 1))
                    guard used.insert(d).inserted else { continue }
                    // Few distinct scores, so that ties are common.
                    documents.append(("doc\(d)", Double(random.next() % 16) / 4 - 1))
                }
                if t % 2 == 0 { documents.sort { $0.1 > $1.1 } }
                return topicRun(topic, documents)
            }
            let pool = try FusionPool(topic: topic, runs: runs, fusion: fusion)
            var expected: [UInt8] = []
            FusedRunWriter.append(pool, ranking: pool.ranking(by: fusion), tag: "tag", to: &expected)
            let got = try lines(fuser, topic, runs)
            if got != String(decoding: expected, as: UTF8.self) { mismatches.append(topic) }
        }
        #expect(mismatches.isEmpty, "topics that differ: \(mismatches)")
    }

    @Test("a refused topic gives the pool's error, and the next topic is fused as before")
    func refusedTopic() throws {
        let fusion = try Fusion(method: .combsum, runCount: 2)
        let fuser = TopicFuser(fusion: fusion, tag: "t")
        let twice = topicRun("q", [("d1", 3), ("d2", 2), ("d1", 1)])
        let poolError = #expect(throws: FusionError.self) { try FusionPool(topic: "q", runs: [Self.a, twice], fusion: fusion) }
        let fuserError = #expect(throws: FusionError.self) { try lines(fuser, "q", [Self.a, twice]) }
        #expect(poolError == fuserError)
        #expect(fuserError?.exitCode == 4)
        let infinite = topicRun("q", [("d1", .infinity)])
        #expect(throws: FusionError.self) { try lines(fuser, "q", [Self.a, infinite]) }
        #expect(try lines(fuser, "q", [Self.a, Self.b]).hasPrefix("q Q0 d3 1 1.5 t\n"))
    }
}
