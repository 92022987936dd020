import Foundation
import RevalCLI
import Testing

/// A real run from `Qrels/` and one of its expected trec_eval 10.0 outputs.
struct RealRunCase: Sendable, CustomTestStringConvertible {
    var expected: String
    var arguments: [String]
    var testDescription: String { expected }

    static func path(_ relative: String) -> String { Paths.qrels.appendingPathComponent(relative).path }

    /// The flags behind each expected file's suffix (Qrels/README.md, EXPECTED-CASES.tsv).
    static let flagSets: [(suffix: String, flags: [String])] = [
        ("default", []),
        ("c.l2.map.ndcg_cut10.recall", ["-c", "-l", "2", "-m", "map", "-m", "ndcg_cut.10", "-m", "recall.100,1000"]),
        ("q.all_trec", ["-q", "-m", "all_trec"]),
    ]

    /// The four DL19 first-stage runs; RepLLaMA's is stored gzip-compressed.
    static let dl19Runs: [(system: String, file: String)] = [
        ("BM25", "BM25.trec_results_dl19_top100.txt"),
        ("BM25_RM3", "BM25_RM3.trec_results_dl19_top100.txt"),
        ("SPLADE_P_P_ENSEMBLE_DISTIL", "SPLADE_P_P_ENSEMBLE_DISTIL.trec_results_dl19_top100.txt"),
        ("REP_LLAMA", "REP_LLAMA.trec_results_dl19_top100.txt.gz"),
    ]

    static let dl19: [RealRunCase] = dl19Runs.flatMap { run in
        flagSets.map { set in
            RealRunCase(expected: "dl19-passage/expected/\(run.system).dl19.\(set.suffix).txt",
                        arguments: set.flags + [path("dl19-passage/qrels.dl19-passage.txt"),
                                                path("dl19-passage/runs/\(run.file)")])
        }
    }

    static let cacm: [RealRunCase] = [
        RealRunCase(expected: "cacm/expected/cacm-bm25.P30.txt",
                    arguments: ["-m", "P.30", path("cacm/qrels.cacm.txt"), path("cacm/runs/cacm-bm25.txt")]),
        RealRunCase(expected: "cacm/expected/cacm-bm25.default.txt",
                    arguments: [path("cacm/qrels.cacm.txt"), path("cacm/runs/cacm-bm25.txt")]),
    ]
}

@Suite("Real runs bundled in Qrels/")
struct RealRunTests {
    @Test("stdout equals trec_eval 10.0's expected output", arguments: RealRunCase.dl19 + RealRunCase.cacm)
    func matchesExpected(_ c: RealRunCase) throws {
        let expected = try Fixture.bytes(RealRunCase.path(c.expected))
        let out = reval(c.arguments)
        #expect(out.exitCode == 0, "stderr: \(out.stderr)")
        #expect(out.stderr.isEmpty)
        let difference = Output.difference(Array(out.stdout.utf8), expected)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("12 DL19 cases: 4 runs x 3 flag sets")
    func dl19CaseCount() {
        #expect(RealRunCase.dl19.count == 12)
        for c in RealRunCase.dl19 + RealRunCase.cacm {
            #expect(FileManager.default.fileExists(atPath: RealRunCase.path(c.expected)), "\(c.expected)")
        }
    }

    @Test("CACM BM25: P_30 = 0.1942, Anserini's published figure")
    func cacmPublishedP30() {
        let out = reval(["-m", "P.30", RealRunCase.path("cacm/qrels.cacm.txt"), RealRunCase.path("cacm/runs/cacm-bm25.txt")])
        #expect(out.exitCode == 0)
        #expect(out.stdout == "P_30                  \tall\t0.1942\n")
    }
}
