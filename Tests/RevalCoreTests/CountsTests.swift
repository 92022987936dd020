import Testing
import RevalCore

/// num_ret, num_rel, num_rel_ret, num_nonrel_judged_ret (Measures/Counts.swift).
/// num_q and runid are summary-only; EvaluatorTests covers them.
@Suite("Counts")
struct CountsTests {
    @Test("counts on the sample ranking")
    func sampleCounts() throws {
        let r = try Sample.ranking()
        #expect(try value("num_ret", r) == 10)
        #expect(try value("num_rel", r) == 5)  // d1 d3 d5 u1 u2
        #expect(try value("num_rel_ret", r) == 3)  // d1 d3 d5
        // num_nonrel_judged_ret = ret - nonpool - unjudged - relret = 10 - 1 - 1 - 3 = 5
        // (d2 d4 d6 d8 d9)
        #expect(try value("num_nonrel_judged_ret", r) == 5)
    }

    @Test("-l 2 moves grade-1 docs to the judged non-relevant count")
    func countsAtLevelTwo() throws {
        let r = try Sample.ranking(RankingOptions(relevanceLevel: 2))
        let ctx = EvalContext(relevanceLevel: 2)
        #expect(try value("num_rel", r, ctx) == 2)  // d3 u1
        #expect(try value("num_rel_ret", r, ctx) == 1)  // d3
        // 10 - 1 - 1 - 1 = 7 (d1 d2 d4 d5 d6 d8 d9)
        #expect(try value("num_nonrel_judged_ret", r, ctx) == 7)
    }

    @Test("-J leaves only judged docs in num_ret")
    func countsJudgedOnly() throws {
        let r = try Sample.ranking(RankingOptions(judgedOnly: true))
        #expect(try value("num_ret", r) == 8)
        #expect(try value("num_rel_ret", r) == 3)
        #expect(try value("num_nonrel_judged_ret", r) == 5)  // 8 - 0 - 0 - 3
    }

    @Test("-M cuts num_ret but not num_rel")
    func countsCut() throws {
        let r = try Sample.ranking(RankingOptions(maxRetrieved: 3))
        #expect(try value("num_ret", r) == 3)
        #expect(try value("num_rel", r) == 5)
        #expect(try value("num_rel_ret", r) == 2)
        #expect(try value("num_nonrel_judged_ret", r) == 1)  // 3 - 0 - 0 - 2 (d2)
    }

    @Test("num_rel counts only non-negative grades at or above the level")
    func numRelIgnoresNegativeGrades() throws {
        let r = try judge(["a"], [("a", -1), ("b", -3), ("c", 1), ("d", 0)])
        #expect(try value("num_rel", r) == 1)
    }
}
