import Foundation
import Testing
import RevalCore

/// Topic order, topic matching, -c, summaries and failures (Evaluator.swift).
@Suite("Evaluator")
struct EvaluatorTests {
    /// Three qrels topics; the run has topics 1 and 2 (and 99, which has no qrels).
    ///
    /// ```text
    /// topic 1: run a b c, qrels a:1 b:0 c:2   rels [1, 0, 2]  R = 2  AP = (1 + 2/3)/2 = 5/6
    /// topic 2: run f d,   qrels d:1 e:1 f:0   rels [0, 1]     R = 2  AP = (1/2)/2   = 1/4
    /// topic 3: no run,    qrels g:1 h:0 i:2                   R = 2
    /// topic 99: run x, no qrels
    /// ```
    static func input() -> MultiTopic {
        var input = MultiTopic()
        input.add("1", ranked: ["a", "b", "c"], judgments: [("a", 1), ("b", 0), ("c", 2)])
        input.add("2", ranked: ["f", "d"], judgments: [("d", 1), ("e", 1), ("f", 0)])
        input.addQrelsOnly("3", judgments: [("g", 1), ("h", 0), ("i", 2)])
        input.run.append(topic: "99", docno: "x", score: 1, line: 100)
        input.run.tag = "myrun"
        return input
    }

    static let measureNames = ["runid", "num_q", "num_ret", "num_rel", "map", "gm_map", "P.2"]

    @Test("topics are evaluated in byte order of their ids (\"10\" < \"2\")")
    func topicOrder() throws {
        var input = MultiTopic()
        for topic in ["2", "10", "1", "b", "B"] {
            input.add(topic, ranked: ["d"], judgments: [("d", 1)])
        }
        #expect(input.qrels.sortedTopicIDs == ["1", "10", "2", "B", "b"])
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels, measures: try MeasureCatalog.select(["map"]))
        #expect(e.topics.map(\.topic) == ["1", "10", "2", "B", "b"])
    }

    @Test("without -c a qrels topic missing from the run is skipped and left out of the mean")
    func skippedTopic() throws {
        let input = Self.input()
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels,
                                   measures: try MeasureCatalog.select(Self.measureNames))
        #expect(e.topics.map(\.topic) == ["1", "2"])
        #expect(e.skippedTopics == ["3"])
        #expect(e.failure == nil)
        #expect(e.runTag == "myrun")
        #expect(try summary(e, "num_q") == [2])
        #expect(try summary(e, "num_ret") == [5])  // 3 + 2; topic 99 is ignored
        #expect(try summary(e, "num_rel") == [4])  // 2 + 2
        // map = (5/6 + 1/4) / 2 = (10/12 + 3/12) / 2 = 13/24
        expectClose(try summary(e, "map")[0], 13.0 / 24.0)
        // gm_map = sqrt(5/6 * 1/4) = sqrt(5/24)
        expectClose(try summary(e, "gm_map")[0], (5.0 / 24.0).squareRoot())
        // P_2: topic 1 has 1 relevant in 2, topic 2 has 1 in 2: (0.5 + 0.5) / 2
        #expect(try summary(e, "P") == [0.5])
        expectClose(try topicValues(e, "1", "map")[0], 5.0 / 6.0)
        #expect(try topicValues(e, "2", "map") == [0.25])
    }

    @Test("with -c a missing topic scores 0 except num_rel, and the mean is over all qrels topics")
    func completeTopics() throws {
        let input = Self.input()
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels,
                                   measures: try MeasureCatalog.select(Self.measureNames),
                                   options: EvaluationOptions(completeTopics: true))
        #expect(e.topics.map(\.topic) == ["1", "2", "3"])
        #expect(e.topics.map(\.missingFromRun) == [false, false, true])
        #expect(e.skippedTopics.isEmpty)
        #expect(try topicValues(e, "3", "num_rel") == [2])
        #expect(try topicValues(e, "3", "num_ret") == [0])
        #expect(try topicValues(e, "3", "map") == [0])
        #expect(try topicValues(e, "3", "P") == [0])
        #expect(try summary(e, "num_q") == [3])
        #expect(try summary(e, "num_ret") == [5])
        #expect(try summary(e, "num_rel") == [6])  // 2 + 2 + 2
        // map = (5/6 + 1/4 + 0) / 3 = (13/12) / 3 = 13/36
        expectClose(try summary(e, "map")[0], 13.0 / 36.0)
        // gm_map = exp((log(5/6) + log(1/4) + log(1e-5)) / 3) = cbrt(5/24 * 1e-5)
        expectClose(try summary(e, "gm_map")[0], cbrt(5.0 / 24.0 * 1e-5))
        // P_2 = (0.5 + 0.5 + 0) / 3 = 1/3
        expectClose(try summary(e, "P")[0], 1.0 / 3.0)
    }

    /// trec_eval 10.0 scores a missing topic against a one-document run whose document is
    /// in no qrels, then zeroes num_ret, utility, relstring, unj and rbp_resid. Measures
    /// that do not need a retrieved relevant document keep their value.
    @Test("with -c a missing topic keeps yaap and ideal_dcg of a one-document placeholder run")
    func completeTopicsPlaceholderRun() throws {
        let input = Self.input()
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels,
                                   measures: try MeasureCatalog.select(["yaap", "ideal_dcg", "utility", "unj", "rbp_resid", "num_ret"]),
                                   options: EvaluationOptions(completeTopics: true))
        // topic 3: R = 2 (g:1, i:2), nothing relevant retrieved: yaap = log((1 + 0) / (1 + 2 - 0)) = log(1/3)
        expectClose(try topicValues(e, "3", "yaap")[0], log(1.0 / 3.0))
        // ideal ranking i(2), g(1), h(0): 2/log2(2) + 1/log2(3)
        expectClose(try topicValues(e, "3", "ideal_dcg")[0], 2.0 + 1.0 / log2(3.0))
        // without the reset the placeholder would give utility -1, unj_5 1/5, rbp_resid 1
        #expect(try topicValues(e, "3", "utility") == [0])
        #expect(try topicValues(e, "3", "unj") == [0, 0, 0])
        #expect(try topicValues(e, "3", "rbp_resid") == [0])
        #expect(try topicValues(e, "3", "num_ret") == [0])
    }

    @Test("with -c the num_rel summary counts grades >= 1 over all qrels topics, whatever -l says")
    func completeTopicsNumRelIgnoresLevel() throws {
        let input = Self.input()
        let options = EvaluationOptions(ranking: RankingOptions(relevanceLevel: 2), completeTopics: true)
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels,
                                   measures: try MeasureCatalog.select(["num_rel", "map"]), options: options)
        // Per topic at -l 2: topic 1 has c, topic 2 none, topic 3 has i.
        #expect(try topicValues(e, "1", "num_rel") == [1])
        #expect(try topicValues(e, "2", "num_rel") == [0])
        #expect(try topicValues(e, "3", "num_rel") == [1])
        // Summary: grades >= 1 over the qrels: a c, d e, g i = 6 (not 1 + 0 + 1 = 2).
        #expect(try summary(e, "num_rel") == [6])
        // map at -l 2: topic 1 (1/3)/1 = 1/3; topic 2 has R = 0: 0; topic 3: 0. Mean = 1/9
        expectClose(try summary(e, "map")[0], 1.0 / 9.0)
    }

    @Test("without -c the num_rel summary is the plain sum at the -l level")
    func numRelSummaryAtLevel() throws {
        let input = Self.input()
        let options = EvaluationOptions(ranking: RankingOptions(relevanceLevel: 2))
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels,
                                   measures: try MeasureCatalog.select(["num_rel"]), options: options)
        #expect(try summary(e, "num_rel") == [1])  // topic 1: c; topic 2: none
    }

    @Test("run topics absent from the qrels are ignored")
    func runOnlyTopicIgnored() throws {
        let input = Self.input()
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels,
                                   measures: try MeasureCatalog.select(["num_ret"]),
                                   options: EvaluationOptions(completeTopics: true))
        #expect(!e.topics.contains { $0.topic == "99" })
        #expect(!e.skippedTopics.contains("99"))
        #expect(try summary(e, "num_ret") == [5])
    }

    @Test("the run tag is whatever Run.tag holds")
    func runTag() throws {
        var input = Self.input()
        input.run.tag = "other-tag"
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels, measures: try MeasureCatalog.select(["runid"]))
        #expect(e.runTag == "other-tag")
        #expect(Run().tag == "")
    }

    @Test("-N reaches utility through EvaluationOptions")
    func documentsInCollection() throws {
        let input = Self.input()
        let options = EvaluationOptions(documentsInCollection: 50)
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels,
                                   measures: try MeasureCatalog.select(["utility.0,0,0,1"]), options: options)
        // topic 1: 50 + 2 - 3 - 2 = 47; topic 2: 50 + 1 - 2 - 2 = 47
        #expect(try topicValues(e, "1", "utility") == [47])
        #expect(try topicValues(e, "2", "utility") == [47])
    }

    @Test("a doc retrieved twice stops the evaluation at that topic")
    func duplicateInRun() throws {
        var input = MultiTopic()
        input.add("1", ranked: ["a", "b"], judgments: [("a", 1)])
        input.add("2", ranked: ["c", "d"], judgments: [("c", 1)])
        input.run.append(topic: "2", docno: "c", score: 0, line: 77)
        input.add("3", ranked: ["e"], judgments: [("e", 1)])
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels, measures: try MeasureCatalog.select(["map"]))
        guard case .duplicateInRun(let dup)? = e.failure else {
            Issue.record("expected a duplicate in the run, got \(String(describing: e.failure))")
            return
        }
        #expect(dup.topic == "2")
        #expect(dup.docno == "c")
        #expect(dup.line == 77)
        #expect(e.topics.map(\.topic) == ["1"])
    }

    @Test("a doc judged twice fails only when its topic is evaluated")
    func duplicateInQrels() throws {
        var input = MultiTopic()
        input.add("1", ranked: ["a"], judgments: [("a", 1)])
        input.addQrelsOnly("2", judgments: [("b", 1), ("b", 0)])
        let measures = try MeasureCatalog.select(["map"])
        // Topic 2 is not in the run: without -c it is skipped, and its duplicate unseen.
        let skipped = Evaluator.evaluate(run: input.run, qrels: input.qrels, measures: measures)
        #expect(skipped.failure == nil)
        #expect(skipped.skippedTopics == ["2"])
        // With -c it is evaluated, and the duplicate stops the evaluation.
        let complete = Evaluator.evaluate(run: input.run, qrels: input.qrels, measures: measures,
                                          options: EvaluationOptions(completeTopics: true))
        guard case .duplicateInQrels(let topic, let docno, let firstLine, let line)? = complete.failure else {
            Issue.record("expected a duplicate in the qrels, got \(String(describing: complete.failure))")
            return
        }
        #expect(topic == "2")
        #expect(docno == "b")
        #expect(firstLine < line)
        #expect(complete.topics.map(\.topic) == ["1"])
    }

    @Test("summary styles: counts sum, reals average, relstring has no summary")
    func summaryStyles() throws {
        let input = Self.input()
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels,
                                   measures: try MeasureCatalog.select(["num_rel_ret", "recip_rank", "relstring"]))
        // num_rel_ret: topic 1 has a, c; topic 2 has d: 2 + 1 = 3
        #expect(try summary(e, "num_rel_ret") == [3])
        // recip_rank: topic 1 rank 1, topic 2 rank 2: (1 + 1/2) / 2 = 0.75
        #expect(try summary(e, "recip_rank") == [0.75])
        let relstring = try #require(e.measures.firstIndex { $0.name == "relstring" })
        #expect(e.topics.map { $0.texts[relstring] } == ["102", "01"])
    }
}
