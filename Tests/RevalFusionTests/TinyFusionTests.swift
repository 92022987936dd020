import RevalCore
import RevalFusion
import Testing

/// Fusions of two tiny runs worked out by hand. Scores are binary fractions, so that the
/// normalised values are exact and the expected doubles are the hand results themselves.
///
/// Run A, topic q: d1 3, d2 2, d3 2, d4 1 (d2 and d3 tie).
/// Run B, topic q: d3 4, d5 2.5, d1 1 (d5 only in B, d2 and d4 only in A).
///
/// Ranks as trec_eval ranks (score descending, then docno descending by bytes):
/// A: d1 1, d3 2, d2 3, d4 4 (the tie at 2 goes to "d3" > "d2"); B: d3 1, d5 2, d1 3.
@Suite("Fusion of two tiny runs, by hand")
struct TinyFusionTests {
    static let a = topicRun("q", [("d1", 3), ("d2", 2), ("d3", 2), ("d4", 1)])
    static let b = topicRun("q", [("d3", 4), ("d5", 2.5), ("d1", 1)])

    private func fuse(_ fusion: Fusion, _ runs: [TopicRun?] = [a, b]) throws -> [(String, Double)] {
        ranking(try FusionPool(topic: "q", runs: runs, fusion: fusion).fused(by: fusion))
    }

    @Test("RRF, k = 60")
    func rrf() throws {
        // d1 = 1/61 + 1/63, d3 = 1/62 + 1/61 (ranks 2 in A, 1 in B), d5 = 1/62, d2 = 1/63, d4 = 1/64.
        // 1/61 + 1/62 = 0.03252 > 1/61 + 1/63 = 0.03227 > 1/62 = 0.01613 > 1/63 = 0.01587 > 1/64.
        let expected: [(String, Double)] = [
            ("d3", 1.0 / 62 + 1.0 / 61), ("d1", 1.0 / 61 + 1.0 / 63),
            ("d5", 1.0 / 62), ("d2", 1.0 / 63), ("d4", 1.0 / 64),
        ]
        let got = try fuse(try Fusion(method: .rrf, runCount: 2))
        #expect(same(got, expected), "\(got)")
    }

    @Test("RRF, k = 0: 1/rank")
    func rrfZero() throws {
        // d3 = 1/2 + 1 = 1.5, d1 = 1 + 1/3, d5 = 1/2, d2 = 1/3, d4 = 1/4.
        let expected: [(String, Double)] = [("d3", 1.5), ("d1", 1 + 1.0 / 3), ("d5", 0.5), ("d2", 1.0 / 3), ("d4", 0.25)]
        let got = try fuse(try Fusion(method: .rrf, runCount: 2, k: 0))
        #expect(same(got, expected), "\(got)")
    }

    /// minmax: A (min 1, max 3): d1 1, d2 0.5, d3 0.5, d4 0; B (min 1, max 4): d3 1, d5 0.5, d1 0.
    @Test("CombSUM, minmax")
    func combSUM() throws {
        // d1 = 1 + 0 = 1, d2 = 0.5, d3 = 0.5 + 1 = 1.5, d4 = 0, d5 = 0.5;
        // d5 and d2 tie at 0.5: "d5" > "d2" comes first.
        let expected: [(String, Double)] = [("d3", 1.5), ("d1", 1), ("d5", 0.5), ("d2", 0.5), ("d4", 0)]
        let got = try fuse(try Fusion(method: .combsum, runCount: 2))
        #expect(same(got, expected), "\(got)")
    }

    @Test("CombMNZ, minmax")
    func combMNZ() throws {
        // CombSUM × runs: d3 1.5 × 2 = 3, d1 1 × 2 = 2, d5 0.5 × 1, d2 0.5 × 1, d4 0 × 1.
        let expected: [(String, Double)] = [("d3", 3), ("d1", 2), ("d5", 0.5), ("d2", 0.5), ("d4", 0)]
        let got = try fuse(try Fusion(method: .combmnz, runCount: 2))
        #expect(same(got, expected), "\(got)")
    }

    @Test("convex combination 0.25, 0.75, minmax")
    func convexCombination() throws {
        // d1 = 0.25·1 + 0.75·0 = 0.25, d2 = 0.25·0.5 = 0.125, d3 = 0.25·0.5 + 0.75·1 = 0.875,
        // d4 = 0, d5 = 0.75·0.5 = 0.375.
        let expected: [(String, Double)] = [("d3", 0.875), ("d5", 0.375), ("d1", 0.25), ("d2", 0.125), ("d4", 0)]
        let got = try fuse(try Fusion(method: .cc, runCount: 2, weights: [0.25, 0.75]))
        #expect(same(got, expected), "\(got)")
    }

    @Test("CombSUM, z-score (population standard deviation)")
    func zScore() throws {
        // A: mean 2, deviations 1, 0, 0, -1, variance 2/4 = 0.5: d1 1/√0.5, d2 = d3 = 0, d4 -1/√0.5.
        // B: mean 2.5, deviations 1.5, 0, -1.5, variance 4.5/3 = 1.5: d3 1.5/√1.5, d5 0, d1 -1.5/√1.5.
        // d3 = 0 + 1.2247 = 1.2247, d1 = 1.4142 - 1.2247 = 0.1895, d5 = d2 = 0 (d5 first), d4 = -1.4142.
        let root2 = 0.5.squareRoot(), root15 = 1.5.squareRoot()
        let expected: [(String, Double)] = [
            ("d3", 0 / root2 + 1.5 / root15), ("d1", 1 / root2 + -1.5 / root15),
            ("d5", 0), ("d2", 0), ("d4", -1 / root2),
        ]
        let got = try fuse(try Fusion(method: .combsum, runCount: 2, normalization: .zscore))
        #expect(same(got, expected), "\(got)")
    }

    @Test("convex combination 0.5, 0.5, theoretical min-max with lower bounds 0 and -2")
    func theoreticalMinMax() throws {
        // A: (s - 0)/(3 - 0): d1 1, d2 = d3 = 2/3, d4 1/3. B: (s + 2)/(4 + 2): d3 1, d5 4.5/6 = 0.75, d1 3/6 = 0.5.
        // d1 = 0.5 + 0.25 = 0.75, d2 = 1/3, d3 = 1/3 + 0.5 = 0.8333, d4 = 1/6, d5 = 0.375.
        let expected: [(String, Double)] = [
            ("d3", 0.5 * (2.0 / 3) + 0.5), ("d1", 0.75), ("d5", 0.375), ("d2", 0.5 * (2.0 / 3)), ("d4", 0.5 * (1.0 / 3)),
        ]
        let got = try fuse(try Fusion(method: .cc, runCount: 2, normalization: .tmm, lowerBounds: [0, -2]))
        #expect(same(got, expected), "\(got)")
    }

    @Test("CombSUM without normalisation adds the raw scores")
    func rawScores() throws {
        // d3 = 2 + 4 = 6, d1 = 3 + 1 = 4, d5 = 2.5, d2 = 2, d4 = 1.
        let expected: [(String, Double)] = [("d3", 6), ("d1", 4), ("d5", 2.5), ("d2", 2), ("d4", 1)]
        let got = try fuse(try Fusion(method: .combsum, runCount: 2, normalization: ScoreNormalization.none))
        #expect(same(got, expected), "\(got)")
    }

    /// Run C: e1, e2, e3 all 5; run D: e3, e4 both 5.
    static let c = topicRun("q", [("e1", 5), ("e2", 5), ("e3", 5)])
    static let d = topicRun("q", [("e3", 5), ("e4", 5)])

    @Test("all-equal scores: minmax gives 1, z-score 0, RRF ranks by docno")
    func allEqual() throws {
        // minmax of equal scores is 1: e3 = 1 + 1 = 2, e4 = e2 = e1 = 1, ties by docno descending.
        #expect(same(try fuse(try Fusion(method: .combsum, runCount: 2), [Self.c, Self.d]),
                     [("e3", 2), ("e4", 1), ("e2", 1), ("e1", 1)]))
        // z-score with σ = 0 is 0 for every document: all tie at 0.
        #expect(same(try fuse(try Fusion(method: .combmnz, runCount: 2, normalization: .zscore), [Self.c, Self.d]),
                     [("e4", 0), ("e3", 0), ("e2", 0), ("e1", 0)]))
        // tmm with max = L is 1 as well.
        #expect(same(try fuse(try Fusion(method: .cc, runCount: 2, normalization: .tmm, lowerBounds: [5, 5]), [Self.c, Self.d]),
                     [("e3", 1), ("e4", 0.5), ("e2", 0.5), ("e1", 0.5)]))
        // Ranks by docno descending: C: e3 1, e2 2, e1 3; D: e4 1, e3 2.
        // e3 = 1/61 + 1/62, e4 = 1/61, e2 = 1/62, e1 = 1/63.
        #expect(same(try fuse(try Fusion(method: .rrf, runCount: 2), [Self.c, Self.d]),
                     [("e3", 1.0 / 61 + 1.0 / 62), ("e4", 1.0 / 61), ("e2", 1.0 / 62), ("e1", 1.0 / 63)]))
    }

    @Test("a topic only one run has is that run's ranking, weighted")
    func topicInOneRun() throws {
        // Only A: cc 0.5, 0.5 of minmax: d1 0.5, d3 = d2 = 0.25 (d3 first), d4 0.
        let got = try fuse(try Fusion(method: .cc, runCount: 2), [Self.a, nil])
        #expect(same(got, [("d1", 0.5), ("d3", 0.25), ("d2", 0.25), ("d4", 0)]), "\(got)")
    }

    @Test("depth keeps the first documents of the fused ranking")
    func depth() throws {
        let got = try fuse(try Fusion(method: .combsum, runCount: 2, depth: 2))
        #expect(same(got, [("d3", 1.5), ("d1", 1)]), "\(got)")
    }

    @Test("depth cuts through tied documents by docno")
    func depthThroughTies() throws {
        // F: a0 ... a9, all 1; G: z, 1. minmax of equal scores is 1, so all eleven tie at 1;
        // by docno descending the first three are z, a9, a8.
        let f = topicRun("q", (0..<10).map { ("a\($0)", 1.0) })
        let g = topicRun("q", [("z", 1)])
        let got = try fuse(try Fusion(method: .combsum, runCount: 2, depth: 3), [f, g])
        #expect(same(got, [("z", 1), ("a9", 1), ("a8", 1)]), "\(got)")
    }

    @Test("a run not in score order fuses as the same run in order", arguments: [
        FusionMethod.rrf, .combsum, .combmnz, .cc,
    ])
    func fileOrder(_ method: FusionMethod) throws {
        // A's lines shuffled: d4 1, d2 2, d1 3, d3 2.
        let shuffled = topicRun("q", [("d4", 1), ("d2", 2), ("d1", 3), ("d3", 2)])
        for normalization in method == .rrf ? [nil] : [ScoreNormalization.minmax, .zscore] {
            let fusion = try Fusion(method: method, runCount: 2, normalization: normalization)
            #expect(same(try fuse(fusion, [shuffled, Self.b]), try fuse(fusion)))
        }
    }

    @Test("weighted RRF and weighted CombSUM")
    func weights() throws {
        // RRF, k = 0, weights 2 and 1: d3 = 2·1/2 + 1·1 = 2, d1 = 2·1 + 1·1/3, d5 = 1/2, d2 = 2/3, d4 = 2/4.
        // d2 (0.667) now passes d5 (0.5); d5 and d4 tie at 0.5: "d5" first.
        let got = try fuse(try Fusion(method: .rrf, runCount: 2, k: 0, weights: [2, 1]))
        #expect(same(got, [("d1", 2 + 1.0 / 3), ("d3", 2), ("d2", 2.0 / 3), ("d5", 0.5), ("d4", 0.5)]), "\(got)")
    }

    @Test("three runs: every run's term is added in order")
    func threeRuns() throws {
        // Third run E: d4 only. CombMNZ minmax: E gives d4 1 (one document: max = min).
        // d4 = (0 + 1) × 2 = 2, d3 = 1.5 × 2 = 3, d1 = 1 × 2 = 2; d4 and d1 tie at 2: "d4" first.
        let e = topicRun("q", [("d4", 7)])
        let fusion = try Fusion(method: .combmnz, runCount: 3)
        let got = ranking(try FusionPool(topic: "q", runs: [Self.a, Self.b, e], fusion: fusion).fused(by: fusion))
        #expect(same(got, [("d3", 3), ("d4", 2), ("d1", 2), ("d5", 0.5), ("d2", 0.5)]), "\(got)")
    }
}

@Suite("Fusion: documents that cannot be fused")
struct FusionDataErrorTests {
    @Test("a document twice in one run names both lines")
    func duplicate() throws {
        let twice = topicRun("q", [("d1", 3), ("d2", 2), ("d1", 1)])
        let fusion = try Fusion(method: .rrf, runCount: 2)
        #expect(throws: FusionError("document 'd1' appears twice for topic 'q' (also line 1)", run: 1, line: 3, exitCode: 4)) {
            try FusionPool(topic: "q", runs: [TinyFusionTests.a, twice], fusion: fusion)
        }
    }

    @Test("a score that is not finite cannot be normalised")
    func infinite() throws {
        let run = topicRun("q", [("d1", .infinity), ("d2", 2)])
        let fusion = try Fusion(method: .combsum, runCount: 2)
        #expect(throws: FusionError("score inf cannot be fused by combsum; expected a finite number", run: 0, line: 1)) {
            try FusionPool(topic: "q", runs: [run, TinyFusionTests.b], fusion: fusion)
        }
        // RRF reads only ranks: an infinite score is fine.
        let rrf = try Fusion(method: .rrf, runCount: 2)
        #expect(try FusionPool(topic: "q", runs: [run, TinyFusionTests.b], fusion: rrf).count == 4)
    }

    @Test("tmm: a score below the run's lower bound")
    func belowLowerBound() throws {
        let fusion = try Fusion(method: .cc, runCount: 2, normalization: .tmm, lowerBounds: [0, 2])
        do {
            _ = try FusionPool(topic: "q", runs: [TinyFusionTests.a, TinyFusionTests.b], fusion: fusion)
            Issue.record("expected an error")
        } catch {
            // B's d1 (score 1, line 3) is below 2.
            #expect(error.run == 1 && error.line == 3)
        }
    }
}
