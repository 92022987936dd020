import Foundation
import Testing
import RevalCore

/// ZScoreTable and Evaluation.standardized (trec_eval's -Z).
@Suite("Z-scores")
struct ZScoreTests {
    static let table = ZScoreTable([
        ZScoreTable.Entry(topic: "301", measure: "map", mean: 0.5, deviation: 0.1, line: 1),
        ZScoreTable.Entry(topic: "302", measure: "recip_rank", mean: 0.5, deviation: 0.25, line: 2),
        ZScoreTable.Entry(topic: "303", measure: "map", mean: 0.2, deviation: 0, line: 3),
        ZScoreTable.Entry(topic: "303", measure: "num_rel", mean: 4, deviation: 0, line: 4),
    ])

    static let cases: [(value: Double, topic: String, measure: String, expected: Double)] = [
        (0.3, "301", "map", (0.3 - 0.5) / 0.1),
        (0.2, "303", "map", 0),                          // sd 0, value = mean
        (0.3, "303", "map", ZScoreTable.missingValue),   // sd 0, another value
        (0.3, "304", "map", ZScoreTable.missingValue),   // no such topic
        (0.3, "302", "map", ZScoreTable.missingValue),   // no such measure
        // 301 has no recip_rank; trec_eval's search runs one entry past 301's and finds 302's.
        (1.0, "301", "recip_rank", (1.0 - 0.5) / 0.25),
        // ... but past the last topic it finds nothing.
        (1.0, "303", "recip_rank", ZScoreTable.missingValue),
    ]

    @Test("(value - mean) / sd, as trec_eval's convert_zscores.c finds mean and sd", arguments: ZScoreTests.cases)
    func zScore(value: Double, topic: String, measure: String, expected: Double) {
        #expect(Self.table.zScore(value, topic: topic, measure: measure) == expected)
    }

    @Test("a repeated (topic, measure) pair is found")
    func repeats() {
        let table = ZScoreTable([
            ZScoreTable.Entry(topic: "1", measure: "map", mean: 0, deviation: 1, line: 1),
            ZScoreTable.Entry(topic: "1", measure: "P_5", mean: 0, deviation: 1, line: 2),
            ZScoreTable.Entry(topic: "1", measure: "map", mean: 1, deviation: 1, line: 7),
        ])
        #expect(table.firstRepeat()?.first.line == 1)
        #expect(table.firstRepeat()?.repeated.line == 7)
        #expect(Self.table.firstRepeat() == nil)
    }

    @Test("the summary combines z-scores: means, sums, and exp of the mean z of log values for gm_map")
    func summary() throws {
        // Topic 1: a (relevant) at rank 1, R = 2 (a, x): AP = 1/2. Topic 2: b at rank 2, R = 1: AP = 1/2.
        let qrels = { () -> Qrels in
            var q = Qrels()
            q.add(topic: "1", docno: "a", grade: 1)
            q.add(topic: "1", docno: "x", grade: 1)
            q.add(topic: "2", docno: "b", grade: 1)
            return q
        }()
        var run = Run()
        run.append(topic: "1", docno: "a", score: 2)
        run.append(topic: "1", docno: "c", score: 1)
        run.append(topic: "2", docno: "d", score: 2)
        run.append(topic: "2", docno: "b", score: 1)
        let measures = try MeasureSelection.select(["num_q", "num_ret", "map", "gm_map"])
        let raw = Evaluator.evaluate(run: run, qrels: qrels, measures: measures)
        #expect(raw.topics.map { $0.values[2] } == [[0.5], [0.5]])
        let table = ZScoreTable([
            ZScoreTable.Entry(topic: "1", measure: "num_ret", mean: 1, deviation: 2),
            ZScoreTable.Entry(topic: "2", measure: "num_ret", mean: 4, deviation: 1),
            ZScoreTable.Entry(topic: "1", measure: "map", mean: 0.25, deviation: 0.5),
            ZScoreTable.Entry(topic: "2", measure: "map", mean: 0.5, deviation: 0.5),
            ZScoreTable.Entry(topic: "1", measure: "gm_map", mean: -1, deviation: 1),
            ZScoreTable.Entry(topic: "2", measure: "gm_map", mean: 0, deviation: 2),
        ])
        let z = raw.standardized(by: table, completeTopics: false)
        #expect(z.standardized)
        let numRet: [[Double]] = z.topics.map { $0.values[1] }
        let map: [[Double]] = z.topics.map { $0.values[2] }
        #expect(numRet == [[0.5], [-2]])   // (2 - 1) / 2 and (2 - 4) / 1
        #expect(map == [[0.5], [0]])       // (0.5 - 0.25) / 0.5 and (0.5 - 0.5) / 0.5
        #expect(z.summary[0] == [2])                      // num_q: the number of topics
        #expect(z.summary[1] == [0.5 + -2])               // num_ret: the sum
        #expect(z.summary[2] == [(0.5 + 0) / 2])          // map: the mean
        // gm_map: z of log(0.5) per topic, then exp of their mean.
        let z1 = (log(0.5) - -1) / 1, z2 = (log(0.5) - 0) / 2
        #expect(z.summary[3] == [exp((z1 + z2) / 2)])
    }
}
