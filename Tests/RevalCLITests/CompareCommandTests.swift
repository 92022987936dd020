import Foundation
import RevalCLI
import Testing

/// `reval compare` on the bundled DL19 runs, its formats and its bad inputs.
@Suite("reval compare")
struct CompareCommandTests {
    static let qrels = RealRunCase.path("dl19-passage/qrels.dl19-passage.txt")
    static func run(_ k: Int) -> String { RealRunCase.path("dl19-passage/runs/\(RealRunCase.dl19Runs[k].file)") }
    static let allRuns = (0..<4).map(run)

    static func compare(_ arguments: [String]) -> CommandOutput { RevalMain.compareOutput(arguments) }

    static func comparisons(_ out: CommandOutput) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        return try #require(object["comparisons"] as? [[String: Any]])
    }

    static func comparison(_ rows: [[String: Any]], _ measure: String, _ system: String) throws -> [String: Any] {
        try #require(rows.first { $0["measure"] as? String == measure && $0["system"] as? String == system })
    }

    static func number(_ row: [String: Any], _ key: String) -> Double? { row[key] as? Double }

    @Test("DL19 ndcg_cut_10: the issue's reference table")
    func referenceTable() throws {
        // Issue 10, item 4 (scipy on trec_eval's full-precision per-topic values, -c; the
        // exact randomization p over all 2⁴³ sign flips; the bootstrap interval as B → ∞):
        //   BM25 → BM25_RM3: n 43, means 0.50583100 / 0.52158053, t 0.91750, p 0.36412,
        //     d_z 0.13992, 23/3/17, randomization p 0.36497, CI [−0.01743, 0.04909];
        //   BM25 → SPLADE++: t 5.47256, p 2.2691e−6, d_z 0.83456, 34/0/9, randomization p
        //     2.0225e−6, CI [0.14563, 0.30491].
        let out = Self.compare(["--format", "json", "--threads", "2", Self.qrels] + Self.allRuns)
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(out.stderr.isEmpty)
        let rows = try Self.comparisons(out)
        #expect(rows.count == 6)   // 3 systems × (ndcg_cut_10, map)
        let rm3 = try Self.comparison(rows, "ndcg_cut_10", "BM25_RM3.trec_results_dl19_top100.txt")
        #expect(rm3["baseline"] as? String == "BM25.trec_results_dl19_top100.txt")
        #expect(rm3["n"] as? Int == 43)
        expectWithin(Self.number(rm3, "baseline_mean"), 0.50583100, 0.5e-8)
        expectWithin(Self.number(rm3, "system_mean"), 0.52158053, 0.5e-8)
        expectWithin(Self.number(rm3, "t"), 0.91750, 0.5e-5)
        expectWithin(Self.number(rm3, "t_p"), 0.36412, 0.5e-5)
        expectWithin(Self.number(rm3, "effect_size"), 0.13992, 0.5e-5)
        #expect([rm3["wins"], rm3["ties"], rm3["losses"]].map { $0 as? Int } == [23, 3, 17])
        // Monte Carlo error at the defaults: √(p(1 − p)/100,000) = 0.0015 for p; 4 of it.
        expectWithin(Self.number(rm3, "randomization_p"), 0.36497, 4 * 0.0015)
        // Interval ends at B = 10,000: sd 0.00046 (numpy, 200 repetitions); 4 sd.
        expectWithin(Self.number(rm3, "bootstrap_low"), -0.01743, 0.0019)
        expectWithin(Self.number(rm3, "bootstrap_high"), 0.04909, 0.0019)
        #expect(rm3["significant"] as? Bool == false)

        let splade = try Self.comparison(rows, "ndcg_cut_10", "SPLADE_P_P_ENSEMBLE_DISTIL.trec_results_dl19_top100.txt")
        expectWithin(Self.number(splade, "system_mean"), 0.73080679, 0.5e-8)
        expectWithin(Self.number(splade, "t"), 5.47256, 0.5e-5)
        expectRelative(Self.number(splade, "t_p"), 2.2691e-6, 0.5e-4 / 2.2691)
        expectWithin(Self.number(splade, "effect_size"), 0.83456, 0.5e-5)
        #expect([splade["wins"], splade["ties"], splade["losses"]].map { $0 as? Int } == [34, 0, 9])
        // p ≈ 2e−6: about 0.2 of 100,000 random flips reach it, so p = (c + 1)/(N + 1), c ≤ 2.
        let p = try #require(Self.number(splade, "randomization_p"))
        #expect(p >= 1.0 / 100_001 && p <= 3.0 / 100_001)
        // sd of the ends 0.0010 / 0.0011; 4 sd.
        expectWithin(Self.number(splade, "bootstrap_low"), 0.14563, 0.0044)
        expectWithin(Self.number(splade, "bootstrap_high"), 0.30491, 0.0044)
        #expect(splade["significant"] as? Bool == true)
    }

    @Test("Holm over the three systems of a measure: the adjusted p of the t-test")
    func holm() throws {
        // t-test p (scipy 1.17.1) for ndcg_cut_10 against BM25: RM3 0.3641204381661354,
        // SPLADE++ 2.269140588200583e-06, RepLLaMA 4.2148739394952654e-07. Holm: sorted
        // 4.21e-7 × 3 = 1.2645e-6, 2.269e-6 × 2 = 4.5383e-6, 0.36412 × 1 (max with the rest).
        let rows = try Self.comparisons(Self.compare(["--format", "json", "-m", "ndcg_cut.10", Self.qrels] + Self.allRuns))
        let adjusted = rows.map { $0["adjusted_p"] as? Double ?? -1 }
        expectRelative(adjusted[0], 0.3641204381661354, 1e-12)
        expectRelative(adjusted[1], 2 * 2.269140588200583e-06, 1e-12)
        expectRelative(adjusted[2], 3 * 4.2148739394952654e-07, 1e-12)
    }

    @Test("-l 2 and map: the means are trec_eval -c -l 2's")
    func relevanceLevel() throws {
        // expected/BM25.dl19.c.l2.map.ndcg_cut10.recall.txt: map 0.2476; BM25_RM3: 0.2807.
        let out = Self.compare(["--format", "json", "-l2", "-mmap", Self.qrels, Self.run(0), Self.run(1)])
        #expect(out.exitCode == 0, "\(out.stderr)")
        let row = try #require(try Self.comparisons(out).first)
        #expect(row["measure"] as? String == "map")
        expectWithin(Self.number(row, "baseline_mean"), 0.2476, 0.00005)
        expectWithin(Self.number(row, "system_mean"), 0.2807, 0.00005)
    }

    @Test("--per-query: every topic's values as trec_eval -q prints them, and the differences")
    func perQuery() throws {
        try TemporaryFolder.with { folder in
            let file = folder.appendingPathComponent("topics.csv").path
            let out = Self.compare(["--per-query", file, "-m", "ndcg_cut.10", "--name", "BM25", "--name", "RM3",
                                    Self.qrels, Self.run(0), Self.run(1)])
            #expect(out.exitCode == 0, "\(out.stderr)")
            let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
            #expect(lines.count == 44)
            #expect(lines[0] == "measure,topic,BM25,RM3,RM3 - BM25")
            // The first topic's values against trec_eval -q's (expected/*.q.all_trec.txt, 4 decimals).
            for (k, system) in ["BM25", "BM25_RM3"].enumerated() {
                let expected = try Fixture.text(RealRunCase.path("dl19-passage/expected/\(system).dl19.q.all_trec.txt"))
                    .split(separator: "\n").first { $0.hasPrefix("ndcg_cut_10 ") && $0.contains("\t1037798\t") }
                let printed = try #require(expected?.split(separator: "\t").last.flatMap { Double($0) })
                let fields = lines[1].split(separator: ",")
                #expect(fields[1] == "1037798")
                expectWithin(Double(fields[2 + k]), printed, 0.00005)
            }
            let fields = lines[1].split(separator: ",").map { Double($0) }
            expectWithin(fields[4], (fields[3] ?? 0) - (fields[2] ?? 0), 1e-15)
        }
    }

    @Test("The same bytes for every thread count, in every format", arguments: ["text", "json", "csv", "markdown"])
    func determinism(format: String) {
        let base = ["--format", format, "--test", "randomization", "-m", "ndcg_cut.10", Self.qrels] + Self.allRuns
        let one = Self.compare(["--threads", "1"] + base)
        #expect(one.exitCode == 0)
        #expect(Self.compare(["--threads", "2"] + base).stdout == one.stdout)
        #expect(Self.compare(["--threads", "5"] + base).stdout == one.stdout)
    }

    @Test("Text: a table per measure with a mark for significance, then gains and losses")
    func text() {
        let out = Self.compare(["-m", "ndcg_cut.10", "--name", "BM25", "--name", "RM3", "--name", "SPLADE",
                                Self.qrels, Self.run(0), Self.run(1), Self.run(2)])
        #expect(out.exitCode == 0)
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("ndcg_cut_10: 43 topics; significance by the paired t-test, Holm correction over 2 comparisons"))
        let rm3 = lines.first { $0.hasPrefix("BM25 ") && $0.contains(" RM3 ") }
        let splade = lines.first { $0.hasPrefix("BM25 ") && $0.contains(" SPLADE ") }
        #expect(rm3?.contains("23/3/17") == true && rm3?.hasSuffix("*") == false)
        #expect(splade?.contains("34/0/9") == true && splade?.hasSuffix("*") == true)
        #expect(lines.contains("BM25 -> RM3:"))
        #expect(lines.contains { $0.hasPrefix("  largest gains:  ") })
    }

    @Test("CSV: the JSON keys as columns, one row per comparison")
    func csv() {
        let out = Self.compare(["--format", "csv", "-m", "ndcg_cut.10", Self.qrels, Self.run(0), Self.run(1)])
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let header = lines[0].split(separator: ",").map(String.init)
        for key in ["measure", "baseline", "system", "n", "baseline_mean", "system_mean", "difference", "t", "t_p",
                    "randomization_p", "bootstrap_low", "bootstrap_high", "wilcoxon_p", "effect_size", "wins",
                    "ties", "losses", "adjusted_p", "significant", "notes"] {
            #expect(header.contains(key), "\(key)")
        }
        #expect(lines[1].hasPrefix("ndcg_cut_10,BM25.trec_results_dl19_top100.txt,BM25_RM3.trec_results_dl19_top100.txt,43,"))
    }

    @Test("Names that look like markup or formulas are escaped in Markdown and CSV")
    func hostileNames() {
        let name = "=a|b*c_<x>"
        let markdown = Self.compare(["--format", "markdown", "-m", "map", "--name", name, Self.qrels, Self.run(0), Self.run(1)])
        #expect(markdown.stdout.contains("\\=a\\|b\\*c\\_\\<x\\>") || markdown.stdout.contains("=a\\|b\\*c\\_\\<x\\>"))
        #expect(!markdown.stdout.contains(name))
        let csv = Self.compare(["--format", "csv", "-m", "map", "--name", name, Self.qrels, Self.run(0), Self.run(1)])
        #expect(csv.stdout.contains(",\"=a|b*c_<x>\","))
    }

    @Test("--all-pairs and Tukey HSD: every pair, no further correction")
    func tukey() throws {
        let out = Self.compare(["--format", "json", "--all-pairs", "--test", "tukey", "--permutations", "20000",
                                "-m", "ndcg_cut.10", Self.qrels] + Self.allRuns)
        #expect(out.exitCode == 0, "\(out.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(object["correction"] as? String == "none")
        let rows = try Self.comparisons(out)
        #expect(rows.count == 6)
        for row in rows {
            let p = try #require(row["tukey_p"] as? Double)
            #expect(row["adjusted_p"] as? Double == p)
        }
        // BM25 against RepLLaMA differs most (0.2326 in mean): its Tukey p is the smallest
        // possible, 1/20,001; BM25 against RM3 (0.0157) is far from significant.
        let bm25Rep = try #require(rows.first { ($0["system"] as? String)?.hasPrefix("REP_LLAMA") == true && ($0["baseline"] as? String)?.hasPrefix("BM25.") == true })
        #expect(bm25Rep["tukey_p"] as? Double == 1.0 / 20_001)
        #expect(rows[0]["significant"] as? Bool == false)
    }

    @Test("Values that do not exist are null with a note, never NaN")
    func nulls() throws {
        try TemporaryFolder.with { folder in
            // The same run twice under two names: every difference is zero.
            let copy = folder.appendingPathComponent("copy.txt").path
            try FileManager.default.copyItem(atPath: Self.run(0), toPath: copy)
            let out = Self.compare(["--format", "json", "-m", "map", Self.qrels, Self.run(0), copy])
            #expect(out.exitCode == 0, "\(out.stderr)")
            #expect(!out.stdout.contains("NaN") && !out.stdout.lowercased().contains("nan,"))
            let row = try #require(try Self.comparisons(out).first)
            #expect(row["t"] is NSNull && row["t_p"] is NSNull && row["effect_size"] is NSNull && row["wilcoxon_p"] is NSNull)
            #expect(row["significant"] is NSNull)
            let notes = try #require(row["notes"] as? [String])
            #expect(notes.contains { $0.contains("all differences are zero") })
            #expect(row["ties"] as? Int == 43)
        }
    }

    @Test("A run lacking topics: a warning naming how many each lacks; they score 0")
    func missingTopics() throws {
        try TemporaryFolder.with { folder in
            // BM25 without its first two topics (1037798 and 104861 in the file's order).
            let lines = try String(contentsOfFile: Self.run(0), encoding: .utf8).split(separator: "\n")
            let kept = lines.filter { !$0.hasPrefix("1037798 ") && !$0.hasPrefix("104861 ") }
            let partial = try TemporaryFolder.write(kept.joined(separator: "\n") + "\n", "partial.txt", in: folder)
            let out = Self.compare(["--format", "json", "-m", "ndcg_cut.10", Self.qrels, partial, Self.run(1)])
            #expect(out.exitCode == 0)
            #expect(out.stderr.hasPrefix("reval: warning: "))
            #expect(out.stderr.contains("\(partial) lacks 2"))
            #expect(out.stderr.contains("\(Self.run(1)) lacks 0"))
            let row = try #require(try Self.comparisons(out).first)
            #expect(row["n"] as? Int == 43)
        }
    }

    @Test("Bad input: one line, exit 2", arguments: [
        ("fewer than two runs", ["QRELS", "RUN0"], "compare needs the qrels, a baseline run and at least one more run"),
        ("a run twice", ["QRELS", "RUN0", "RUN1", "RUN0"], "run given twice"),
        ("an unknown measure", ["-m", "ndcg_cutt.10", "QRELS", "RUN0", "RUN1"], "unknown measure 'ndcg_cutt'"),
        ("no permutations", ["--permutations", "0", "QRELS", "RUN0", "RUN1"], "--permutations needs a whole number of at least 1, got '0'"),
        ("no resamples", ["--bootstrap", "-5", "QRELS", "RUN0", "RUN1"], "--bootstrap"),
        ("an unknown test", ["--test", "anova", "QRELS", "RUN0", "RUN1"], "unknown test 'anova' for --test"),
        ("an unknown correction", ["--correction", "sidak", "QRELS", "RUN0", "RUN1"], "unknown correction 'sidak'"),
        ("alpha out of range", ["--alpha", "1.5", "QRELS", "RUN0", "RUN1"], "--alpha needs a number between 0 and 1"),
        ("confidence not a number", ["--confidence", "high", "QRELS", "RUN0", "RUN1"], "--confidence needs a number between 0 and 1"),
        ("a bad seed", ["--seed", "-1", "QRELS", "RUN0", "RUN1"], "--seed"),
        ("an unknown format", ["--format", "xml", "QRELS", "RUN0", "RUN1"], "unknown output format 'xml'"),
        ("too many names", ["--name", "a", "--name", "b", "--name", "c", "QRELS", "RUN0", "RUN1"], "--name given 3 times for 2 runs"),
        ("two runs with one name", ["--name", "x", "--name", "x", "QRELS", "RUN0", "RUN1"], "run name 'x' is also the name of"),
        ("an unknown option", ["--permutation", "5", "QRELS", "RUN0", "RUN1"], "permutation"),
        ("no measure with per-topic values", ["-m", "num_q", "QRELS", "RUN0", "RUN1"], "-m selects no measure with per-topic values"),
        ("a missing qrels file", ["/nonexistent/qrels.txt", "RUN0", "RUN1"], "/nonexistent/qrels.txt"),
    ])
    func badInput(name: String, arguments: [String], message: String) {
        let resolved = arguments.map { $0 == "QRELS" ? Self.qrels : $0 == "RUN0" ? Self.run(0) : $0 == "RUN1" ? Self.run(1) : $0 }
        let out = Self.compare(resolved)
        #expect(out.exitCode == 2, "\(name): \(out.stderr)")
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.hasPrefix("reval: "), "\(name)")
        #expect(out.stderr.contains(message), "\(name): \(out.stderr)")
        #expect(out.stderr.split(separator: "\n").count == 1, "\(name): \(out.stderr)")
    }

    @Test("A run with no topic of the qrels: one line, exit 2")
    func foreignRun() throws {
        try TemporaryFolder.with { folder in
            let foreign = try TemporaryFolder.write("999 Q0 d1 1 2.5 x\n999 Q0 d2 2 1.5 x\n", "foreign.txt", in: folder)
            let out = Self.compare([Self.qrels, Self.run(0), foreign])
            #expect(out.exitCode == 2)
            #expect(out.stderr.hasPrefix("reval: \(foreign): no topic in common with the qrels"))
            #expect(out.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test("--help prints the usage and exits 0")
    func help() {
        let out = Self.compare(["--help"])
        #expect(out.exitCode == 0)
        #expect(out.stdout.contains("reval compare"))
        #expect(out.stdout.contains("--permutations"))
    }
}

private func expectWithin(_ actual: Double?, _ expected: Double, _ tolerance: Double,
                          sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(actual - expected) <= tolerance, "\(actual) against \(expected) ± \(tolerance)", sourceLocation: sourceLocation)
}

private func expectRelative(_ actual: Double?, _ expected: Double, _ tolerance: Double,
                            sourceLocation: SourceLocation = #_sourceLocation) {
    expectWithin(actual, expected, tolerance * abs(expected), sourceLocation: sourceLocation)
}
