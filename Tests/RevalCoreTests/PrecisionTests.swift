import Testing
import RevalCore

/// P, relative_P, Rprec, Rprec_mult, success, recip_rank (Measures/Precision.swift).
/// Each expected value here is one division, so the comparisons are exact.
@Suite("Precision family")
struct PrecisionTests {
    // Sample: relevant at ranks 1, 3, 6 of 10; R = 5.

    static let precisionCases: [(k: Int, expected: Double)] = [
        (1, 1.0 / 1.0),
        (3, 2.0 / 3.0),
        (5, 2.0 / 5.0),
        (10, 3.0 / 10.0),
        (20, 3.0 / 20.0),  // 10 docs retrieved, still divided by 20
    ]

    @Test("P_k = relevant in the top k / k, padded past the end of the run", arguments: PrecisionTests.precisionCases)
    func precision(k: Int, expected: Double) throws {
        #expect(try value("P", "\(k)", Sample.ranking()) == expected)
    }

    @Test("P under -J, -l 2 and -M")
    func precisionOptions() throws {
        // -J: rels [1, 0, 2, 0, 1, 0, 0, 0]: 3 relevant in the top 5
        #expect(try value("P", "5", Sample.ranking(RankingOptions(judgedOnly: true))) == 3.0 / 5.0)
        // -l 2: only d3 (rank 3) in the top 5
        #expect(try value("P", "5", Sample.ranking(RankingOptions(relevanceLevel: 2)),
                          EvalContext(relevanceLevel: 2)) == 1.0 / 5.0)
        // -M 3: 2 relevant in 3 docs, still over 5
        #expect(try value("P", "5", Sample.ranking(RankingOptions(maxRetrieved: 3))) == 2.0 / 5.0)
    }

    static let relativePrecisionCases: [(k: Int, expected: Double)] = [
        (1, 1.0 / 1.0),
        (3, 2.0 / 3.0),
        (5, 2.0 / 5.0),
        (10, 3.0 / 5.0),  // min(10, 5) = 5
        (20, 3.0 / 5.0),
    ]

    @Test("relative_P_k = relevant in the top k / min(k, R)", arguments: PrecisionTests.relativePrecisionCases)
    func relativePrecision(k: Int, expected: Double) throws {
        #expect(try value("relative_P", "\(k)", Sample.ranking()) == expected)
    }

    @Test("relative_P is 0 for a topic with no relevant doc")
    func relativePrecisionNoRelevant() throws {
        let r = try judge(["a"], [("a", 0)])
        #expect(try values("relative_P", "1,5", r) == [0, 0])
    }

    @Test("Rprec = relevant in the top R / R")
    func rPrecision() throws {
        // Sample: R = 5, 2 relevant in the top 5
        #expect(try value("Rprec", Sample.ranking()) == 2.0 / 5.0)
        // Binary: R = 4, relevant at 1 and 3 in the top 4
        #expect(try value("Rprec", Binary.ranking()) == 2.0 / 4.0)
        // Run shorter than R: R = 3, 1 retrieved and relevant
        #expect(try value("Rprec", judge(["a"], [("a", 1), ("b", 1), ("c", 1)])) == 1.0 / 3.0)
        // No relevant doc: 0
        #expect(try value("Rprec", judge(["a"], [("a", 0)])) == 0)
    }

    @Test("Rprec_mult_x = precision at (long)(x * R + 0.9) docs, default multiples")
    func rPrecisionMultiples() throws {
        // R = 5: x = .2 .4 .6 .8 1 1.2 1.4 1.6 1.8 2
        // x*5 + 0.9 = 1.9 2.9 3.9 4.9 5.9 6.9 7.9 8.9 9.9 10.9 -> k = 1 ... 10
        // relevant in the top k: 1 1 2 2 2 3 3 3 3 3
        let expected: [Double] = [1.0 / 1, 1.0 / 2, 2.0 / 3, 2.0 / 4, 2.0 / 5, 3.0 / 6, 3.0 / 7, 3.0 / 8, 3.0 / 9,
                        3.0 / 10]
        #expect(try values("Rprec_mult", Sample.ranking()) == expected)
    }

    @Test("Rprec_mult truncates after adding 0.9 (not lround), and pads past the run")
    func rPrecisionMultipleRounding() throws {
        // x = 0.25: 0.25 * 5 + 0.9 = 2.15 -> 2 docs: 1/2 (lround(1.25) would give 1 doc: 1/1)
        // x = 2.2:  2.2 * 5 + 0.9 = 11.9 -> 11 docs, past the 10 retrieved: 3/11
        // x = 3:    3 * 5 + 0.9 = 15.9 -> 15 docs: 3/15
        #expect(try values("Rprec_mult", "0.25,2.2,3", Sample.ranking()) == [1.0 / 2.0, 3.0 / 11.0, 3.0 / 15.0])
    }

    @Test("success_k is 1 when a relevant doc is in the top k")
    func success() throws {
        let r = try judge(["n1", "n2", "r", "n3"], [("r", 1), ("n1", 0), ("n2", 0), ("n3", 0)])
        #expect(try values("success", "1,2,3,5", r) == [0, 0, 1, 1])
        #expect(try values("success", Sample.ranking()) == [1, 1, 1])  // defaults 1, 5, 10
    }

    @Test("recip_rank = 1 / rank of the first relevant doc")
    func reciprocalRank() throws {
        let r = try judge(["n1", "n2", "r", "n3"], [("r", 1), ("n1", 0), ("n2", 0), ("n3", 0)])
        #expect(try value("recip_rank", r) == 1.0 / 3.0)
        #expect(try value("recip_rank", Sample.ranking()) == 1.0)
        // -l 2: the first grade-2 doc is d3 at rank 3
        #expect(try value("recip_rank", Sample.ranking(RankingOptions(relevanceLevel: 2)),
                          EvalContext(relevanceLevel: 2)) == 1.0 / 3.0)
        // none relevant retrieved
        #expect(try value("recip_rank", judge(["n"], [("n", 0), ("r", 1)])) == 0)
    }
}
