import Foundation
import RevalCLI
import Testing

/// A 10.0 row of trec_eval's own test suite (`Fixtures/trec_eval/CASES.tsv`).
struct TrecEvalCase: Sendable, CustomTestStringConvertible {
    var expected: String
    var arguments: [String]
    /// The file fed to stdin (`- < results.test`), if any.
    var stdin: String?
    var raw: String

    var testDescription: String { "\(expected): \(raw)" }

    static func path(_ name: String) -> String { Paths.fixture("trec_eval/\(name)") }

    /// Tokens naming fixture files become absolute paths; `results.comment.test`, `qrels.123`
    /// and `qrels.comments.123` are stored compressed, so their `.gz` is used (reval reads gzip).
    static func resolve(_ token: String) -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: path(token)) { return path(token) }
        if fm.fileExists(atPath: path(token + ".gz")) { return path(token + ".gz") }
        return token
    }

    /// Every 10.0 row.
    static let all: [TrecEvalCase] = {
        let rows = (try? Fixture.tsv(path("CASES.tsv"))) ?? []
        return rows.compactMap { row in
            guard row["trec_eval_version"] == "10.0", let raw = row["arguments"], let expected = row["expected_file"] else { return nil }
            let tokens = raw.split(separator: " ").map(String.init)
            var arguments: [String] = []
            var stdin: String?
            var i = 0
            while i < tokens.count {
                if tokens[i] == "<", i + 1 < tokens.count {
                    stdin = resolve(tokens[i + 1])
                    i += 2
                    continue
                }
                arguments.append(resolve(tokens[i]))
                i += 1
            }
            return TrecEvalCase(expected: expected, arguments: arguments, stdin: stdin, raw: raw)
        }
    }()
}

@Suite("trec_eval 10.0's own test cases")
struct TrecEvalConformanceTests {
    @Test("16 rows of CASES.tsv for 10.0: 10 with qrels, 3 with -R prefs or qrels_prefs, 2 with -R qrels_jg, 1 with -Z; one reads stdin")
    func rowCount() {
        let all = TrecEvalCase.all
        #expect(all.count == 16)
        #expect(all.filter { $0.stdin != nil }.count == 1)
        #expect(all.contains { $0.arguments.contains(TrecEvalCase.path("results.comment.test.gz")) })
        #expect(all.filter { $0.arguments.contains("prefs") || $0.arguments.contains("qrels_prefs") }.count == 3)
        #expect(all.filter { $0.arguments.contains("qrels_jg") && $0.arguments.contains("-R") }.count == 2)
        #expect(all.filter { $0.arguments.contains("-Z") }.count == 1)
        // Every input file is in Fixtures/ (resolved to a path), plain or as .gz.
        for c in all {
            for name in ["qrels.123", "qrels.comments.123", "prefs.test", "prefs.comment.test", "zscores_file"]
            where c.raw.split(separator: " ").contains(Substring(name)) {
                #expect(c.arguments.contains { $0.hasPrefix(Paths.fixtures.path) && $0.contains(name) }, "\(c.raw)")
            }
        }
    }

    @Test("stdout is byte-identical and the exit code is 0", arguments: TrecEvalCase.all)
    func matchesExpected(_ c: TrecEvalCase) throws {
        let expected = try Fixture.bytes(TrecEvalCase.path(c.expected))
        let stdout: [UInt8]
        let exitCode: Int32
        let stderr: String
        if let stdin = c.stdin {
            // Reading stdin needs a real process.
            let result = try Program.run(try RevalBinary.require(), ["eval"] + c.arguments, stdin: URL(fileURLWithPath: stdin))
            (stdout, exitCode, stderr) = (result.stdout, result.exitCode, result.stderrText)
        } else {
            let out = reval(c.arguments)
            (stdout, exitCode, stderr) = (Array(out.stdout.utf8), out.exitCode, out.stderr)
        }
        #expect(exitCode == 0, "stderr: \(stderr)")
        let difference = Output.difference(stdout, expected)
        #expect(difference == nil, "\(difference ?? "")")
        #expect(stderr.isEmpty)
    }
}

@Suite("The reval executable as trec_eval")
struct ExecutableTests {
    /// Calls `body` with a link named `trec_eval` to `binary`, in a temporary folder.
    static func withTrecEvalLink(to binary: URL, _ body: (URL) throws -> Void) throws {
        try TemporaryFolder.with { folder in
            let link = folder.appendingPathComponent("trec_eval")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
            try body(link)
        }
    }

    @Test("a link named trec_eval behaves as `reval eval`: `trec_eval qrels.test results.test` prints out.test")
    func symlinkNamedTrecEval() throws {
        let binary = try RevalBinary.require()
        let expected = try Fixture.bytes(TrecEvalCase.path("out.test"))
        try Self.withTrecEvalLink(to: binary) { link in
            let result = try Program.run(link, [TrecEvalCase.path("qrels.test"), TrecEvalCase.path("results.test")])
            #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
            let difference = Output.difference(result.stdout, expected)
            #expect(difference == nil, "\(difference ?? "")")
        }
    }

    @Test("-v prints the version to stderr and exits 0 (as `reval eval` and through a trec_eval link)")
    func version() throws {
        let binary = try RevalBinary.require()
        try Self.withTrecEvalLink(to: binary) { link in
            for (program, arguments) in [(binary, ["eval", "-v"]), (binary, ["eval", "--version"]), (link, ["-v"])] {
                let result = try Program.run(program, arguments)
                #expect(result.exitCode == 0, "\(program.lastPathComponent) \(arguments)")
                #expect(result.stdout.isEmpty, "\(program.lastPathComponent) \(arguments)")
                #expect(!result.stderrText.isEmpty, "\(program.lastPathComponent) \(arguments)")
            }
        }
    }

    @Test("-h prints help naming the command as typed (`reval eval`, or `trec_eval` through a link) and exits 0")
    func help() throws {
        let binary = try RevalBinary.require()
        try Self.withTrecEvalLink(to: binary) { link in
            for (program, arguments, usage) in [(binary, ["eval", "-h"], "USAGE: reval eval [<options>]"),
                                                (link, ["-h"], "USAGE: trec_eval [<options>]")] {
                let result = try Program.run(program, arguments)
                #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
                let help = String(decoding: result.stdout, as: UTF8.self)
                #expect(help.contains(usage), "\(help)")
                #expect(help.contains("--measure <measure>"), "\(help)")
            }
        }
    }

    @Test("an unknown flag (-x) exits 1, as trec_eval's usage error does")
    func unknownFlag() throws {
        let result = try Program.run(try RevalBinary.require(),
                                     ["eval", "-x", TrecEvalCase.path("qrels.test"), TrecEvalCase.path("results.test")])
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrText.contains("reval eval [<options>]"), "\(result.stderrText)")
    }
}
