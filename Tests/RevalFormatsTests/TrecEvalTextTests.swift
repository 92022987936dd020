import Foundation
import Testing
import RevalCore
import RevalFormats

/// trec_eval's text output (TREC_EVAL_SEMANTICS.md §3): `"%-22s\t%s\t%6.4f\n"` for reals,
/// `%ld` for counts, `'%s'` for relstring, the summary under topic "all".
@Suite("trec_eval text output")
struct TrecEvalTextTests {
    /// One topic "7": run a b c, qrels a:1 b:0 c:2; AP = (1 + 2/3)/2 = 5/6 = 0.8333.
    func evaluation(_ measures: [String]) throws -> Evaluation {
        var qrels = Qrels()
        qrels.add(topic: "7", docno: "a", grade: 1, line: 1)
        qrels.add(topic: "7", docno: "b", grade: 0, line: 2)
        qrels.add(topic: "7", docno: "c", grade: 2, line: 3)
        var run = Run()
        run.append(topic: "7", docno: "a", score: 3, line: 1)
        run.append(topic: "7", docno: "b", score: 2, line: 2)
        run.append(topic: "7", docno: "c", score: 1, line: 3)
        run.tag = "myrun"
        return Evaluator.evaluate(run: run, qrels: qrels, measures: try MeasureCatalog.select(measures))
    }

    @Test("per-topic lines: padded names, counts as integers, reals as %6.4f, relstring quoted")
    func topicLines() throws {
        let e = try evaluation(["runid", "num_q", "num_ret", "map", "relstring", "P.2"])
        let out = TrecEvalText.write(e, perTopic: true, summary: false)
        // runid and num_q have no per-topic line; P comes before relstring in print order.
        #expect(out == """
            num_ret               \t7\t3
            map                   \t7\t0.8333
            P_2                   \t7\t0.5000
            relstring             \t7\t'102'

            """)
    }

    @Test("summary lines: runid first, num_q, sums and means; relstring has none")
    func summaryLines() throws {
        let e = try evaluation(["runid", "num_q", "num_ret", "map", "relstring", "P.2"])
        let out = TrecEvalText.write(e, perTopic: false, summary: true)
        #expect(out == """
            runid                 \tall\tmyrun
            num_q                 \tall\t1
            num_ret               \tall\t3
            map                   \tall\t0.8333
            P_2                   \tall\t0.5000

            """)
    }

    @Test("names of 22 characters or more are printed in full, without padding")
    func longNames() throws {
        // "ndcg_1=3,2=9,3=27,4=81" is 22 characters, the longer one 28.
        let e = try evaluation(["ndcg.1=3,2=9,3=27,4=81,5=243"])
        let out = TrecEvalText.write(e, perTopic: false, summary: true)
        #expect(out.hasPrefix("ndcg_1=3,2=9,3=27,4=81,5=243\tall\t"))
        let exact = try evaluation(["ndcg.1=3,2=9,3=27,4=81"])
        let out22 = TrecEvalText.write(exact, perTopic: false, summary: true)
        #expect(out22.hasPrefix("ndcg_1=3,2=9,3=27,4=81\tall\t"))
    }

    @Test("%6.4f rounds as C does and pads to six characters")
    func realFormat() throws {
        #expect(formatC("%6.4f", 5.0 / 6.0) == "0.8333")
        #expect(formatC("%6.4f", 0.00005) == "0.0001")  // 0.00005 is a hair above .5e-4 in binary
        #expect(formatC("%6.4f", -4) == "-4.0000")
        #expect(formatC("%6.4f", 12.5) == "12.5000")
        #expect(formatC("%3.2f", 0.1) == "0.10")
    }
}
