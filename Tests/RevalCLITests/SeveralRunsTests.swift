import Foundation
import RevalCLI
import Testing

@Suite("reval eval QRELS RUN RUN ...: several runs in one call")
struct SeveralRunsTests {
    static let qrels = RealRunCase.path("dl19-passage/qrels.dl19-passage.txt")
    static func run(_ k: Int) -> String { RealRunCase.path("dl19-passage/runs/\(RealRunCase.dl19Runs[k].file)") }

    @Test("text output is each run's trec_eval output in argument order", arguments: RealRunCase.flagSets.map(\.suffix))
    func textInTurn(suffix: String) throws {
        let flags = try #require(RealRunCase.flagSets.first { $0.suffix == suffix }).flags
        let order = [2, 0, 3, 1]
        var expected: [UInt8] = []
        for k in order {
            expected += try Fixture.bytes(RealRunCase.path("dl19-passage/expected/\(RealRunCase.dl19Runs[k].system).dl19.\(suffix).txt"))
        }
        let out = reval(flags + [Self.qrels] + order.map(Self.run))
        #expect(out.exitCode == 0, "stderr: \(out.stderr)")
        let difference = Output.difference(Array(out.stdout.utf8), expected)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("CSV names the run in a first column, with one header")
    func csvRunColumn() {
        let out = reval(["--format", "csv", "-m", "ndcg_cut.10", Self.qrels, Self.run(0), Self.run(1)])
        #expect(out.exitCode == 0)
        // Full-precision means 0.50583100 and 0.52158053 (issue 10's reference table, from
        // scipy on the per-topic values); trec_eval prints them as 0.5058 and 0.5216.
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "run,topic,measure,value")
        #expect(lines[1].hasPrefix("BM25.trec_results_dl19_top100.txt,all,ndcg_cut_10,0.505831"))
        #expect(lines[2].hasPrefix("BM25_RM3.trec_results_dl19_top100.txt,all,ndcg_cut_10,0.5215805"))
    }

    @Test("JSON holds one object per run under \"runs\"")
    func jsonRuns() throws {
        let out = reval(["--format", "json", "-m", "map", Self.qrels, Self.run(0), Self.run(1)])
        #expect(out.exitCode == 0)
        let object = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let runs = try #require(object?["runs"] as? [[String: Any]])
        #expect(runs.map { $0["run"] as? String } == ["BM25.trec_results_dl19_top100.txt", "BM25_RM3.trec_results_dl19_top100.txt"])
        // map: 0.2993 and 0.3402 in trec_eval's default output (the expected files).
        let maps = runs.compactMap { ($0["summary"] as? [String: Any])?["map"] as? Double }
        #expect(maps.count == 2 && abs(maps[0] - 0.2993) < 0.00005 && abs(maps[1] - 0.3402) < 0.00005)
    }

    @Test("JSON Lines carry a run key, TSV a first run column, in argument order")
    func jsonlAndTSV() throws {
        let jsonl = reval(["--format", "jsonl", "-m", "map", Self.qrels, Self.run(1), Self.run(0)])
        #expect(jsonl.exitCode == 0)
        let rows = try jsonl.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.map { $0["run"] as? String } == ["BM25_RM3.trec_results_dl19_top100.txt", "BM25.trec_results_dl19_top100.txt"])
        // map 0.3402 and 0.2993: trec_eval's default output (the expected files).
        let maps = rows.compactMap { $0["value"] as? Double }
        #expect(maps.count == 2 && abs(maps[0] - 0.3402) < 0.00005 && abs(maps[1] - 0.2993) < 0.00005)
        let tsv = reval(["--format", "tsv", "-m", "map", Self.qrels, Self.run(0), Self.run(1)])
        let lines = tsv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "run\ttopic\tmeasure\tvalue")
        #expect(lines.dropFirst().map { $0.split(separator: "\t").first.map(String.init) }
                == ["BM25.trec_results_dl19_top100.txt", "BM25_RM3.trec_results_dl19_top100.txt"])
    }

    @Test("two runs with one file name are named by their paths")
    func sameFileName() throws {
        try TemporaryFolder.with { folder in
            let a = folder.appendingPathComponent("a")
            let b = folder.appendingPathComponent("b")
            for sub in [a, b] { try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true) }
            let first = a.appendingPathComponent("run.txt").path
            let second = b.appendingPathComponent("run.txt").path
            try FileManager.default.copyItem(atPath: Self.run(0), toPath: first)
            try FileManager.default.copyItem(atPath: Self.run(1), toPath: second)
            let out = reval(["--format", "csv", "-m", "map", Self.qrels, first, second])
            #expect(out.exitCode == 0)
            let names = out.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) }
            #expect(names == [first, second])
        }
    }

    @Test("a broken second run: the first run's output, then the error, exit 2")
    func brokenSecondRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reval-several-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.txt").path
        try "19335 Q0 d1 1 notanumber x\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let out = reval(["-m", "map", Self.qrels, Self.run(0), broken])
        #expect(out.exitCode == 2)
        #expect(out.stdout == "map                   \tall\t0.2993\n")
        #expect(out.stderr.hasPrefix("reval: \(broken):1: "))
    }
}
