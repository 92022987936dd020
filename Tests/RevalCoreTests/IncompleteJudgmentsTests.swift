import Foundation
import Testing
import RevalCore

/// bpref, gm_bpref and infAP (Measures/IncompleteJudgments.swift). Docs not in the pool
/// (-1) and pooled but unjudged docs (-2) are skipped by all three.
@Suite("Measures for incomplete judgments")
struct IncompleteJudgmentsTests {
    @Test("bpref on the sample: unjudged docs are skipped")
    func bprefSample() throws {
        // R = 5, judged nonrelevant = 6 (d2 d4 d6 d8 d9 n1), min(6, R) = 5.
        // rank 1 d1 rel, 0 nonrel above:          1
        // rank 3 d3 rel, 1 nonrel above (d2):     1 - 1/5 = 0.8
        // rank 6 d5 rel, 2 nonrel above (d2 d4):  1 - 2/5 = 0.6   (x1 at rank 4 is skipped)
        // bpref = (1 + 0.8 + 0.6) / 5 = 2.4 / 5 = 0.48
        expectClose(try value("bpref", Sample.ranking()), 0.48)
    }

    @Test("bpref caps the nonrelevant count at R")
    func bprefCapped() throws {
        // R = 2, judged nonrelevant = 5, min(5, 2) = 2.
        let r = try judge(["n1", "r1", "n2", "n3", "n4", "r2"],
                          [("r1", 1), ("r2", 1), ("n1", 0), ("n2", 0), ("n3", 0), ("n4", 0), ("n5", 0)])
        // r1: 1 - min(1, 2)/2 = 0.5;  r2: 1 - min(4, 2)/2 = 0
        // bpref = (0.5 + 0) / 2 = 0.25
        #expect(try value("bpref", r) == 0.25)
    }

    @Test("bpref divides by min(judged nonrelevant, R) when there are few nonrelevant docs")
    func bprefFewNonrelevant() throws {
        // R = 3, judged nonrelevant = 1.
        let r = try judge(["r1", "n1", "r2"], [("r1", 1), ("r2", 1), ("r3", 1), ("n1", 0)])
        // r1: 1;  r2: 1 - min(1, 3)/min(1, 3) = 0;  bpref = 1/3
        #expect(try value("bpref", r) == 1.0 / 3.0)
    }

    @Test("bpref at -l 2 counts grade-1 docs as nonrelevant")
    func bprefLevelTwo() throws {
        let r = try Sample.ranking(RankingOptions(relevanceLevel: 2))
        // R = 2 (d3 u1); judged nonrelevant = 9 (grades 0 and 1), min = 2.
        // d3 at rank 3 has d1, d2 above: 1 - min(2, 2)/2 = 0.  bpref = 0/2 = 0
        #expect(try value("bpref", r, EvalContext(relevanceLevel: 2)) == 0)
    }

    @Test("gm_bpref is the geometric mean of bpref")
    func gmBpref() throws {
        var input = MultiTopic()
        input.add("a", ranked: ["r"], judgments: [("r", 1), ("n", 0)])  // bpref 1
        input.add("b", ranked: ["n1", "r1", "n2", "n3", "n4", "r2"],
                  judgments: [("r1", 1), ("r2", 1), ("n1", 0), ("n2", 0), ("n3", 0), ("n4", 0),
                              ("n5", 0)])  // bpref 0.25, as above
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels,
                                   measures: try MeasureCatalog.select(["bpref", "gm_bpref"]))
        // gm = sqrt(1 * 0.25) = 0.5;  mean = 1.25 / 2 = 0.625
        expectClose(try summary(e, "gm_bpref")[0], 0.5)
        #expect(try summary(e, "bpref")[0] == 0.625)
    }

    @Test("infAP equals AP when every retrieved doc is judged and the epsilons cancel")
    func infAPFullyJudged() throws {
        let r = try judge(["a", "b", "c", "d"], [("a", 1), ("b", 0), ("c", 1), ("d", 0)])
        // rank 1: 1
        // rank 3 (j = 2, 1 rel and 1 nonrel above):
        //   1/3 + (2/3) * ((1 + 1 + 0)/2) * ((1 + e)/(1 + 1 + 2e)) = 1/3 + (2/3)(1)(1/2) = 2/3
        // infAP = (1 + 2/3) / 2 = 5/6 = AP
        expectClose(try value("infAP", r), 5.0 / 6.0)
        expectClose(try value("map", r), 5.0 / 6.0)
    }

    @Test("infAP differs from AP by the epsilon when no relevant doc is above")
    func infAPEpsilon() throws {
        let r = try judge(["n", "r"], [("r", 1), ("n", 0)])
        // j = 1, 0 rel and 1 nonrel above, e = 0.00001:
        //   1/2 + (1/2) * ((0 + 1 + 0)/1) * ((0 + e)/(0 + 1 + 2e)) = 0.5 + 0.5 * 1e-5/1.00002
        let expected = 0.5 + 0.5 * (0.00001 / 1.00002)
        expectClose(try value("infAP", r), expected)
        #expect(try value("infAP", r) != 0.5)
    }

    @Test("infAP with a pooled-unjudged doc and a non-pool doc above relevant ones")
    func infAPUnjudged() throws {
        // rels by rank: [1, -2, 0, 1, -1, 1]; R = 3
        let r = try judge(["a", "b", "c", "d", "x", "e"],
                          [("a", 1), ("b", -1), ("c", 0), ("d", 1), ("e", 1)])
        #expect(r.rels == [1, -2, 0, 1, -1, 1])
        let e = 0.00001
        // rank 1 (j = 0): 1
        let t1 = 1.0
        // rank 4 (j = 3): rel above 1, nonrel 1, unjudged 1
        //   1/4 + (3/4) * ((1 + 1 + 1)/3) * ((1 + e)/(1 + 1 + 2e)) = 1/4 + 3/8 = 5/8
        let t4 = 1.0 / 4.0 + (3.0 / 4.0) * (3.0 / 3.0) * ((1 + e) / (2 + 2 * e))
        // rank 6 (j = 5): rel above 2, nonrel 1, unjudged 1 (the non-pool doc x is not counted)
        //   1/6 + (5/6) * ((2 + 1 + 1)/5) * ((2 + e)/(2 + 1 + 2e)) = 0.6111
        let t6 = 1.0 / 6.0 + (5.0 / 6.0) * (4.0 / 5.0) * ((2 + e) / (3 + 2 * e))
        expectClose(t4, 5.0 / 8.0)
        // infAP = (1 + 0.625 + 0.6111) / 3 = 0.7454
        expectClose(try value("infAP", r), (t1 + t4 + t6) / 3.0)
        // AP here is (1/1 + 2/4 + 3/6) / 3 = 2/3: infAP is not AP once docs are unjudged.
        expectClose(try value("map", r), 2.0 / 3.0)
    }

    @Test("infAP and bpref are 0 with no relevant doc retrieved")
    func noRelevant() throws {
        let r = try judge(["n", "x"], [("r", 1), ("n", 0)])
        #expect(try value("infAP", r) == 0)
        #expect(try value("bpref", r) == 0)
    }
}
