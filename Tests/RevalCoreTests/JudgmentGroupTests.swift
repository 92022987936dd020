import Testing
import RevalCore

/// -R qrels_jg: JudgmentGroupQrels, the *_avgjg measures and JudgmentGroupEvaluator.
@Suite("Judgment groups")
struct JudgmentGroupTests {
    /// Group 0 judges d1 and d3 relevant, group 1 only d2. Ranked d1, d2, d3.
    static func qrels() -> JudgmentGroupQrels {
        var q = JudgmentGroupQrels()
        for (line, j) in [("1", "d2", 1), ("0", "d1", 1), ("0", "d3", 1), ("1", "d1", 0)].enumerated() {
            q.add(topic: "t", group: j.0, docno: j.1, grade: j.2, line: line + 1)
        }
        return q
    }

    @Test("groups are kept in name order (bytes)")
    func groupOrder() throws {
        #expect(try #require(Self.qrels()["t"]).groups.map(\.name) == ["0", "1"])
    }

    @Test("map, P and Rprec_mult averaged over the groups")
    func averages() throws {
        let measures = try MeasureSelection.select(["map_avgjg", "P_avgjg.1,2", "Rprec_mult_avgjg.1"],
                                                   format: .qrelsJudgmentGroups)
        #expect(measures.flatMap(\.valueNames) == ["map_avgjg", "P_avgjg_1", "P_avgjg_2", "Rprec_mult_avgjg_1.00"])
        let e = JudgmentGroupEvaluator.evaluate(run: makeRun(ranked: ["d1", "d2", "d3"]), qrels: Self.qrels(),
                                                measures: measures)
        let t = try #require(e.topics.first)
        // map: group 0 (1/1 + 2/3) / 2, group 1 (1/2) / 1.
        #expect(t.values[0] == [((1.0 + 2.0 / 3.0) / 2 + 1.0 / 2) / 2])
        // P_1: 1 and 0; P_2: 1/2 and 1/2.
        #expect(t.values[1] == [(1.0 + 0.0) / 2, (0.5 + 0.5) / 2])
        // Rprec_mult_1.00: group 0 R = 2, top 2 hold 1; group 1 R = 1, top 1 holds 0.
        #expect(t.values[2] == [(0.5 + 0.0) / 2])
    }

    @Test("runid and num_q alone judge nothing: a duplicate in the run goes unnoticed, as in trec_eval")
    func judgmentFree() throws {
        let measures = try MeasureSelection.select(["runid", "num_q"], format: .qrelsJudgmentGroups)
        var run = Run()
        run.append(topic: "t", docno: "d1", score: 2)
        run.append(topic: "t", docno: "d1", score: 1)
        let e = JudgmentGroupEvaluator.evaluate(run: run, qrels: Self.qrels(), measures: measures)
        #expect(e.failure == nil)
        #expect(e.summary[1] == [1])
        let withMap = JudgmentGroupEvaluator.evaluate(run: run, qrels: Self.qrels(),
                                                      measures: try MeasureSelection.select(["map_avgjg"], format: .qrelsJudgmentGroups))
        #expect(withMap.failure != nil)
    }

    @Test("a topic missing from the run: skipped, or with -c scored against a one-document run")
    func missingTopic() throws {
        let measures = try MeasureSelection.select(["qrels_jg"], format: .qrelsJudgmentGroups)
        let run = makeRun(topic: "other", ranked: ["d1"])
        let skipped = JudgmentGroupEvaluator.evaluate(run: run, qrels: Self.qrels(), measures: measures)
        #expect(skipped.skippedTopics == ["t"])
        #expect(skipped.topics.isEmpty)
        let complete = JudgmentGroupEvaluator.evaluate(run: run, qrels: Self.qrels(), measures: measures,
                                                       options: EvaluationOptions(completeTopics: true))
        let t = try #require(complete.topics.first)
        #expect(t.missingFromRun)
        #expect(t.values.dropFirst(2).allSatisfy { $0.allSatisfy { $0 == 0 } })
    }
}
