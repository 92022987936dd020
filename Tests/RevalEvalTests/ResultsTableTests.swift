import RevalCore
import RevalEval
import RevalFormats
import Testing

@Suite("ResultsTable: per-topic values by run, topic and printed name")
struct ResultsTableTests {
    static let runs = ["BM25", "BM25_RM3", "REP_LLAMA", "SPLADE_P_P_ENSEMBLE_DISTIL"]

    func dl19Table(_ measures: [String], level: Int = 1) throws -> ResultsTable {
        var settings = EvaluationSettings()
        settings.relevanceLevel = level
        let qrels = try EvaluationPipeline.loadQrels(Paths.dl19Qrels, settings: settings)
        let inputs = Self.runs.map { RunInput(path: Paths.dl19Run($0), name: $0) }
        return try ResultsTable.evaluate(qrels: qrels, runs: inputs, measures: measures, settings: settings)
    }

    @Test("every per-topic value prints as trec_eval 10.0 printed it (-q, all_trec), for the four DL19 runs")
    func perTopicValues() throws {
        let table = try dl19Table(["all_trec"])
        #expect(table.topics.count == 43)
        #expect(table.topics == table.topics.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        for run in Self.runs {
            let expected = try TrecEvalOutput(path: Paths.dl19Expected("\(run).dl19.q.all_trec.txt"))
            var compared = 0
            for measure in ["map", "ndcg_cut_10", "P_10", "recall_100", "recip_rank", "bpref", "ndcg", "Rprec"] {
                for topic in table.topics {
                    let value = try #require(table.value(run: run, topic: topic, measure: measure))
                    #expect(formatFixed4(value) == expected[measure, topic], "\(run) \(measure) \(topic)")
                    compared += 1
                }
            }
            #expect(compared == 8 * 43)
        }
    }

    @Test("means equal trec_eval -c -l 2's summary lines")
    func summaries() throws {
        let table = try dl19Table(["map", "ndcg_cut.10", "recall.100,1000"], level: 2)
        #expect(table.measures == ["map", "recall_100", "recall_1000", "ndcg_cut_10"])
        for run in Self.runs {
            let expected = try TrecEvalOutput(path: Paths.dl19Expected("\(run).dl19.c.l2.map.ndcg_cut10.recall.txt"))
            for measure in table.measures {
                let mean = try #require(table.mean(run: run, measure: measure))
                #expect(formatFixed4(mean) == expected[measure, "all"], "\(run) \(measure)")
            }
        }
    }

    @Test("num_rel under -c -l 2 is trec_eval's summary (grades >= 1 over every topic), a subset sums its counts")
    func numRelAtLevelTwo() throws {
        let table = try dl19Table(["num_rel", "num_rel_ret"], level: 2)
        // trec_eval 10.0, `-c -l 2 -m num_rel -m num_rel_ret` on the BM25 run: 4102 and 846.
        #expect(table.mean(run: "BM25", measure: "num_rel") == 4102)
        #expect(table.mean(run: "BM25", measure: "num_rel_ret") == 846)
        let values = try #require(table.values(run: "BM25", measure: "num_rel"))
        let subset = table.restricted(to: table.topics.prefix(2))
        #expect(subset.mean(run: "BM25", measure: "num_rel") == values[0] + values[1])
    }

    @Test("paired vectors line up topic by topic")
    func paired() throws {
        let table = try dl19Table(["ndcg_cut.10"])
        let pair = try #require(table.paired("BM25", "SPLADE_P_P_ENSEMBLE_DISTIL", measure: "ndcg_cut_10"))
        let bm25 = try TrecEvalOutput(path: Paths.dl19Expected("BM25.dl19.q.all_trec.txt"))
        let splade = try TrecEvalOutput(path: Paths.dl19Expected("SPLADE_P_P_ENSEMBLE_DISTIL.dl19.q.all_trec.txt"))
        for (k, topic) in table.topics.enumerated() {
            #expect(formatFixed4(pair.a[k]) == bm25["ndcg_cut_10", topic])
            #expect(formatFixed4(pair.b[k]) == splade["ndcg_cut_10", topic])
        }
        #expect(table.paired("BM25", "nope", measure: "ndcg_cut_10") == nil)
        #expect(table.values(run: "BM25", measure: "map") == nil)
    }

    @Test("a subset's mean is the mean of its topics' values")
    func restricted() throws {
        let table = try dl19Table(["ndcg_cut.10"])
        let subset = ["1037798", "104861", "1063750", "not-a-topic"]
        let small = table.restricted(to: subset)
        #expect(small.topics == ["1037798", "104861", "1063750"])
        let expected = try TrecEvalOutput(path: Paths.dl19Expected("BM25.dl19.q.all_trec.txt"))
        // The mean of trec_eval's three printed (4-decimal) values, within their rounding.
        let printed = small.topics.compactMap { expected["ndcg_cut_10", $0].flatMap(Double.init) }
        #expect(printed.count == 3)
        let mean = try #require(small.mean(run: "BM25", measure: "ndcg_cut_10"))
        #expect(abs(mean - printed.reduce(0, +) / 3) <= 0.00005)
    }

    @Test("a topic missing from a run scores 0 and is listed; counts keep their qrels values")
    func missingTopics() throws {
        let scratch = try ScratchFolder()
        // Topic A: 2 relevant documents (d1, d2), topic B: 1 (d3). The run has only topic A,
        // retrieving d1 (relevant) then d9 (not judged).
        let qrels = try scratch.write("qrels", "A 0 d1 1\nA 0 d2 1\nA 0 d5 0\nB 0 d3 1\n")
        let run = try scratch.write("run", "A Q0 d1 1 2.0 x\nA Q0 d9 2 1.0 x\n")
        let settings = EvaluationSettings()
        let loaded = try EvaluationPipeline.loadQrels(qrels, settings: settings)
        let table = try ResultsTable.evaluate(qrels: loaded, runs: [RunInput(path: run, name: "r")],
                                              measures: ["map", "num_rel", "P.2"], settings: settings)
        #expect(table.topics == ["A", "B"])
        #expect(table.missingTopics(run: "r") == ["B"])
        // AP of A: one relevant found at rank 1, 2 relevant in all: (1/1) / 2 = 0.5; B: 0.
        #expect(table.value(run: "r", topic: "A", measure: "map") == 0.5)
        #expect(table.value(run: "r", topic: "B", measure: "map") == 0)
        #expect(table.mean(run: "r", measure: "map") == 0.25)
        // P@2 of A: 1 relevant in 2 = 0.5.
        #expect(table.value(run: "r", topic: "A", measure: "P_2") == 0.5)
        // num_rel is a sum of the qrels' counts, 2 + 1, even for the missing topic.
        #expect(table.mean(run: "r", measure: "num_rel") == 3)
    }

    @Test("a duplicate document is an error naming the run file and line")
    func duplicate() throws {
        let scratch = try ScratchFolder()
        let qrels = try scratch.write("qrels", "A 0 d1 1\n")
        let run = try scratch.write("run", "A Q0 d1 1 2.0 x\nA Q0 d1 2 1.0 x\n")
        let loaded = try EvaluationPipeline.loadQrels(qrels, settings: EvaluationSettings())
        #expect {
            try ResultsTable.evaluate(qrels: loaded, runs: [RunInput(path: run)], measures: ["map"],
                                      settings: EvaluationSettings())
        } throws: { error in
            guard let error = error as? EvaluationError else { return false }
            return error.exitCode == 4 && error.description == "\(run):2: document 'd1' appears twice for topic 'A' (also line 1)"
        }
    }

    @Test("run names drop folders and .gz/.zst endings", arguments: [
        ("runs/bm25.txt", "bm25.txt"), ("/a/b/dense.trec.gz", "dense.trec"), ("x.zst", "x"), ("-", "stdin"), (".gz", ".gz"),
    ])
    func runNames(path: String, name: String) {
        #expect(RunInput(path: path).name == name)
    }
}
