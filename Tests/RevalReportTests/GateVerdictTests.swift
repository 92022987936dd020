import Foundation
import RevalExperiment
import RevalReport
import Testing

/// The gate's verdicts on TREC DL 2019 passage. Means are trec_eval 10.0's (Qrels/dl19-passage/
/// expected/*.c.l2.*: nDCG@10 BM25 0.5058, BM25+RM3 0.5216, SPLADE++ 0.7308; recall@100 BM25
/// 0.4910, SPLADE++ 0.6390); p-values are the (t-test, BM25 against BM25+RM3 0.364,
/// against SPLADE++ 2.3e-6).
@Suite("reval gate: verdicts on DL19 passage, every check kind passing and failing")
struct GateVerdictTests {
    func only(_ gate: String) throws -> GateVerdict {
        let report = try GateFixture.report(GateFixture.yaml(gate: gate))
        try #require(report.verdicts.count == 1)
        return report.verdicts[0]
    }

    @Test("issue reference 1: SPLADE++ against BM25, min 0.70 and max_drop 0.01 on nDCG@10, passes")
    func spladeAgainstBM25() throws {
        let verdict = try only("candidate: SPLADE++\nbaseline: BM25\nchecks:\n  - {measure: ndcg_cut.10, min: 0.70, max_drop: 0.01}")
        #expect(verdict.passed)
        #expect(abs(verdict.candidateMean - 0.7308) < 5e-5)
        #expect(abs((verdict.baselineMean ?? 0) - 0.5058) < 5e-5)
        #expect(verdict.criteria.map(\.kind) == [.min, .maxDrop])
        // min: 0.7308 - 0.70 = 0.0308; max_drop: floor 0.5058 - 0.01 = 0.4958, margin 0.2350.
        #expect(abs((verdict.criteria[0].margin ?? 0) - 0.0308) < 1e-4)
        #expect(abs(verdict.criteria[1].threshold - 0.4958) < 1e-4)
        #expect(abs((verdict.criteria[1].margin ?? 0) - 0.2350) < 1e-4)
        // 0.0308 < 10% of 0.70 = 0.07: a near miss of min; 0.2350 is far over 10% of 0.01.
        #expect(verdict.criteria[0].nearMiss && !verdict.criteria[1].nearMiss && verdict.isNearMiss)
        #expect(verdict.worstTopics.isEmpty)
    }

    @Test("issue reference 2: BM25 against SPLADE++, max_drop 0.01, fails, with the 10 topics that lost most")
    func bm25AgainstSplade() throws {
        let verdict = try only("candidate: BM25\nbaseline: SPLADE++\nchecks:\n  - {measure: ndcg_cut.10, max_drop: 0.01}")
        #expect(!verdict.passed)
        // 0.5058 < 0.7308 - 0.01 = 0.7208: margin -0.2150.
        #expect(abs((verdict.criteria[0].margin ?? 0) + 0.2150) < 1e-4)
        // The losers from trec_eval's own per-topic nDCG@10 (-q outputs), largest loss first.
        let bm25 = try GateFixture.trecEvalPerTopic("BM25.dl19.q.all_trec.txt", measure: "ndcg_cut_10")
        let splade = try GateFixture.trecEvalPerTopic("SPLADE_P_P_ENSEMBLE_DISTIL.dl19.q.all_trec.txt", measure: "ndcg_cut_10")
        try #require(bm25.count == 43)
        let losses = bm25.compactMap { topic, value in splade[topic].map { (topic, value - $0) } }
            .filter { $0.1 < 0 }.sorted { $0.1 < $1.1 }
        #expect(verdict.worstTopics.count == 10)
        for (k, loss) in verdict.worstTopics.enumerated() {
            #expect(abs(loss.difference - losses[k].1) < 1e-4, "topic \(loss.topic)")
            #expect(abs(loss.difference - (loss.candidate - loss.baseline)) < 1e-12)
            if k > 0 { #expect(loss.difference >= verdict.worstTopics[k - 1].difference) }
        }
        // Rounded to 4 decimals two losses could swap; the largest ones are far apart.
        #expect(verdict.worstTopics[0].topic == losses[0].0)
    }

    @Test("issue reference 3: BM25 not significantly worse than BM25+RM3 (0.0157 lower, t-test p 0.364) passes")
    func notSignificantlyWorseThanRM3() throws {
        let verdict = try only("candidate: BM25\nbaseline: BM25+RM3\nchecks:\n  - {measure: ndcg_cut.10, not_significantly_worse: true}")
        #expect(verdict.passed)
        let criterion = verdict.criteria[0]
        #expect(abs((criterion.difference ?? 0) + 0.0157) < 1e-4)   // 0.5058 - 0.5216
        #expect(abs((criterion.actual ?? 0) - 0.364) < 5e-4)
        #expect(!criterion.nearMiss)
    }

    @Test("issue reference 4: BM25 not significantly worse than SPLADE++ (t-test p 2.3e-6) fails")
    func significantlyWorseThanSplade() throws {
        let verdict = try only("candidate: BM25\nbaseline: SPLADE++\nchecks:\n  - {measure: ndcg_cut.10, not_significantly_worse: true}")
        #expect(!verdict.passed)
        let p = try #require(verdict.criteria[0].actual)
        #expect(p > 2.25e-6 && p < 2.35e-6)
        #expect(!verdict.worstTopics.isEmpty)
    }

    @Test("issue reference 5: BM25 reproduces 0.5058 within 0.0001")
    func reproduceBM25() throws {
        let verdict = try only("candidate: BM25\nchecks:\n  - {measure: ndcg_cut.10, reproduce: 0.0001}")
        #expect(verdict.passed)
        #expect(verdict.baseline == nil)   // the baseline is the candidate: nothing to compare with
        #expect((verdict.criteria[0].actual ?? 1) < 5e-5)
    }

    /// (gate, passes, criterion kind). Arithmetic from trec_eval's means above.
    static let kinds: [(String, Bool, GateCriterion.Kind)] = [
        ("candidate: SPLADE++\nchecks:\n  - {measure: ndcg_cut.10, min: 0.73}", true, .min),            // 0.7308 >= 0.73
        ("candidate: SPLADE++\nchecks:\n  - {measure: ndcg_cut.10, min: 0.74}", false, .min),           // 0.7308 < 0.74
        ("candidate: BM25+RM3\nchecks:\n  - {measure: ndcg_cut.10, max_drop: 0}", true, .maxDrop),      // 0.5216 >= 0.5058
        ("candidate: BM25\nbaseline: BM25+RM3\nchecks:\n  - {measure: ndcg_cut.10, max_drop: 0.02}", true, .maxDrop),   // 0.5058 >= 0.5016
        ("candidate: BM25\nbaseline: BM25+RM3\nchecks:\n  - {measure: ndcg_cut.10, max_drop: 0.01}", false, .maxDrop),  // 0.5058 < 0.5116
        // 0.5216 × 0.95 = 0.4955 <= 0.5058; 0.5216 × 0.98 = 0.5112 > 0.5058.
        ("candidate: BM25\nbaseline: BM25+RM3\nchecks:\n  - {measure: ndcg_cut.10, max_relative_drop: 0.05}", true, .maxRelativeDrop),
        ("candidate: BM25\nbaseline: BM25+RM3\nchecks:\n  - {measure: ndcg_cut.10, max_relative_drop: 0.02}", false, .maxRelativeDrop),
        // recall@100: 0.6390 >= 0.4910 × 0.98 = 0.4812.
        ("candidate: SPLADE++\nchecks:\n  - {measure: recall.100, max_relative_drop: 0.02}", true, .maxRelativeDrop),
        ("candidate: SPLADE++\nchecks:\n  - {measure: ndcg_cut.10, not_significantly_worse: true}", true, .notSignificantlyWorse),  // higher
        ("candidate: BM25\nbaseline: SPLADE++\nchecks:\n  - {measure: ndcg_cut.10, not_significantly_worse: true}", false, .notSignificantlyWorse),
        ("candidate: SPLADE++\nchecks:\n  - {measure: ndcg_cut.10, reproduce: 0.0001}", true, .reproduce),    // 0.7308
        // BM25+RM3's published score is set to 0.5058 on purpose: |0.5216 - 0.5058| = 0.0158 > 0.0001.
        ("candidate: BM25+RM3\nchecks:\n  - {measure: ndcg_cut.10, reproduce: 0.0001}", false, .reproduce),
        ("candidate: BM25+RM3\nchecks:\n  - {measure: ndcg_cut.10, reproduce: 0.02}", true, .reproduce),
    ]

    @Test("every check kind, passing and failing", arguments: kinds.indices)
    func kind(_ index: Int) throws {
        let (gate, passes, kind) = Self.kinds[index]
        let verdict = try only(gate)
        #expect(verdict.criteria.map(\.kind) == [kind])
        #expect(verdict.passed == passes, "\(gate): \(verdict.criteria[0].summary)")
        if let margin = verdict.criteria[0].margin { #expect((margin >= 0) == passes) }
        if !passes && verdict.baseline != nil { #expect(!verdict.worstTopics.isEmpty) }
    }

    @Test("a failing check fails the report; the other verdicts stand")
    func mixed() throws {
        let report = try GateFixture.report(GateFixture.yaml(gate: """
            candidate: BM25
            baseline: BM25+RM3
            checks:
              - {measure: ndcg_cut.10, min: 0.5}
              - {measure: ndcg_cut.10, max_drop: 0.01}
            """))
        #expect(report.verdicts.map(\.passed) == [true, false])
        #expect(!report.passed)
        #expect(report.failures.map(\.check) == [2])
        #expect(report.verdicts.map(\.name) == ["check 1: ndcg_cut.10 min", "check 2: ndcg_cut.10 max_drop"])
    }

    @Test("near misses: within 10% of the threshold's room", arguments: [
        // 0.7308 - 0.70 = 0.0308 < 0.070: near; 0.7308 - 0.65 = 0.0808 >= 0.065: not.
        ("{measure: ndcg_cut.10, min: 0.70}", true),
        ("{measure: ndcg_cut.10, min: 0.65}", false),
        // trec_eval prints 0.7308, so |mean - 0.7308| <= 0.00005 and the room left is at
        // least 0.00005, over 10% of 0.0001: not near.
        ("{measure: ndcg_cut.10, reproduce: 0.0001}", false),
    ])
    func nearMiss(check: String, near: Bool) throws {
        let verdict = try only("candidate: SPLADE++\nchecks:\n  - \(check)")
        #expect(verdict.passed)
        #expect(verdict.isNearMiss == near)
    }

    @Test("one verdict per (check, dataset), in check order then dataset order")
    func perDataset() throws {
        let text = GateFixture.yaml(gate: "candidate: SPLADE++\nchecks:\n  - {measure: ndcg_cut.10, min: 0.5}\n  - {measure: recall.100, min: 0.5, datasets: [second]}")
            .replacing("datasets:\n", with: "datasets:\n  second: {qrels: \"\(GateFixture.dl19)/qrels.dl19-passage.txt\"}\n")
            .replacing("}, expected:", with: ", second: \"\(GateFixture.spladeRun)\"}, expected:")
        let report = try GateFixture.report(text)
        #expect(report.verdicts.map { "\($0.check) \($0.dataset)" } == ["1 second", "1 dl19-passage", "2 second"])
        #expect(report.datasets == ["second", "dl19-passage"])
        #expect(report.passed)
    }

    @Test("the same bytes out with 1 and 4 threads, randomization test included")
    func deterministic() throws {
        let text = GateFixture.yaml(gate: "candidate: BM25\nbaseline: BM25+RM3\nchecks:\n  - {measure: ndcg_cut.10, not_significantly_worse: true, max_drop: 0.001}",
                                    significance: "{test: randomization, permutations: 2000, seed: 7}")
        let one = try GateFixture.report(text, threads: 1)
        let four = try GateFixture.report(text, threads: 4)
        #expect(GateJSONRenderer.render(one) == GateJSONRenderer.render(four))
        #expect(JUnitRenderer.render(one) == JUnitRenderer.render(four))
    }
}
