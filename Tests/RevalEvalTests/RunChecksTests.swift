import Foundation
import RevalCore
@testable import RevalEval
import RevalFormats
import Testing

@Suite("Runs that cannot mean what they seem: no common topic, one name for two runs, -l with ir_measures names")
struct RunChecksTests {
    @Test("a run sharing no topic with the qrels is an error, with and without -c", arguments: [false, true])
    func noCommonTopic(complete: Bool) throws {
        let folder = try ScratchFolder()
        let run = try folder.write("run.txt", "X1 Q0 d1 1 1.0 t\nX2 Q0 d1 1 1.0 t\n")
        let qrels = try folder.write("qrels.txt", "1 0 d1 1\n2 0 d1 1\n")
        var settings = EvaluationSettings()
        settings.completeTopics = complete
        let loaded = try EvaluationPipeline.loadQrels(qrels, settings: settings)
        let measures = try EvaluationPipeline.measures(["map"], settings: settings)
        let error = #expect(throws: EvaluationError.self) {
            try EvaluationPipeline.evaluate(RunInput(path: run), qrels: loaded, measures: measures, settings: settings)
        }
        #expect(error?.exitCode == 2)
        #expect(error?.description == "\(run): no topic in common with the qrels \(qrels): the run has 'X1', 'X2', "
            + "the qrels have '1', '2'; expected a run and qrels of the same queries")
    }

    @Test("an interleaved run sharing no topic with the qrels is the same error, every topic of every batch named")
    func noCommonTopicInterleaved() throws {
        let folder = try ScratchFolder()
        // X1 X2 X3 X1 ...: interleaved from the first batch; X4 only at the end, in a later batch.
        let lines = (0..<3000).map { "X\($0 % 3 + 1) Q0 d\($0) 1 1.0 t\n" }.joined() + "X4 Q0 d1 1 1.0 t\n"
        let run = try folder.write("run.txt", lines)
        let qrels = try folder.write("qrels.txt", "1 0 d1 1\nX5 0 d1 1\n")
        let settings = EvaluationSettings()
        let loaded = try EvaluationPipeline.loadQrels(qrels, settings: settings)
        let measures = try EvaluationPipeline.measures(["map"], settings: settings)
        let evaluation = RunFileEvaluation(qrels: loaded, measures: measures, settings: settings, batchBytes: 4096,
                                           spillBudget: 1024)
        let error = #expect(throws: InputError.self) { try evaluation.evaluate(RunInput(path: run)) }
        #expect(error?.description == "\(run): no topic in common with the qrels \(qrels): the run has 'X1', 'X2', "
            + "'X3', 'X4', the qrels have '1', 'X5'; expected a run and qrels of the same queries")
    }

    @Test("two different files with one name are an error for a table; distinctlyNamed names them by path")
    func sameName() throws {
        let folder = try ScratchFolder()
        let a = try folder.write("a.run", "1 Q0 d1 1 1.0 t\n")
        let qrels = try folder.write("qrels.txt", "1 0 d1 1\n")
        let settings = EvaluationSettings()
        let loaded = try EvaluationPipeline.loadQrels(qrels, settings: settings)
        let twice = [RunInput(path: a, name: "x"), RunInput(path: qrels, name: "x")]
        let error = #expect(throws: EvaluationError.self) {
            try ResultsTable.evaluate(qrels: loaded, runs: twice, measures: ["map"], settings: settings)
        }
        #expect(error?.exitCode == 2)
        #expect(RunInput.distinctlyNamed(["p/r.txt", "q/r.txt"]).map(\.name) == ["p/r.txt", "q/r.txt"])
        #expect(RunInput.distinctlyNamed(["p/r.txt", "q/s.txt"]).map(\.name) == ["r.txt", "s.txt"])
        #expect(RunInput.distinctlyNamed(["p/r.txt", "p/r.txt"]).map(\.name) == ["r.txt", "r.txt"])
    }

    @Test("under -l 2 the table holds AP(rel=2), found by the name AP; it equals map at -l 2")
    func relevanceLevel() throws {
        var settings = EvaluationSettings()
        settings.relevanceLevel = 2
        settings.completeTopics = true
        let qrels = try EvaluationPipeline.loadQrels(Paths.dl19Qrels, settings: settings)
        let table = try ResultsTable.evaluate(qrels: qrels, runs: [RunInput(path: Paths.dl19Run("BM25"), name: "BM25")],
                                              measures: ["AP", "map"], settings: settings)
        #expect(table.printedNames(of: "AP") == ["AP(rel=2)"])
        // map at -c -l 2: 0.2476 (BM25.dl19.c.l2.map.ndcg_cut10.recall.txt).
        #expect(table.mean(run: "BM25", measure: "AP(rel=2)").map(formatFixed4) == "0.2476")
        #expect(table.mean(run: "BM25", measure: "AP(rel=2)") == table.mean(run: "BM25", measure: "map"))
    }
}
