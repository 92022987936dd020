import Foundation
import Testing
import RevalCore

/// dcg, ideal_dcg, ndcg and ndcg_cut (Measures/CumulativeGain.swift).
///
/// trec_eval's ndcg: gain = grade (linear), discount log2(rank + 1), the ideal ranking
/// made of ALL judged docs of the topic, -l ignored. ndcg_cut: gain = raw grade, ideal
/// cut at k, custom gains and -l ignored.
@Suite("Cumulative gain family")
struct CumulativeGainTests {
    // Sample rels by rank: [1, 0, 2, -1, 0, 1, 0, -2, 0, 0]; judged grades 2,2,1,1,1,0...

    /// dcg of the sample: 1/log2(2) + 2/log2(4) + 1/log2(7) = 1 + 1 + 0.3562 = 2.3562
    static let sampleDCG = 1.0 / log2(2.0) + 2.0 / log2(4.0) + 1.0 / log2(7.0)
    /// ideal of the sample (2, 2, 1, 1, 1):
    /// 2/log2(2) + 2/log2(3) + 1/log2(4) + 1/log2(5) + 1/log2(6)
    /// = 2 + 1.2619 + 0.5 + 0.4307 + 0.3869 = 4.5794
    static let sampleIdeal = 2.0 / log2(2.0) + 2.0 / log2(3.0) + 1.0 / log2(4.0)
        + 1.0 / log2(5.0) + 1.0 / log2(6.0)

    @Test("dcg, ideal_dcg and ndcg with linear gains")
    func linearGains() throws {
        let r = try Sample.ranking()
        expectClose(try value("dcg", r), Self.sampleDCG)
        expectClose(try value("ideal_dcg", r), Self.sampleIdeal)
        // ndcg = 2.3562 / 4.5794 = 0.5145
        expectClose(try value("ndcg", r), Self.sampleDCG / Self.sampleIdeal)
    }

    @Test("custom gains 1=3,2=9 replace the grade as gain")
    func customGains() throws {
        let r = try Sample.ranking()
        // dcg = 3/log2(2) + 9/log2(4) + 3/log2(7) = 3 + 4.5 + 1.0686 = 8.5686
        let dcg = 3.0 / log2(2.0) + 9.0 / log2(4.0) + 3.0 / log2(7.0)
        // ideal (9, 9, 3, 3, 3) = 9 + 9/log2(3) + 3/2 + 3/log2(5) + 3/log2(6) = 22.238
        let ideal = 9.0 / log2(2.0) + 9.0 / log2(3.0) + 3.0 / log2(4.0)
            + 3.0 / log2(5.0) + 3.0 / log2(6.0)
        expectClose(try value("dcg", "1=3,2=9", r), dcg)
        expectClose(try value("ideal_dcg", "1=3,2=9", r), ideal)
        expectClose(try value("ndcg", "1=3,2=9", r), dcg / ideal)
    }

    @Test("a level without a custom gain keeps gain = level")
    func partialCustomGains() throws {
        let r = try Sample.ranking()
        // 2=4 only: gains 1 -> 1, 2 -> 4
        // dcg = 1 + 4/2 + 1/log2(7); ideal (4, 4, 1, 1, 1) = 4 + 4/log2(3) + 1/2 + 1/log2(5) + 1/log2(6)
        let dcg = 1.0 + 4.0 / 2.0 + 1.0 / log2(7.0)
        let ideal = 4.0 + 4.0 / log2(3.0) + 1.0 / 2.0 + 1.0 / log2(5.0) + 1.0 / log2(6.0)
        expectClose(try value("ndcg", "2=4", r), dcg / ideal)
    }

    @Test("the ideal ranking holds every judged doc, so a short run cannot reach 1")
    func idealOverAllJudged() throws {
        let r = try judge(["a"], [("a", 2), ("b", 1), ("c", 1)])
        // dcg = 2/log2(2) = 2; ideal = 2 + 1/log2(3) + 1/log2(4) = 3.1309
        let ideal = 2.0 + 1.0 / log2(3.0) + 1.0 / log2(4.0)
        expectClose(try value("ndcg", r), 2.0 / ideal)
        #expect(try value("ndcg", r) < 1)
        // A perfect and complete ranking gives exactly 1.
        let perfect = try judge(["a", "b", "c"], [("a", 2), ("b", 1), ("c", 1)])
        #expect(try value("ndcg", perfect) == 1)
    }

    @Test("ndcg is 0 for a topic with no relevant doc")
    func ndcgNoRelevant() throws {
        let r = try judge(["a", "b"], [("a", 0), ("b", 0)])
        #expect(try value("ndcg", r) == 0)
        #expect(try value("ideal_dcg", r) == 0)
    }

    @Test("ndcg ignores -l")
    func ndcgIgnoresLevel() throws {
        let r = try Sample.ranking(RankingOptions(relevanceLevel: 2))
        expectClose(try value("ndcg", r, EvalContext(relevanceLevel: 2)), Self.sampleDCG / Self.sampleIdeal)
    }

    /// ideal dcg of the sample cut at 3: 2/log2(2) + 2/log2(3) + 1/log2(4) = 3.7619
    static let sampleIdealAt3 = 2.0 + 2.0 / log2(3.0) + 1.0 / log2(4.0)

    static let ndcgCutCases: [(k: Int, expected: Double)] = [
        // dcg@1 = 1, ideal@1 = 2: 1/2
        (1, 0.5),
        // dcg@3 = 1 + 2/log2(4) = 2; ideal@3 = 3.7619: 0.5316
        (3, 2.0 / CumulativeGainTests.sampleIdealAt3),
        // dcg@5 = 2 (ranks 4 and 5 gain nothing); ideal@5 = full ideal 4.5794: 0.4367
        (5, 2.0 / CumulativeGainTests.sampleIdeal),
        // dcg@10 = 2 + 1/log2(7) = 2.3562; ideal@10 = 4.5794 (5 relevant docs): 0.5145
        (10, CumulativeGainTests.sampleDCG / CumulativeGainTests.sampleIdeal),
        // beyond the run: same as @10
        (20, CumulativeGainTests.sampleDCG / CumulativeGainTests.sampleIdeal),
    ]

    @Test("ndcg_cut cuts both the run and the ideal ranking at k", arguments: CumulativeGainTests.ndcgCutCases)
    func ndcgCut(k: Int, expected: Double) throws {
        expectClose(try value("ndcg_cut", "\(k)", Sample.ranking()), expected)
    }

    @Test("ndcg_cut ignores -l: level 2 gives the same values as level 1")
    func ndcgCutIgnoresLevel() throws {
        let levelOne = try values("ndcg_cut", "1,3,5,10", Sample.ranking())
        let levelTwo = try values("ndcg_cut", "1,3,5,10", Sample.ranking(RankingOptions(relevanceLevel: 2)),
                                  EvalContext(relevanceLevel: 2))
        #expect(levelOne == levelTwo)
        expectClose(levelTwo, [0.5, 2.0 / Self.sampleIdealAt3, 2.0 / Self.sampleIdeal,
                               Self.sampleDCG / Self.sampleIdeal])
    }

    @Test("ndcg_cut uses the grades even when ndcg is given custom gains")
    func ndcgCutIgnoresCustomGains() throws {
        let measures = try MeasureCatalog.select(["ndcg.1=3,2=9", "ndcg_cut.5"])
        let r = try Sample.ranking()
        let ctx = EvalContext()
        #expect(measures.map(\.valueNames) == [["ndcg_1=3,2=9"], ["ndcg_cut_5"]])
        expectClose(measures[1].evaluate(r, ctx), [2.0 / Self.sampleIdeal])
    }

    @Test("ndcg_cut's ideal is cut at k where ndcg's is not")
    func ndcgCutIdealIsCut() throws {
        // The grade-3 doc b is not retrieved.
        let r = try judge(["a"], [("a", 1), ("b", 3)])
        // ndcg_cut_1 = (1/log2(2)) / (3/log2(2)) = 1/3
        expectClose(try value("ndcg_cut", "1", r), 1.0 / 3.0)
        // ndcg = 1 / (3 + 1/log2(3)) = 0.2763
        expectClose(try value("ndcg", r), 1.0 / (3.0 + 1.0 / log2(3.0)))
    }
}
