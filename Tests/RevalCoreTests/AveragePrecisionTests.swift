import Foundation
import Testing
import RevalCore

/// map, gm_map, map_cut and yaap (Measures/AveragePrecision.swift).
@Suite("Average precision family")
struct AveragePrecisionTests {
    @Test("map sums precision at each relevant retrieved doc and divides by R")
    func map() throws {
        // Sample: relevant at ranks 1, 3, 6; R = 5.
        // AP = (1/1 + 2/3 + 3/6) / 5 = (13/6) / 5 = 13/30 = 0.4333
        expectClose(try value("map", Sample.ranking()), 13.0 / 30.0)
        // Binary: relevant at ranks 1, 3, 7; R = 4.
        // AP = (1/1 + 2/3 + 3/7) / 4 = (21/21 + 14/21 + 9/21) / 4 = 44/84 = 0.5238
        expectClose(try value("map", Binary.ranking()), 44.0 / 84.0)
    }

    @Test("map is 0 with no relevant doc retrieved, and with no relevant doc at all")
    func mapZero() throws {
        #expect(try value("map", judge(["a", "b"], [("a", 0), ("b", 0), ("c", 1)])) == 0)
        #expect(try value("map", judge(["a", "b"], [("a", 0), ("b", 0)])) == 0)
    }

    @Test("map ignores unretrieved relevant docs only in the sum, not in R")
    func mapShortRun() throws {
        // One relevant doc at rank 1, R = 4: AP = 1/4, exact.
        let r = try judge(["a"], [("a", 1), ("b", 1), ("c", 1), ("d", 1)])
        #expect(try value("map", r) == 0.25)
    }

    static let mapCutCases: [(k: Int, expected: Double)] = [
        // AP@1  = (1/1) / 5 = 0.2
        (1, 1.0 / 5.0),
        // AP@3  = (1/1 + 2/3) / 5 = 1/3
        (3, 1.0 / 3.0),
        // AP@5  = same: rank 4 and 5 are not relevant
        (5, 1.0 / 3.0),
        // AP@10 = (1/1 + 2/3 + 3/6) / 5 = 13/30
        (10, 13.0 / 30.0),
        // AP@20 = AP@10: only 10 docs retrieved
        (20, 13.0 / 30.0),
    ]

    @Test("map_cut counts only the relevant docs in the top k, still over R", arguments: AveragePrecisionTests.mapCutCases)
    func mapCut(k: Int, expected: Double) throws {
        expectClose(try value("map_cut", "\(k)", Sample.ranking()), expected)
    }

    @Test("map_cut with several cutoffs returns them in ascending order")
    func mapCutSeveral() throws {
        let v = try values("map_cut", "10,1", Sample.ranking())
        expectClose(v, [0.2, 13.0 / 30.0])
    }

    @Test("yaap = log((1 + S) / (1 + R - S)), S the sum of precisions at relevant docs")
    func yaap() throws {
        // S = 1 + 2/3 + 1/2 = 13/6, R = 5
        // yaap = log((1 + 13/6) / (1 + 5 - 13/6)) = log((19/6) / (23/6)) = log(19/23) = -0.1911
        expectClose(try value("yaap", Sample.ranking()), log(19.0 / 23.0))
    }

    @Test("gm_map is exp(mean(log(max(AP, 1e-5)))) over topics")
    func gmMap() throws {
        var input = MultiTopic()
        // a: relevant at rank 2, R = 1: AP = 1/2
        input.add("a", ranked: ["n", "r"], judgments: [("r", 1), ("n", 0)])
        // b: relevant at rank 8, R = 1: AP = 1/8
        input.add("b", ranked: ["n1", "n2", "n3", "n4", "n5", "n6", "n7", "r"],
                  judgments: [("r", 1), ("n1", 0)])
        let measures = try MeasureCatalog.select(["map", "gm_map"])
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels, measures: measures)
        // gm = exp((log(1/2) + log(1/8)) / 2) = sqrt(1/16) = 0.25
        expectClose(try summary(e, "gm_map")[0], 0.25)
        // map = (1/2 + 1/8) / 2 = 0.3125, exact
        #expect(try summary(e, "map")[0] == 0.3125)
        // The per-topic value of gm_map is the topic's AP.
        #expect(try topicValues(e, "a", "gm_map") == [0.5])
        #expect(try topicValues(e, "b", "gm_map") == [0.125])
    }

    @Test("gm_map floors a zero AP at 1e-5")
    func gmMapFloor() throws {
        var input = MultiTopic()
        input.add("a", ranked: ["n", "r"], judgments: [("r", 1), ("n", 0)])  // AP = 1/2
        input.add("b", ranked: ["n1", "n2", "n3", "n4", "n5", "n6", "n7", "r"],
                  judgments: [("r", 1), ("n1", 0)])  // AP = 1/8
        input.add("c", ranked: ["n"], judgments: [("r", 1), ("n", 0)])  // AP = 0 -> 1e-5
        let measures = try MeasureCatalog.select(["gm_map"])
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels, measures: measures)
        // gm = exp((log(1/2) + log(1/8) + log(1e-5)) / 3) = cbrt(0.5 * 0.125 * 1e-5) = 0.008550
        expectClose(try summary(e, "gm_map")[0], cbrt(0.5 * 0.125 * 1e-5))
        #expect(minimumGeometricMeanValue == 0.00001)
    }
}
