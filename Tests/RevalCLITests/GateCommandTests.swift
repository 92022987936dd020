import Foundation
import RevalCLI
import Testing

@Suite("reval gate: the README's CI example, exit codes 0, 1 and 2, report files, GitHub's environment")
struct GateCommandTests {
    static let example = GateExample.path
    static let dl19 = Paths.qrels.appendingPathComponent("dl19-passage").path

    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reval-gate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The README's example with its relative paths made absolute and `edit` applied, in `folder`.
    func exampleCopy(in folder: URL, _ edit: (String) -> String = { $0 }) throws -> String {
        let text = try String(contentsOfFile: Self.example, encoding: .utf8)
            .replacing("../../Qrels/", with: Paths.qrels.path + "/")
        let file = folder.appendingPathComponent("gate.yaml")
        try edit(text).write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("the README's CI example passes: exit 0, a PASS line per verdict, the three report files")
    func example() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let junit = folder.appendingPathComponent("gate.xml").path
        let markdown = folder.appendingPathComponent("gate.md").path
        let json = folder.appendingPathComponent("gate.json").path
        let out = RevalMain.gateOutput([Self.example, "--junit", junit, "--markdown", markdown, "--json", json],
                                       environment: GateEnvironment())
        #expect(out.exitCode == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("PASS ") }.count == 3)
        #expect(!lines.contains { $0.hasPrefix("FAIL ") })
        #expect(lines.last == "gate passed: 3 of 3 verdicts pass")
        // SPLADE++ ED's nDCG@10 0.7308 and BM25's 0.5058 (trec_eval 10.0, Qrels/dl19-passage/expected).
        #expect(lines[1].contains("min: 0.7308 >= 0.65 (margin +0.0808)"))
        #expect(lines[1].contains("max_drop: 0.7308 >= BM25 0.5058 - 0.01 = 0.4958 (margin +0.2350)"))
        for path in [junit, markdown, json] { #expect(FileManager.default.fileExists(atPath: path)) }
        #expect(try String(contentsOfFile: junit, encoding: .utf8).contains("<testsuites name=\"reval gate\" tests=\"3\" failures=\"0\""))
        #expect(!out.stdout.contains("::error") && !out.stdout.contains("::warning"))
    }

    @Test("a broken threshold fails: exit 1, the FAIL line with the numbers and the worst topics, the report still written")
    func brokenThreshold() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try exampleCopy(in: folder) { $0.replacing("min: 0.65 ", with: "min: 0.75 ") }
        let junit = folder.appendingPathComponent("gate.xml").path
        let out = RevalMain.gateOutput([file, "--junit", junit], environment: GateEnvironment())
        #expect(out.exitCode == 1)
        let lines = out.stdout.split(separator: "\n")
        // 0.7308 - 0.75 = -0.0192.
        #expect(lines[1].hasPrefix("FAIL check 1 ndcg_cut.10 on dl19-passage: min: 0.7308 < 0.75 (margin -0.0192)"))
        #expect(lines[2].hasPrefix("     worst topics against BM25: "))
        #expect(lines.last == "gate FAILED: 1 of 3 verdicts fail")
        #expect(try String(contentsOfFile: junit, encoding: .utf8).contains("<failure type=\"reval.gate\" message=\"min: 0.7308 &lt; 0.75 (margin -0.0192)\">"))
    }

    @Test("GITHUB_ACTIONS=true adds annotations; GITHUB_STEP_SUMMARY gets the summary appended, earlier text kept")
    func github() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try exampleCopy(in: folder) { $0.replacing("min: 0.65 ", with: "min: 0.75 ") }
        let summary = folder.appendingPathComponent("summary.md")
        try "# Earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
        let out = RevalMain.gateOutput([file], environment: GateEnvironment(githubActions: true, stepSummary: summary.path))
        #expect(out.exitCode == 1)
        let annotations = out.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
        // One failure (check 1, whose mapping starts at line 23, column 7), no near miss.
        #expect(annotations.count == 1)
        #expect(annotations[0].hasPrefix("::error file=\(file.replacing(":", with: "%3A").replacing(",", with: "%2C")),line=23,col=7,title=reval gate check 1 failed on dl19-passage::"))
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.hasPrefix("# Earlier step\n\n## reval gate: FAILED\n"))
        #expect(text.contains("| ❌ **FAIL** | 1 | dl19-passage | ndcg_cut.10 |"))
        let quiet = RevalMain.gateOutput([file], environment: GateEnvironment(githubActions: false))
        #expect(!quiet.stdout.contains("::error"))
    }

    @Test("a step summary named as a descriptor (/dev/fd/N, as /dev/stdout is) is written to as it is, not read back or replaced")
    func descriptorSummary() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try exampleCopy(in: folder) { $0.replacing("min: 0.65 ", with: "min: 0.75 ") }
        // The file a shell's `>> summary.md` would give: opened to append, earlier text in it.
        let summary = folder.appendingPathComponent("summary.md").path
        try "# Earlier step\n".write(toFile: summary, atomically: true, encoding: .utf8)
        let fd = open(summary, O_WRONLY | O_APPEND)
        #expect(fd >= 0)
        let out = RevalMain.gateOutput([file], environment: GateEnvironment(githubActions: true, stepSummary: "/dev/fd/\(fd)"))
        close(fd)
        #expect(out.exitCode == 1, "\(out.stderr)")
        let text = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(text.hasPrefix("# Earlier step\n## reval gate: FAILED\n"), "\(text.prefix(80))")
    }

    @Test("a near miss is a ::warning under GitHub Actions, and the gate passes")
    func nearMiss() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 0.7308 - 0.70 = 0.0308 < 10% of 0.70.
        let file = try exampleCopy(in: folder) { $0.replacing("min: 0.65 ", with: "min: 0.70 ") }
        let out = RevalMain.gateOutput([file], environment: GateEnvironment(githubActions: true))
        #expect(out.exitCode == 0)
        #expect(out.stdout.split(separator: "\n").filter { $0.hasPrefix("::warning ") }.count == 1)
        #expect(out.stdout.contains("[near miss]"))
    }

    /// (edit of the example, words of the one stderr line). Each exits 2 before any evaluation.
    static let badFiles: [(String, String, [String])] = [
        ("max_drop: 0.01 ", "max_dorp: 0.01 ", [":25:7: unknown key 'max_dorp' in gate.checks[1]; did you mean 'max_drop'?"]),
        ("candidate: SPLADE++ ED", "candidate: SPLADE", [":21:14: gate.candidate: 'SPLADE' is not a system"]),
        ("    - measure: recall.100", "    - measure: recall.100\n      datasets: [dl20-passage]", ["dataset 'dl20-passage' is not declared"]),
        ("    - measure: recall.100", "    - measure: recal.100", [":29:16:", "recal"]),
        ("min: 0.65 ", "min: high ", [":24:12:", "expected a number"]),
        ("SPLADE_P_P_ENSEMBLE_DISTIL.trec_results_dl19_top100.txt", "missing.txt", ["does not exist"]),
        ("gate:", "gates:", ["unknown key 'gates'; did you mean 'gate'?"]),
    ]

    @Test("bad experiment files exit 2 with one located line, and write no report", arguments: badFiles.indices)
    func badFile(_ index: Int) throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (from, to, words) = Self.badFiles[index]
        let file = try exampleCopy(in: folder) { text in
            #expect(text.contains(from))
            return text.replacing(from, with: to)
        }
        let junit = folder.appendingPathComponent("gate.xml").path
        let out = RevalMain.gateOutput([file, "--junit", junit], environment: GateEnvironment())
        #expect(out.exitCode == 2)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.hasPrefix("reval: \(file)"), "\(out.stderr)")
        #expect(out.stderr.split(separator: "\n").count == 1, "\(out.stderr)")
        for word in words { #expect(out.stderr.contains(word), "\(out.stderr)") }
        #expect(!FileManager.default.fileExists(atPath: junit))
    }

    @Test("an experiment without a gate section exits 2")
    func noGate() {
        let out = RevalMain.gateOutput([Paths.packageRoot.appendingPathComponent("Reports/dl19.yaml").path], environment: GateEnvironment())
        #expect(out.exitCode == 2)
        #expect(out.stderr.contains("no 'gate' section"))
    }

    @Test("a run that does not parse exits 2 with its file and line")
    func brokenRun() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("broken.txt")
        try "1037798 Q0 d1 1 1.0 x\n1037798 Q0 d2\n".write(to: run, atomically: true, encoding: .utf8)
        let file = try exampleCopy(in: folder) {
            $0.replacing(Self.dl19 + "/runs/SPLADE_P_P_ENSEMBLE_DISTIL.trec_results_dl19_top100.txt", with: run.path)
        }
        let out = RevalMain.gateOutput([file], environment: GateEnvironment())
        #expect(out.exitCode == 2)
        #expect(out.stderr.contains("broken.txt:2"), "\(out.stderr)")
    }

    @Test("usage errors exit 2", arguments: [
        [String](), ["a.yaml", "--threads", "0"], ["a.yaml", "--bogus"], ["/nonexistent/e.yaml"],
        [GateExample.path, "--junit", "/nonexistent-folder/gate.xml"], [GateExample.path, "--json", "/tmp"],
    ])
    func usage(_ arguments: [String]) {
        let out = RevalMain.gateOutput(arguments, environment: GateEnvironment())
        #expect(out.exitCode == 2)
        #expect(out.stderr.hasPrefix("reval: "))
        #expect(out.stdout.isEmpty)
    }

    @Test("--help exits 0 and names the exit codes")
    func help() {
        let out = RevalMain.gateOutput(["--help"], environment: GateEnvironment())
        #expect(out.exitCode == 0)
        #expect(out.stdout.contains("Exit codes"))
    }
}

/// The README's CI example.
enum GateExample {
    static let path = Paths.packageRoot.appendingPathComponent("Reports/ci/gate-dl19.yaml").path
}
