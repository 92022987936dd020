import Foundation
import RevalCLI
import Testing

/// `reval cost` run in-process.
func revalCost(_ arguments: [String]) -> CommandOutput {
    RevalMain.costOutput(arguments)
}

/// `reval cost` end to end on the bundled CACM and Vaswani profiles, and on broken input.
@Suite("reval cost")
struct CostCommandTests {
    static func path(_ relative: String) -> String { RealRunCase.path(relative) }
    static let cacmQrels = path("cacm/qrels.cacm.txt")
    static let cacmProfiles = [path("cacm/bm25.profile.yaml"), path("cacm/dense.profile.yaml")]
    static let vaswaniQrels = path("vaswani/qrels.vaswani.txt")
    static let vaswaniProfiles = [path("vaswani/bm25.profile.yaml"), path("vaswani/dense.profile.yaml")]

    static func json(_ out: CommandOutput) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8))
        return try #require(value as? [String: Any])
    }

    static func systems(_ out: CommandOutput) throws -> [[String: Any]] {
        try #require(try json(out)["systems"] as? [[String: Any]])
    }

    /// The `all` value of `measure` in a trec_eval 10.0 output bundled in Qrels/.
    static func trecEval(_ file: String, _ measure: String) throws -> String {
        let text = try String(contentsOfFile: path(file), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.split(separator: "\t").first?.trimmingCharacters(in: .whitespaces) == measure })
        return String(line.split(separator: "\t")[2])
    }

    @Test("CACM: the issue's figures for BM25, quality as trec_eval prints it, BM25 on the frontier and dense not")
    func cacm() throws {
        let out = revalCost(["--format", "json", Self.cacmQrels] + Self.cacmProfiles)
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(out.stderr.isEmpty)
        #expect(try Self.json(out)["percentile"] as? String == "linear")
        let systems = try Self.systems(out)
        #expect(systems.map { $0["name"] as? String } == ["bm25", "dense"])
        let bm25 = systems[0]
        #expect(bm25["queries"] as? Int == 64)
        let latency = try #require(bm25["latency_ms"] as? [String: Double])
        #expect(abs((latency["mean"] ?? 0) - 3.298484) < 5e-7)
        #expect(abs((latency["p50"] ?? 0) - 0.699) < 1e-9)
        #expect(abs((bm25["qps"] as? Double ?? 0) - 303.17) < 5e-3)
        #expect(abs((bm25["cost_per_million"] as? Double ?? 0) - 0.076232) < 5e-7)
        let quality = try #require(bm25["quality"] as? [String: Double])
        // trec_eval 10.0 prints ndcg_cut_10 0.4895 for this run (every judged topic is in it, so -c changes nothing).
        #expect(String(format: "%.4f", quality["ndcg_cut_10"] ?? -1) == (try Self.trecEval("cacm/expected/run.cacm.bm25.all_trec.summary.txt", "ndcg_cut_10")))
        let denseQuality = try #require(systems[1]["quality"] as? [String: Double])
        #expect(String(format: "%.4f", denseQuality["ndcg_cut_10"] ?? -1) == (try Self.trecEval("cacm/expected/run.cacm.dense.all_trec.summary.txt", "ndcg_cut_10")))
        #expect(bm25["pareto"] as? Bool == true)
        #expect(systems[1]["pareto"] as? Bool == false)
    }

    @Test("Vaswani: p99 is 31 ms linear, 111 ms nearest rank (numpy 2.4.6: 31.05636; the largest row, 110.606)")
    func vaswani() throws {
        let linear = try Self.systems(revalCost(["--format", "json", Self.vaswaniQrels] + Self.vaswaniProfiles))
        let nearest = try Self.systems(revalCost(["--format", "json", "--percentile", "nearest-rank", Self.vaswaniQrels] + Self.vaswaniProfiles))
        let p99Linear = (linear[0]["latency_ms"] as? [String: Double])?["p99"] ?? 0
        let p99Nearest = (nearest[0]["latency_ms"] as? [String: Double])?["p99"] ?? 0
        #expect(abs(p99Linear - 31.05636) < 1e-9)
        #expect(p99Nearest == 110.606)
        #expect(linear[0]["queries"] as? Int == 93)
        // Dense, numpy: mean 212.0330645..., linear p95 345.242, nearest-rank p95 347.141.
        #expect(abs(((linear[1]["latency_ms"] as? [String: Double])?["mean"] ?? 0) - 212.0330645161291) < 1e-9)
        #expect(abs(((linear[1]["latency_ms"] as? [String: Double])?["p95"] ?? 0) - 345.242) < 1e-9)
        #expect((nearest[1]["latency_ms"] as? [String: Double])?["p95"] == 347.141)
        let quality = (linear[0]["quality"] as? [String: Double])?["ndcg_cut_10"] ?? -1
        #expect(String(format: "%.4f", quality) == (try Self.trecEval("vaswani/expected/run.vaswani.bm25.all_trec.summary.txt", "ndcg_cut_10")))
        #expect(linear.map { $0["pareto"] as? Bool } == [true, false])
    }

    @Test("several measures, ir_measures names too; the first drives the frontier")
    func measures() throws {
        let out = revalCost(["--format", "json", "-m", "nDCG@10", "-mmap", Self.cacmQrels] + Self.cacmProfiles)
        #expect(out.exitCode == 0, "\(out.stderr)")
        let root = try Self.json(out)
        #expect(root["measures"] as? [String] == ["nDCG@10", "map"])
        #expect(root["frontier_measure"] as? String == "nDCG@10")
        let quality = try #require(try Self.systems(out)[0]["quality"] as? [String: Double])
        // trec_eval 10.0: map 0.3391 (Qrels/cacm/expected/run.cacm.bm25.default.txt).
        #expect(String(format: "%.4f", quality["map"] ?? -1) == (try Self.trecEval("cacm/expected/run.cacm.bm25.default.txt", "map")))
    }

    @Test("text, csv and markdown; the plot file")
    func formats() throws {
        let profile = "name: anserini\ndataset: cacm\nrun: \(Self.run)\nlatency: \(Self.path("cacm/latency/latency.cacm.bm25.tsv"))\n"
            + "hardware: {name: vm, price_per_hour: 0.0832}\n"
        try TemporaryFolder.with { folder in
            let file = try TemporaryFolder.write(profile, "p.yaml", in: folder)
            let svg = folder.appendingPathComponent("cost.svg").path
            let text = revalCost(["--plot", svg, Self.cacmQrels, file])
            #expect(text.exitCode == 0, "\(text.stderr)")
            #expect(text.stdout.contains("Latency percentiles: linear"))
            #expect(text.stdout.contains("0.076232 USD"))
            let drawing = try String(contentsOfFile: svg, encoding: .utf8)
            #expect(drawing.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(drawing.contains(">anserini</text>"))
            #expect(drawing.contains("cacm: quality against cost"))
            let csv = revalCost(["--format", "csv", Self.cacmQrels, file])
            #expect(csv.stdout.hasPrefix("system,queries,latency_source,percentile,mean_ms,"))
            #expect(csv.stdout.split(separator: "\n").count == 2)
            let markdown = revalCost(["--format", "markdown", Self.cacmQrels, file])
            #expect(markdown.stdout.contains("| system | queries |"))
        }
    }

    @Test("a budget names the best system")
    func budget() throws {
        let out = revalCost(["--max-p95-ms", "100", "--format", "json", Self.cacmQrels] + Self.cacmProfiles)
        #expect(try Self.json(out)["best"] as? String == "bm25")
        let none = revalCost(["--max-p95-ms", "1", Self.cacmQrels] + Self.cacmProfiles)
        #expect(none.stdout.contains("Best under budget (p95 <= 1 ms): none; no system keeps it."))
        // Dense's p95 is 358.9 ms and it costs 5.14 per million: only a budget that admits it can pick it.
        let dense = revalCost(["--max-cost-per-million", "6", "--max-p95-ms", "400", "--format", "json", Self.cacmQrels, Self.cacmProfiles[1]])
        #expect(try Self.json(dense)["best"] as? String == "dense")
    }

    /// Writes `files` (name → content) into a temporary folder and runs `reval cost` with
    /// `arguments`, where `@name` stands for the path of a written file.
    static func withFiles(_ files: [String: String], _ arguments: [String]) throws -> CommandOutput {
        try TemporaryFolder.with { folder in
            for (name, content) in files { _ = try TemporaryFolder.write(content, name, in: folder) }
            return revalCost(arguments.map { $0.hasPrefix("@") ? folder.appendingPathComponent(String($0.dropFirst())).path : $0 })
        }
    }

    /// Anserini's 30-document CACM run: small, so the tests that only need some run stay quick.
    static let run = path("cacm/runs/cacm-bm25.txt")

    @Test("a broken latency file: one located error, exit 2")
    func badLatency() throws {
        let out = try Self.withFiles([
            "p.yaml": "name: x\nrun: \(Self.run)\nlatency: lat.tsv\n",
            "lat.tsv": "qid\tlatency_ms\n1\t2\n2\t-1\n",
        ], [Self.cacmQrels, "@p.yaml"])
        #expect(out.exitCode == 2)
        #expect(out.stderr.hasSuffix("lat.tsv:3: latency '-1' is negative; expected milliseconds, a decimal number of 0 or more\n"))
        #expect(out.stdout.isEmpty)
    }

    @Test("latency rows and run topics that do not match: a warning with counts")
    func coverage() throws {
        // The run has topics 1-64; the file has 1-3 and 999.
        let out = try Self.withFiles([
            "p.yaml": "name: x\nrun: \(Self.run)\nlatency: lat.tsv\nhardware: {name: vm, price_per_hour: 1}\n",
            "lat.tsv": "qid\tlatency_ms\n1\t2\n2\t3\n3\t4\n999\t5\n",
        ], ["--format", "json", Self.cacmQrels, "@p.yaml"])
        #expect(out.exitCode == 0)
        #expect(out.stderr.contains("warning: "))
        #expect(out.stderr.contains("1 latency row for topics the run lacks, 61 run topics without a latency row; latency figures are over all 4 rows"))
        let system = try Self.systems(out)[0]
        #expect(system["queries"] as? Int == 4)
        #expect(system["latency_coverage"] as? [String: Int] == ["matched": 3, "rows_without_run_topic": 1, "run_topics_without_row": 61])
    }

    @Test("a profile without a price: cost columns absent, null in JSON")
    func noPrice() throws {
        let out = try Self.withFiles([
            "p.yaml": "name: x\nrun: \(Self.run)\nlatency_ms: {mean: 3, p95: 10}\nhardware: {name: laptop}\n",
        ], ["--format", "json", Self.cacmQrels, "@p.yaml"])
        #expect(out.exitCode == 0, "\(out.stderr)")
        let system = try Self.systems(out)[0]
        #expect(system["cost_per_million"] is NSNull)
        #expect(system["queries"] is NSNull)
        #expect(system["latency_source"] as? String == "stated")
        #expect(abs((system["qps"] as? Double ?? 0) - 1000.0 / 3) < 1e-9)
    }

    /// Each bad command line, the start of the message it prints and its exit code (always 2).
    @Test("bad flags and files: exit 2 with one line", arguments: [
        (["--percentile", "median"], "reval: unknown percentile rule 'median' for --percentile; expected linear or nearest-rank"),
        (["--cost-axis", "watts"], "reval: unknown cost axis 'watts' for --cost-axis; expected money, p95, p99 or memory"),
        (["--format", "xml"], "reval: unknown output format 'xml' for --format; expected text, json, csv or markdown"),
        (["--max-p95-ms", "fast"], "reval: --max-p95-ms needs a number (milliseconds), got 'fast'"),
        (["--max-cost-per-million=-1"], "reval: --max-cost-per-million needs a number of 0 or more, got '-1'"),
        (["--max-memory", "lots"], "reval: --max-memory: 'lots'; expected a decimal number such as 12 or 0.5; expected a size such as 4294967296, 4 GiB or 512 MB"),
        (["-m", "nosuchmeasure"], "reval: unknown measure 'nosuchmeasure'"),
        (["--hardware", "/nonexistent/hw.yaml"], "reval: /nonexistent/hw.yaml: cannot open: "),
        (["--no-such-flag"], "reval: Unknown option '--no-such-flag'"),
    ])
    func badFlags(_ flags: [String], _ message: String) {
        let out = revalCost(flags + [Self.cacmQrels] + Self.cacmProfiles)
        #expect(out.exitCode == 2)
        #expect(out.stderr.hasPrefix(message), "\(out.stderr)")
        #expect(out.stdout.isEmpty)
    }

    @Test("missing files and profiles without a run are errors, exit 2")
    func badFiles() throws {
        let one = revalCost([Self.cacmQrels])
        #expect(one.exitCode == 2 && one.stderr.hasPrefix("reval: expected the qrels file and one or more profiles, got 1 file"))
        let missing = revalCost([Self.cacmQrels, "/nonexistent/p.yaml"])
        #expect(missing.exitCode == 2 && missing.stderr.hasPrefix("reval: /nonexistent/p.yaml: cannot open: "))
        let noRun = try Self.withFiles(["p.yaml": "name: x\nqps: 3\n"], [Self.cacmQrels, "@p.yaml"])
        #expect(noRun.exitCode == 2 && noRun.stderr.contains("p.yaml: no 'run' key; expected the system's run file"))
        let twice = revalCost([Self.cacmQrels, Self.cacmProfiles[0], Self.cacmProfiles[0]])
        #expect(twice.exitCode == 2 && twice.stderr.contains("system name 'bm25' is also the name in"))
        let unknown = try Self.withFiles(["p.yaml": "name: x\nrun: r\nqps: 3\nconcurency: 2\n"], [Self.cacmQrels, "@p.yaml"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("p.yaml:4:1: unknown key 'concurency'; did you mean 'concurrency'?"))
    }

    @Test("help exits 0 on stdout")
    func help() {
        let out = revalCost(["--help"])
        #expect(out.exitCode == 0)
        #expect(out.stdout.contains("--cost-axis"))
    }
}
