import Foundation
import RevalCLI
import RevalCore
import Testing

/// `-m` with ir_measures names on the real DL19 runs. The expected numbers are trec_eval
/// 10.0's, read from `Qrels/dl19-passage/expected/`: each modern name must print, for every
/// topic and in the summary, exactly what trec_eval prints for its equivalent.
@Suite("ir_measures names on the DL19 runs")
struct ModernNameTests {
    /// Modern name → the trec_eval line it must equal in `*.q.all_trec.txt`
    /// (`-q -m all_trec`, so the trec_eval side uses the default -l 1 and p = 0.9).
    static let allTrecPairs: [(modern: String, trecEval: String)] = [
        ("nDCG@10", "ndcg_cut_10"), ("nDCG@100", "ndcg_cut_100"), ("nDCG", "ndcg"),
        ("AP", "map"), ("AP@100", "map_cut_100"), ("P@10", "P_10"), ("P@1000", "P_1000"),
        ("R@100", "recall_100"), ("R@1000", "recall_1000"), ("RR", "recip_rank"),
        ("Rprec(rel=1)", "Rprec"), ("Bpref", "bpref"), ("infAP(rel=1)", "infAP"),
        ("Success@1", "success_1"), ("Success@10", "success_10"),
        ("NumQ", "num_q"), ("NumRet", "num_ret"), ("NumRel", "num_rel"), ("NumRelRet", "num_rel_ret"),
        ("SetP", "set_P"), ("SetRelP", "set_relative_P"), ("SetR", "set_recall"), ("SetF", "set_F"),
        ("SetAP", "set_map"), ("RBP(p=0.9)", "rbp"), ("RBP_resid(p=0.9)", "rbp_resid"),
    ]

    /// The same with `-c` against `*.c.l2.map.ndcg_cut10.recall.txt`, which trec_eval made
    /// with `-c -l 2`: here `rel=2` stands for -l 2 (reval runs with -c only).
    static let levelTwoPairs: [(modern: String, trecEval: String)] = [
        ("AP(rel=2)", "map"), ("R(rel=2)@100", "recall_100"), ("R(rel=2)@1000", "recall_1000"),
        ("nDCG@10", "ndcg_cut_10"),
    ]

    static let runs = RealRunCase.dl19Runs.map(\.system)

    static func runPath(_ system: String) -> String {
        let file = RealRunCase.dl19Runs.first { $0.system == system }!.file
        return RealRunCase.path("dl19-passage/runs/\(file)")
    }

    static let qrelsPath = RealRunCase.path("dl19-passage/qrels.dl19-passage.txt")

    /// `name<TAB>topic<TAB>value` lines as [name: [topic: value]], names unpadded.
    static func table(_ text: String) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for line in Output.lines(text) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let name = String(fields[0]).trimmingCharacters(in: .whitespaces)
            result[name, default: [:]][String(fields[1])] = String(fields[2])
        }
        return result
    }

    static func check(_ pairs: [(modern: String, trecEval: String)], flags: [String],
                      expectedFile: String, system: String) throws {
        let expected = table(try Fixture.text(RealRunCase.path(expectedFile)))
        let out = reval(flags + pairs.flatMap { ["-m", $0.modern] } + [qrelsPath, runPath(system)])
        #expect(out.exitCode == 0, "stderr: \(out.stderr)")
        let actual = table(out.stdout)
        for (modernText, trecName) in pairs {
            let printed = try ModernMeasure.parse(modernText).name
            let want = try #require(expected[trecName], "\(trecName) missing from \(expectedFile)")
            let got = actual[printed] ?? [:]
            #expect(Set(got.keys) == Set(want.keys), "\(printed): topics differ from \(trecName)'s")
            for (topic, value) in want {
                #expect(got[topic] == value, "\(system) \(printed) vs \(trecName), topic \(topic)")
            }
        }
    }

    @Test("per-topic and summary values equal trec_eval 10.0's (-q -m all_trec)", arguments: runs)
    func allTrec(_ system: String) throws {
        try Self.check(Self.allTrecPairs, flags: ["-q"],
                       expectedFile: "dl19-passage/expected/\(system).dl19.q.all_trec.txt", system: system)
    }

    @Test("rel=2 equals trec_eval's -l 2 (-c)", arguments: runs)
    func levelTwo(_ system: String) throws {
        try Self.check(Self.levelTwoPairs, flags: ["-c"],
                       expectedFile: "dl19-passage/expected/\(system).dl19.c.l2.map.ndcg_cut10.recall.txt",
                       system: system)
    }

    @Test("both syntaxes in one command: trec_eval's measures first, then the modern names in order")
    func mixedOutput() {
        let out = reval(["-m", "RR@10", "-m", "P.10", "-m", "nDCG(dcg='exp-log2')@10", "-m", "map",
                         Self.qrelsPath, Self.runPath("BM25")])
        #expect(out.exitCode == 0)
        // map and P_10 are trec_eval's (BM25.dl19.q.all_trec.txt); RR@10 and the exponential
        // nDCG@10 are ir_measures 0.4.3's (msmarco and gdeval providers: 0.823320...,
        // 0.436363...).
        #expect(out.stdout == """
            map                   \tall\t0.2993
            P_10                  \tall\t0.6186
            RR@10                 \tall\t0.8233
            nDCG(dcg='exp-log2')@10\tall\t0.4364

            """)
    }

    @Test("-l is the rel of modern names that set none: under -l 2, AP is AP(rel=2); AP(rel=1) keeps level 1")
    func levelFlag() {
        let out = reval(["-l", "2", "-m", "map", "-m", "AP", "-m", "AP(rel=1)", "-m", "nDCG@10", Self.qrelsPath, Self.runPath("BM25")])
        // map at -l 2 is 0.2476 (BM25.dl19.c.l2...txt, no topic is missing from the run);
        // map at -l 1 is 0.2993 (BM25.dl19.default.txt); ndcg_cut_10 ignores -l in
        // trec_eval: 0.5058 at -l 2 as at -l 1 (BM25.dl19.c.l2...txt).
        #expect(out.stdout == """
            map                   \tall\t0.2476
            AP(rel=2)             \tall\t0.2476
            AP                    \tall\t0.2993
            nDCG@10               \tall\t0.5058

            """)
    }

    @Test("errors: an unknown name exits 1, bad parameters exit 2")
    func errors() {
        let unknown = reval(["-m", "Foo@10", Self.qrelsPath, Self.runPath("BM25")])
        #expect(unknown.exitCode == 1)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr == "reval: unknown measure 'Foo@10'; see 'reval eval --help' for the list\n")
        let bad = reval(["-m", "nDCG(dcg='exp')@10", Self.qrelsPath, Self.runPath("BM25")])
        #expect(bad.exitCode == 2)
        #expect(bad.stderr == "reval: measure 'nDCG': dcg='exp' is not one of 'log2', 'exp-log2'\n")
    }
}
