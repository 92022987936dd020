import Foundation
import Testing
import RevalCore

/// The value of the ir_measures-style measure `name` on `ranking`.
private func modern(_ name: String, _ ranking: JudgedRanking, _ context: EvalContext = EvalContext()) throws -> Double {
    let v = try ModernMeasure.parse(name).evaluate(ranking, context)
    try #require(v.count == 1)
    return v[0]
}

/// Values of modern measures worked out by hand (the arithmetic is in the comments) on the
/// rankings of Support.swift. Sample's judged rels by rank are
/// [1, 0, 2, -1, 0, 1, 0, -2, 0, 0]; its topic has grades 0 x6, 1 x3, 2 x2 (R = 5 at
/// grade 1, R = 2 at grade 2).
@Suite("ir_measures-style measures")
struct ModernMeasureTests {
    @Test("RR@k: the first relevant document within the top k (MS MARCO's MRR@10)")
    func reciprocalRankAtK() throws {
        let r = try judge(["n1", "n2", "r1", "r2"], [("n1", 0), ("n2", 0), ("r1", 1), ("r2", 2)])
        // first relevant at rank 3
        #expect(try modern("RR@2", r) == 0)
        expectClose(try modern("RR@3", r), 1.0 / 3)
        expectClose(try modern("RR", r), 1.0 / 3)
        // grade >= 2 first at rank 4
        #expect(try modern("RR(rel=2)@3", r) == 0)
        #expect(try modern("RR(rel=2)@4", r) == 0.25)
        #expect(try modern("RR(rel=2)", r) == 0.25)
    }

    @Test("nDCG with exponential gains, 2^grade - 1, as gdeval")
    func exponentialNDCG() throws {
        let r = try Sample.ranking()
        // top 5 grades [1, 0, 2, -1, 0] -> gains [1, 0, 3, 0, 0]:
        //   DCG@5 = 1/log2(2) + 3/log2(4) = 1 + 1.5 = 2.5
        // ideal grades 2, 2, 1, 1, 1 -> gains 3, 3, 1, 1, 1:
        //   IDCG@5 = 3/1 + 3/log2(3) + 1/2 + 1/log2(5) + 1/log2(6)
        let ideal5 = 3 + 3 / log2(3.0) + 0.5 + 1 / log2(5.0) + 1 / log2(6.0)
        expectClose(try modern("nDCG(dcg='exp-log2')@5", r), 2.5 / ideal5)
        // No cutoff: rank 6 (grade 1) adds 1/log2(7); the ideal has the same 5 documents.
        expectClose(try modern("nDCG(dcg='exp-log2')", r), (2.5 + 1 / log2(7.0)) / ideal5)
        // @2: DCG = 1; IDCG = 3 + 3/log2(3)
        expectClose(try modern("nDCG(dcg='exp-log2')@2", r), 1 / (3 + 3 / log2(3.0)))
    }

    @Test("nDCG(gains=...): grades remapped, then trec_eval's ndcg_cut / ndcg")
    func gainsRemapping() throws {
        let r = try Sample.ranking()
        // {2:10}@3: gains [1, 0, 10] -> DCG = 1 + 10/log2(4) = 6;
        // ideal 10, 10, 1 -> 10 + 10/log2(3) + 1/2
        expectClose(try modern("nDCG(gains={2:10})@3", r), 6 / (10.5 + 10 / log2(3.0)))
        // {1:0}@3: grade 1 is worth nothing -> DCG = 2/log2(4) = 1; ideal 2, 2 -> 2 + 2/log2(3)
        expectClose(try modern("nDCG(gains={1:0})@3", r), 1 / (2 + 2 / log2(3.0)))
        // {1:1,2:3} are the exponential gains of grades 1 and 2.
        expectClose(try modern("nDCG(gains={1:1,2:3})@5", r), try modern("nDCG(dcg='exp-log2')@5", r))
        // Without a cutoff it is trec_eval's ndcg with the same gains as level=gain pairs.
        expectClose(try modern("nDCG(gains={2:10})", r), try value("ndcg", "2=10", r))
        // A grade mapped below 0 is unjudged: {1:-1} leaves only the grade-2 documents.
        // DCG@3 = 2/log2(4) = 1; ideal 2, 2 -> 2 + 2/log2(3)
        expectClose(try modern("nDCG(gains={1:-1})@3", r), 1 / (2 + 2 / log2(3.0)))
    }

    @Test("Judged@k: judged documents in the top k over min(k, retrieved)")
    func judgedAtK() throws {
        let r = try Sample.ranking()
        #expect(try modern("Judged@3", r) == 1)  // 1, 0, 2
        #expect(try modern("Judged@5", r) == 0.8)  // rank 4 is not in the qrels: 4/5
        #expect(try modern("Judged@10", r) == 0.8)  // ranks 4 and 8 unjudged: 8/10
        #expect(try modern("Judged@20", r) == 0.8)  // only 10 retrieved: 8/10
        #expect(try modern("Judged", r) == 0.8)
        #expect(try modern("Judged@10", r.prefix(0)) == 0)  // nothing retrieved
    }

    @Test("ERR@k: gdeval's cascade with stopping probability (2^g - 1)/16")
    func expectedReciprocalRank() throws {
        let r = try Sample.ranking()
        // grades [1, 0, 2]: R = 1/16, 0, 3/16
        // ERR@3 = (1/16)/1 + 0 + (3/16)(15/16)(1)/3 = 16/256 + 15/256 = 31/256
        #expect(try modern("ERR@3", r) == 31.0 / 256)
        // rank 6, grade 1: + (1/16)(15/16)(13/16)/6 = 195/24576;
        // ranks 4 (-1), 5 (0) and 7-10 add nothing
        expectClose(try modern("ERR@10", r), 31.0 / 256 + 195.0 / 24576)
        expectClose(try modern("ERR", r), 31.0 / 256 + 195.0 / 24576)
        // Grades above 4 count as 4: R = 15/16 at rank 1.
        let high = try judge(["a", "b"], [("a", 7), ("b", 0)])
        #expect(try modern("ERR@1", high) == 15.0 / 16)
    }

    @Test("RBP: graded as trec_eval's rbp, binary with rel=N as cwl_eval")
    func rankBiasedPrecision() throws {
        let r = try Sample.ranking()
        // graded, gains grade/2 (highest grade 2): 0.5 at ranks 1 and 6, 1 at rank 3
        // p = 0.5: 0.5 * (0.5 + 0.25 + 0.5 * 0.03125) = 0.3828125 (trec_eval's rbp.p=0.5)
        #expect(try modern("RBP(p=0.5)", r) == 0.3828125)
        #expect(try modern("RBP(p=0.5)", r) == value("rbp", "p=0.5", r))
        // default p = 0.8 (ir_measures' default; trec_eval's is 0.9)
        expectClose(try modern("RBP", r), try value("rbp", "p=0.8", r))
        // rel=1: gain 1 at ranks 1, 3, 6: 0.5 * (1 + 0.25 + 0.03125) = 0.640625
        #expect(try modern("RBP(p=0.5,rel=1)", r) == 0.640625)
        // rel=2: rank 3 only: 0.5 * 0.25 = 0.125
        #expect(try modern("RBP(p=0.5,rel=2)", r) == 0.125)
        // @2: ranks 1-2 only: 0.5 * 0.5 = 0.25
        #expect(try modern("RBP(p=0.5)@2", r) == 0.25)
    }

    @Test("RBP_resid: p^n plus the weight of unjudged ranks (Moffat and Zobel)")
    func rankBiasedResidual() throws {
        let r = try Sample.ranking()
        // unjudged at ranks 4 and 8, n = 10: 0.5^10 + 0.5 * (0.5^3 + 0.5^7)
        //   = 0.0009765625 + 0.5 * 0.1328125 = 0.0673828125 (as trec_eval's rbp_resid)
        #expect(try modern("RBP_resid(p=0.5)", r) == 0.0673828125)
        // @4: 0.5^4 + 0.5 * 0.5^3 = 0.0625 + 0.0625
        #expect(try modern("RBP_resid(p=0.5)@4", r) == 0.125)
        // Everything judged (Binary, 8 documents): 0.5^8, where trec_eval prints 0.
        #expect(try modern("RBP_resid(p=0.5)", Binary.ranking()) == 0.00390625)
        #expect(try value("rbp_resid", "p=0.5", Binary.ranking()) == 0)
    }

    @Test("rel=N: relevance from grade N, whatever -l says")
    func relevanceLevel() throws {
        let r = try Sample.ranking()
        // grade >= 2: d3 at rank 3 and u1 (not retrieved), R = 2: AP = (1/3)/2
        expectClose(try modern("AP(rel=2)", r), 1.0 / 6)
        #expect(try modern("P(rel=2)@5", r) == 0.2)  // 1 of 5
        #expect(try modern("R(rel=2)@5", r) == 0.5)  // 1 of 2
        #expect(try modern("Rprec(rel=2)", r) == 0)  // nothing of grade 2 in the top 2
        #expect(try modern("NumRel(rel=2)", r) == 2)
        #expect(try modern("NumRet(rel=2)", r) == 1)
        #expect(try modern("Success(rel=2)@2", r) == 0)
        #expect(try modern("Success(rel=2)@3", r) == 1)
        // The same as trec_eval's measures on the ranking judged with -l 2.
        let l2 = try Sample.ranking(RankingOptions(relevanceLevel: 2))
        for (modernName, trecName, parameters) in [("AP(rel=2)", "map", nil), ("Bpref(rel=2)", "bpref", nil),
                                                   ("infAP(rel=2)", "infAP", nil), ("SetF(rel=2)", "set_F", nil),
                                                   ("AP(rel=2)@5", "map_cut", "5")] as [(String, String, String?)] {
            #expect(try modern(modernName, r) == value(trecName, parameters, l2, EvalContext(relevanceLevel: 2)), "\(modernName)")
        }
        // -l 2 does not change AP: relevant at ranks 1, 3, 6 of R = 5:
        // (1/1 + 2/3 + 3/6) / 5
        expectClose(try modern("AP", l2, EvalContext(relevanceLevel: 2)), (1 + 2.0 / 3 + 0.5) / 5)
    }

    @Test("judged_only=True: unjudged documents dropped before measuring")
    func judgedOnly() throws {
        let r = try Sample.ranking()
        // judged rels [1, 0, 2, 0, 1, 0, 0, 0]: 3 relevant in the top 5
        #expect(try modern("P(judged_only=True)@5", r) == 0.6)
        #expect(try modern("P@5", r) == 0.4)
        #expect(try modern("P(judged_only=True)@5", r) == value("P", "5", Sample.ranking(RankingOptions(judgedOnly: true))))
    }

    @Test("trec_eval equivalents on the sample ranking")
    func equivalents() throws {
        let r = try Sample.ranking()
        let pairs: [(String, String, String?)] = [
            ("nDCG@10", "ndcg_cut", "10"), ("nDCG", "ndcg", nil), ("AP", "map", nil), ("AP@5", "map_cut", "5"),
            ("P@5", "P", "5"), ("R@5", "recall", "5"), ("RR", "recip_rank", nil), ("Rprec(rel=1)", "Rprec", nil),
            ("Bpref", "bpref", nil), ("infAP(rel=1)", "infAP", nil), ("Success@1", "success", "1"),
            ("NumRet", "num_ret", nil), ("NumRel", "num_rel", nil), ("NumRelRet", "num_rel_ret", nil),
            ("SetP", "set_P", nil), ("SetP(relative=True)", "set_relative_P", nil), ("SetR", "set_recall", nil),
            ("SetF", "set_F", nil), ("SetF(beta=0.5)", "set_F", "0.5"), ("SetAP", "set_map", nil),
            ("RBP(p=0.9)", "rbp", nil),
        ]
        for (modernName, trecName, parameters) in pairs {
            #expect(try modern(modernName, r) == value(trecName, parameters, r), "\(modernName)")
        }
    }

    @Test("cuts and views of a judged ranking recount what they change")
    func views() throws {
        let r = try Sample.ranking()
        let top4 = r.prefix(4)
        #expect(top4.rels == [1, 0, 2, -1])
        #expect(top4.numRelRet == 2 && top4.numNonpool == 1 && top4.numUnjudgedInPool == 0)
        #expect(top4.numRel == 5)
        let judged = r.judgedOnly()
        #expect(judged.rels == [1, 0, 2, 0, 1, 0, 0, 0])
        #expect(judged.numNonpool == 0 && judged.numUnjudgedInPool == 0 && judged.numRelRet == 3)
        let mapped = r.mappingGrades([1: 0, 2: 5])
        #expect(mapped.rels == [0, 0, 5, -1, 0, 0, 0, -2, 0, 0])
        #expect(mapped.levelCounts == [LevelCount(level: 0, count: 9), LevelCount(level: 5, count: 2)])
        #expect(mapped.numRel == 2 && mapped.numRelRet == 1)
    }
}

@Suite("ir_measures-style measures in an evaluation")
struct ModernEvaluationTests {
    /// Under -c, a qrels topic with no line in the run scores as the trec_eval equivalents
    /// do (EvaluatorTests.input(): topic 3 is missing; its qrels g:1 h:0 i:2).
    @Test("-c: a topic missing from the run gets trec_eval's values, per topic and in the summary")
    func missingTopic() throws {
        let input = EvaluatorTests.input()
        let pairs: [(modern: String, trec: String)] = [
            ("NumQ", "num_q"), ("NumRet", "num_ret"), ("NumRel", "num_rel"), ("NumRelRet", "num_rel_ret"),
            ("AP", "map"), ("P@2", "P.2"), ("nDCG@2", "ndcg_cut.2"), ("RBP(p=0.9)", "rbp"),
            ("Bpref", "bpref"), ("RR", "recip_rank"),
        ]
        let measures = try MeasureSelection.select(pairs.flatMap { [$0.modern, $0.trec] } + ["RBP_resid(p=0.9)"])
        let e = Evaluator.evaluate(run: input.run, qrels: input.qrels, measures: measures,
                                   options: EvaluationOptions(completeTopics: true))
        #expect(e.topics.map(\.topic) == ["1", "2", "3"])
        for (modernName, trecName) in pairs {
            let m = try ModernMeasure.parse(modernName).name
            let t = try #require(MeasureCatalog.select([trecName]).first).name
            #expect(try summary(e, m) == summary(e, t), "\(modernName)")
            for topic in ["1", "2", "3"] where modernName != "NumQ" {
                #expect(try topicValues(e, topic, m) == topicValues(e, topic, t), "\(modernName) topic \(topic)")
            }
        }
        // Topic 3: nothing retrieved, 2 relevant; 3 topics in all.
        #expect(try topicValues(e, "3", "NumRet") == [0])
        #expect(try topicValues(e, "3", "NumRel") == [2])
        #expect(try summary(e, "NumQ") == [3])
        // RBP_resid is 0 for the missing topic, as rbp_resid; topic 1 is fully judged
        // (3 documents): 0.9^3, where trec_eval's rbp_resid prints 0.
        #expect(try topicValues(e, "3", "RBP_resid(p=0.9)") == [0])
        expectClose(try topicValues(e, "1", "RBP_resid(p=0.9)")[0], 0.729)
        // Judged@k and the exponential nDCG are 0 there, as every trec_eval ratio is.
        let extra = Evaluator.evaluate(run: input.run, qrels: input.qrels,
                                       measures: try MeasureSelection.select(["Judged@2", "nDCG(dcg='exp-log2')@2", "ERR@2"]),
                                       options: EvaluationOptions(completeTopics: true))
        for name in ["Judged@2", "nDCG(dcg='exp-log2')@2", "ERR@2"] {
            #expect(try topicValues(extra, "3", name) == [0], "\(name)")
        }
    }
}
