import Foundation
import RevalCLI
import Testing

/// `reval eval` with -R prefs, qrels_prefs, qrels_jg and -Z: bad inputs, wrong measures and
/// the departures from trec_eval (docs/compatibility.md). The outputs that match trec_eval are
/// in TrecEvalConformanceTests and PreferenceConformanceTests.
@Suite("reval eval -R and -Z: errors and departures")
struct RelevanceFormatTests {
    /// Topic 1: d1 (2) > d2 (1) > d3 (0). Topic 2: d1 > d9.
    static let prefs = "1 a x d1 2\n1 a x d2 1\n1 a x d3 0\n2 a x d1 1\n2 a x d9 0\n"
    static let run = "1 Q0 d1 1 3 r\n1 Q0 d3 2 2 r\n1 Q0 d2 3 1 r\n2 Q0 d9 1 2 r\n2 Q0 d1 2 1 r\n"

    static func withFiles(_ files: [String: String], _ body: ([String: String]) throws -> Void) throws {
        try TemporaryFolder.with { folder in
            var paths: [String: String] = [:]
            for (name, text) in files { paths[name] = try TemporaryFolder.write(text, name, in: folder) }
            try body(paths)
        }
    }

    static let failures: [(name: String, files: [String: String], arguments: [String], exitCode: Int32, message: String)] = [
        ("an unknown -R format", ["p": prefs, "r": run], ["-R", "bogus", "p", "r"], 2,
         "reval: unknown relevance format 'bogus' for -R; expected one of qrels, prefs, qrels_prefs, qrels_jg\n"),
        ("the default measures with -R prefs", ["p": prefs, "r": run], ["-R", "prefs", "p", "r"], 4,
         "reval: measure 'num_ret' cannot be computed from -R prefs judgments; expected -R qrels\n"),
        ("a preference measure with qrels", ["q": "1 0 d1 1\n", "r": run], ["-m", "prefs_simp", "q", "r"], 4,
         "reval: measure 'prefs_simp' cannot be computed from -R qrels judgments; expected -R prefs or -R qrels_prefs\n"),
        ("a judgment-group nickname with prefs", ["p": prefs, "r": run], ["-m", "qrels_jg", "-R", "prefs", "p", "r"], 4,
         "reval: measure 'map_avgjg' cannot be computed from -R prefs judgments; expected -R qrels_jg\n"),
        ("an ir_measures name with qrels_jg", ["q": "1 0 d1 1\n", "r": run], ["-m", "nDCG@10", "-R", "qrels_jg", "q", "r"], 4,
         "reval: measure 'nDCG@10' cannot be computed from -R qrels_jg judgments; expected -R qrels\n"),
        ("an unknown measure comes first (exit 1), before reading the files", ["r": run],
         ["-m", "prefs_bogus", "-R", "prefs", "missing", "r"], 1,
         "reval: unknown measure 'prefs_bogus'; see 'reval eval --help' for the list\n"),
        ("a malformed prefs line", ["p": "1 a x d1 2\n1 a d2 1\n", "r": run], ["-m", "all_prefs", "-R", "prefs", "p", "r"], 2,
         "reval: p:2: expected 5 fields 'topic group subgroup docno level', found 4\n"),
        ("a malformed -Z line", ["q": "1 0 d1 1\n", "z": "1 map 0.5\n", "r": run], ["-m", "map", "-Z", "z", "q", "r"], 2,
         "reval: z:1: expected 4 fields 'topic measure mean sd', found 3\n"),
        ("a document retrieved twice", ["p": prefs, "r": "1 Q0 d1 1 3 r\n1 Q0 d1 2 2 r\n"],
         ["-m", "prefs_simp", "-R", "prefs", "p", "r"], 4,
         "reval: r:2: document 'd1' appears twice for topic '1' (also line 1)\n"),
    ]

    @Test("fails with one line naming what was wrong, and trec_eval's exit code", arguments: RelevanceFormatTests.failures)
    func failure(name: String, files: [String: String], arguments: [String], exitCode: Int32, message: String) throws {
        try Self.withFiles(files) { paths in
            let out = reval(arguments.map { paths[$0] ?? $0 })
            #expect(out.exitCode == exitCode, "\(name): \(out.stderr)")
            #expect(out.stdout.isEmpty, "\(name)")
            var expected = message
            for (file, path) in paths { expected = expected.replacingOccurrences(of: " \(file):", with: " \(path):") }
            #expect(out.stderr == expected, "\(name)")
        }
    }

    @Test("preferences that contradict each other: the topics before are printed, then exit 4 naming the line")
    func contradiction() throws {
        // Topic 2's group says d1 > d9 in sub-group x and d9 > d1 in sub-group y.
        let prefs = "1 a x d1 2\n1 a x d2 1\n1 a x d3 0\n2 a x d1 2\n2 a x d9 1\n2 a y d9 2\n2 a y d1 1\n"
        try Self.withFiles(["p": prefs, "r": Self.run]) { paths in
            let out = reval(["-q", "-m", "prefs_simp", "-R", "prefs", paths["p"]!, paths["r"]!])
            #expect(out.exitCode == 4)
            // Topic 1: ranked d1, d3, d2: d1 > d2 and d1 > d3 fulfilled, d2 > d3 not: 2/3.
            #expect(out.stdout == "prefs_simp            \t1\t0.6667\n")
            #expect(out.stderr.hasPrefix("reval: \(paths["p"]!):4: "), "\(out.stderr)")
            // d9 ranks first (id 0), d1 second (id 1).
            #expect(out.stderr.contains("prefer 'd9' to 'd1' and 'd1' to 'd9'"), "\(out.stderr)")
        }
    }

    @Test("a topic of the preferences missing from the run is left out with a warning (trec_eval 10.0 exits 4), or scored with -c")
    func missingTopic() throws {
        try Self.withFiles(["p": Self.prefs + "3 a x d1 1\n3 a x d2 0\n", "r": Self.run]) { paths in
            let skipped = reval(["-m", "num_q", "-m", "prefs_simp", "-R", "prefs", paths["p"]!, paths["r"]!])
            #expect(skipped.exitCode == 0)
            #expect(skipped.stderr.contains("1 qrels topic has no results in the run"), "\(skipped.stderr)")
            // Topics 1 (2/3) and 2 (d9 before d1: 0/1).
            #expect(skipped.stdout == "num_q                 \tall\t2\nprefs_simp            \tall\t0.3333\n")
            let complete = reval(["-c", "-m", "num_q", "-m", "prefs_simp", "-R", "prefs", paths["p"]!, paths["r"]!])
            #expect(complete.exitCode == 0)
            #expect(complete.stderr.isEmpty)
            // Topic 3 scores 0: (2/3 + 0 + 0) / 3.
            #expect(complete.stdout == "num_q                 \tall\t3\nprefs_simp            \tall\t0.2222\n")
        }
    }

    @Test("-Z in a machine format: the names get trec_eval's Z and the values stay unrounded")
    func zScoresAsCSV() throws {
        try Self.withFiles(["q": "1 0 d1 1\n1 0 d2 0\n", "z": "1 num_ret 1 2\n1 map 0.25 0.5\n", "r": Self.run]) { paths in
            let out = reval(["--format", "csv", "-q", "-m", "num_ret", "-m", "map", "-Z", paths["z"]!, paths["q"]!, paths["r"]!])
            #expect(out.exitCode == 0, "\(out.stderr)")
            // num_ret 3: (3 - 1) / 2 = 1. map 1: (1 - 0.25) / 0.5 = 1.5.
            #expect(out.stdout == "topic,measure,value\n1,Znum_ret,1.0\n1,Zmap,1.5\nall,Znum_ret,1.0\nall,Zmap,1.5\n")
        }
    }

    @Test("reval eval -h says 'not supported' only for -D")
    func help() throws {
        let result = try Program.run(try RevalBinary.require(), ["eval", "-h"])
        #expect(result.exitCode == 0)
        let help = String(decoding: result.stdout, as: UTF8.self)
        let lines = help.split(separator: "\n")
        #expect(!lines.isEmpty)
        let unsupported = lines.filter { $0.localizedCaseInsensitiveContains("not supported") }
        #expect(unsupported.count == 1)
        #expect(unsupported.first?.contains("debug") == true)
        #expect(help.contains("-R, --Rel_info_format"))
        #expect(help.contains("-Z, --Zscore"))
    }
}
