import Testing
import RevalCore

/// recall, iprec_at_recall and 11pt_avg (Measures/Recall.swift).
///
/// iprec_at_recall_x (trec_eval 10.0): the highest precision at any rank at or after the
/// one where lround(x * R) relevant docs have been seen; levels beyond num_rel_ret are 0.
@Suite("Recall family")
struct RecallTests {
    static let recallCases: [(k: Int, expected: Double)] = [
        (1, 1.0 / 5.0),
        (3, 2.0 / 5.0),
        (5, 2.0 / 5.0),
        (10, 3.0 / 5.0),
        (20, 3.0 / 5.0),
    ]

    @Test("recall_k = relevant in the top k / R", arguments: RecallTests.recallCases)
    func recall(k: Int, expected: Double) throws {
        #expect(try value("recall", "\(k)", Sample.ranking()) == expected)
    }

    @Test("recall is 0 for a topic with no relevant doc")
    func recallNoRelevant() throws {
        #expect(try values("recall", "5,10", judge(["a"], [("a", 0)])) == [0, 0])
    }

    @Test("iprec_at_recall on the sample, levels whose x * 5 is exact")
    func interpolatedPrecisionSample() throws {
        // Sample: relevant at ranks 1, 3, 6 (precision 1, 2/3, 1/2); R = 5; num_rel_ret = 3.
        // Interpolated: 1 relevant seen -> max prec at rank >= 1 = 1
        //               2 relevant seen -> max prec at rank >= 3 = 2/3
        //               3 relevant seen -> max prec at rank >= 6 = 1/2 (3/7 ... 3/10 are lower)
        // x:            0    0.2  0.4  0.5           0.6  0.8  1.0
        // lround(x*5):  0    1    2    3 (2.5 -> 3)  3    4    5
        // value:        1    1    2/3  1/2           1/2  0    0     (4, 5 > num_rel_ret)
        let v = try values("iprec_at_recall", "0,0.2,0.4,0.5,0.6,0.8,1", Sample.ranking())
        #expect(v == [1.0, 1.0, 2.0 / 3.0, 0.5, 0.5, 0, 0])
    }

    @Test("iprec_at_recall rounds half away from zero (lround), as trec_eval 10.0 does")
    func interpolatedPrecisionHalfway() throws {
        // x = 0.5, R = 5: lround(2.5) = 3 -> 1/2. Banker's rounding would give 2 -> 2/3.
        // x = 0.1, R = 5: lround(0.5) = 1 -> 1.
        #expect(try values("iprec_at_recall", "0.1,0.5", Sample.ranking()) == [1.0, 0.5])
    }

    @Test("iprec_at_recall on the binary ranking, default levels")
    func interpolatedPrecisionDefaults() throws {
        // Binary: relevant at ranks 1, 3, 7 (precision 1, 2/3, 3/7); R = 4.
        // x:            0  .1   .2   .3   .4   .5  .6   .7   .8   .9   1
        // x*4:          0  0.4  0.8  1.2  1.6  2   2.4  2.8  3.2  3.6  4
        // lround:       0  0    1    1    2    2   2    3    3    4    4
        // value:        1  1    1    1    2/3  2/3 2/3  3/7  3/7  0    0
        let expected = [1.0, 1, 1, 1, 2.0 / 3, 2.0 / 3, 2.0 / 3, 3.0 / 7, 3.0 / 7, 0, 0]
        #expect(try values("iprec_at_recall", Binary.ranking()) == expected)
    }

    @Test("interpolation takes the best precision at or after the level's rank")
    func interpolationLooksDown() throws {
        // rels [0, 1, 1], R = 2: precision 1/2 at rank 2, 2/3 at rank 3.
        let r = try judge(["n", "a", "b"], [("n", 0), ("a", 1), ("b", 1)])
        // lround(0.5 * 2) = 1 -> max(1/2, 2/3) = 2/3;  lround(1 * 2) = 2 -> 2/3
        #expect(try values("iprec_at_recall", "0.5,1", r) == [2.0 / 3.0, 2.0 / 3.0])
    }

    @Test("iprec_at_recall is 0 when nothing is retrieved (trec_eval prints -nan)")
    func interpolatedPrecisionEmpty() throws {
        let r = try Sample.ranking(RankingOptions(maxRetrieved: 0))
        #expect(try values("iprec_at_recall", "0,0.5,1", r) == [0, 0, 0])
    }

    @Test("11pt_avg is the mean of iprec_at_recall at 0, .1, ..., 1")
    func elevenPointAverage() throws {
        // Binary, from the table above: (4 * 1 + 3 * 2/3 + 2 * 3/7 + 2 * 0) / 11
        // = (4 + 2 + 6/7) / 11 = (48/7) / 11 = 48/77 = 0.6234
        expectClose(try value("11pt_avg", Binary.ranking()), 48.0 / 77.0)
    }

    @Test("11pt_avg with its own levels")
    func elevenPointAverageCustom() throws {
        // Binary, R = 4: .25 .5 .75 -> 1, 2, 3 relevant -> 1, 2/3, 3/7
        // mean = (21/21 + 14/21 + 9/21) / 3 = 44/63 = 0.6984
        let m = try MeasureCatalog.make("11pt_avg", parameters: ".25,.5,.75")
        #expect(m.valueNames == ["11pt_avg_.25,.5,.75"])
        expectClose(m.evaluate(try Binary.ranking(), EvalContext()), [44.0 / 63.0])
    }
}
