import Foundation
import RevalCLI
import RevalTestSupport
import Testing

/// A row of `Fixtures/generated/errors.tsv` or `quirks.tsv`; its files are in `generated/errors/`.
struct ErrorRow: Sendable, CustomTestStringConvertible {
    var name: String
    var flags: String
    var qrels: String
    var run: String
    var exitCode: Int32
    var stdout: String?
    var stderrText: String

    var testDescription: String { name }

    static func path(_ name: String) -> String { Paths.fixture("generated/errors/\(name)") }
    var qrelsPath: String { Self.path(qrels) }
    var runPath: String { Self.path(run) }
    var arguments: [String] { flags.split(separator: " ").map(String.init) + [qrelsPath, runPath] }

    /// The golden stdout: the `stdout` file, or nothing.
    func expectedStdout() throws -> [UInt8] {
        guard let stdout else { return [] }
        return try Fixture.bytes(Self.path(stdout))
    }

    static func load(_ file: String) -> [ErrorRow] {
        let rows = (try? Fixture.tsv(Paths.fixture("generated/\(file)"))) ?? []
        return rows.map { row in
            ErrorRow(name: row["name"] ?? "", flags: row["flags"] ?? "", qrels: row["qrels"] ?? "", run: row["run"] ?? "",
                     exitCode: Int32(row["exit_code"] ?? "") ?? -1,
                     stdout: row["stdout"] == "-" ? nil : row["stdout"],
                     stderrText: row["stderr_text"] ?? "")
        }
    }

    static let errors = load("errors.tsv")
    static let quirks = load("quirks.tsv")
    static func quirk(_ name: String) throws -> ErrorRow {
        try #require(quirks.first { $0.name == name }, "no quirks.tsv row \(name)")
    }
}

@Suite("Errors and trec_eval quirks")
struct ErrorCaseTests {
    /// The PHYSICAL line at fault in the malformed-line rows, read from the files. reval counts
    /// comment lines, trec_eval does not: qrels_line_3_fields_after_comment is trec_eval's 12.
    static let faultyLine: [String: Int] = [
        "qrels_line_3_fields": 24,
        "qrels_line_5_fields": 32,
        "qrels_line_3_fields_after_comment": 13,
        "qrels_blank_line": 20,
        "run_line_5_fields": 42,
    ]

    @Test("errors.tsv has 18 rows")
    func errorRowCount() {
        #expect(ErrorRow.errors.count == 18)
        #expect(ErrorRow.quirks.count == 6)
    }

    @Test("errors.tsv: exit code and stdout as trec_eval's, stderr names the file", arguments: ErrorRow.errors)
    func errorRow(_ row: ErrorRow) throws {
        let out = reval(row.arguments)
        let expected = try row.expectedStdout()
        if row.name == "qrels_topic_missing_from_run" {
            // Departure (TREC_EVAL_SEMANTICS.md §5): exit 0 and a warning instead of exit 4.
            #expect(row.exitCode == 4)
            #expect(out.exitCode == 0, "stderr: \(out.stderr)")
            #expect(out.stdout.utf8.starts(with: expected), "trec_eval's partial stdout is not a prefix of reval's")
            #expect(out.stderr.contains("warning"))
            #expect(out.stderr.contains("5"))
            #expect(!Output.lines(out.stdout).contains { Output.topic($0) == "5" })
            #expect(out.stdout.contains("\tall\t"))
            return
        }
        #expect(out.exitCode == row.exitCode, "stderr: \(out.stderr)")
        let difference = Output.difference(Array(out.stdout.utf8), expected)
        #expect(difference == nil, "\(difference ?? "")")
        if row.exitCode == 0 {
            #expect(out.stderr.isEmpty)
            return
        }
        #expect(!out.stderr.isEmpty)
        if row.name.hasPrefix("qrels_") {
            #expect(out.stderr.contains(row.qrelsPath), "stderr does not name the qrels file: \(out.stderr)")
        } else if row.name.hasPrefix("run_") {
            #expect(out.stderr.contains(row.runPath), "stderr does not name the run file: \(out.stderr)")
        } else {
            // flag_*: the measure is at fault, not a file.
            let measure = try #require(row.flags.split(separator: " ").last?.split(separator: ".").first)
            #expect(out.stderr.contains("'\(measure)"), "stderr does not name measure \(measure): \(out.stderr)")
        }
        if let line = Self.faultyLine[row.name] {
            let file = row.name.hasPrefix("qrels_") ? row.qrelsPath : row.runPath
            #expect(out.stderr.contains("\(file):\(line):"), "expected \(file):\(line): in \(out.stderr)")
        }
        if row.stderrText.contains("duplicate docs ") {
            #expect(out.exitCode == 4)
            let docno = try #require(Self.duplicateDocno(row.stderrText))
            #expect(out.stderr.contains(docno), "stderr does not mention docno \(docno): \(out.stderr)")
        }
    }

    /// The docno in trec_eval's "duplicate docs X" message (which may run into the next message).
    static func duplicateDocno(_ stderr: String) -> String? {
        guard let start = stderr.range(of: "duplicate docs ") else { return nil }
        var docno = stderr[start.upperBound...].prefix { $0 != "\\" && $0 != "\n" }
        if let glued = docno.range(of: "trec_eval") { docno = docno[..<glued.lowerBound] }
        return docno.isEmpty ? nil : String(docno)
    }

    @Test("the malformed-line rows are all covered", arguments: ["qrels_line_3_fields", "qrels_line_5_fields",
                                                                   "qrels_line_3_fields_after_comment",
                                                                   "qrels_blank_line", "run_line_5_fields"])
    func malformedRowExists(_ name: String) {
        #expect(ErrorRow.errors.contains { $0.name == name && $0.exitCode == 2 })
        #expect(Self.faultyLine[name] != nil)
    }

    // MARK: quirks.tsv: where reval departs on purpose

    @Test("a # comment on the last qrels line does not crash; same output as without that line",
          arguments: ["qrels_comment_last_line", "qrels_comment_last_line_no_newline"])
    func commentOnLastQrelsLine(_ name: String) throws {
        let row = try ErrorRow.quirk(name)
        #expect(row.exitCode == 139)  // trec_eval: SIGSEGV
        let text = try Fixture.text(row.qrelsPath)
        let body = text.hasSuffix("\n") ? text.dropLast() : Substring(text)
        let lastBreak = try #require(body.lastIndex(of: "\n"))
        #expect(body[body.index(after: lastBreak)...].hasPrefix("#"))
        let stripped = String(body[...lastBreak])
        try TemporaryFolder.with { folder in
            let strippedPath = try TemporaryFolder.write(stripped, "qrels", in: folder)
            let flags = row.flags.split(separator: " ").map(String.init)
            let out = reval(row.arguments)
            let reference = reval(flags + [strippedPath, row.runPath])
            #expect(out.exitCode == 0, "stderr: \(out.stderr)")
            #expect(reference.exitCode == 0, "stderr: \(reference.stderr)")
            #expect(!out.stdout.isEmpty)
            #expect(out.stdout == reference.stdout)
        }
    }

    @Test("two consecutive # qrels lines are both comments: no topic '#', exit 0 (trec_eval: exit 4)")
    func twoConsecutiveComments() throws {
        let row = try ErrorRow.quirk("qrels_two_consecutive_comments")
        #expect(row.exitCode == 4)
        let out = reval(row.arguments)
        #expect(out.exitCode == 0, "stderr: \(out.stderr)")
        #expect(out.stderr.isEmpty)
        let lines = Output.lines(out.stdout)
        #expect(!lines.isEmpty)
        #expect(!lines.contains { Output.topic($0) == "#" })
        // Per topic, num_rel is what trec_eval printed with -c for the other topics.
        let golden = Output.lines(try Fixture.text(ErrorRow.path(try #require(ErrorRow.quirk("qrels_two_consecutive_comments_c").stdout))))
        let goldenPerTopic = golden.filter { Output.topic($0) != "#" && Output.topic($0) != "all" }
        #expect(lines.filter { Output.topic($0) != "all" } == goldenPerTopic)
    }

    @Test("two consecutive # qrels lines with -c: no topic '#', num_q one less than trec_eval's")
    func twoConsecutiveCommentsComplete() throws {
        let row = try ErrorRow.quirk("qrels_two_consecutive_comments_c")
        let out = reval(row.arguments)
        #expect(out.exitCode == 0, "stderr: \(out.stderr)")
        let lines = Output.lines(out.stdout)
        #expect(!lines.contains { Output.topic($0) == "#" })
        // trec_eval counted topic '#' (its grade 'y' reads as 0, so num_rel is unchanged).
        let golden = Output.lines(try Fixture.text(ErrorRow.path(try #require(row.stdout))))
        #expect(golden.contains("num_q                 \tall\t6"))
        let expected = golden.filter { Output.topic($0) != "#" }
            .map { $0 == "num_q                 \tall\t6" ? "num_q                 \tall\t5" : String($0) }
        #expect(lines.map(String.init) == expected)
    }

    @Test("nothing retrieved: no nan; iprec_at_recall and 11pt_avg are 0 where trec_eval printed -nan",
          arguments: ["judged_only_no_judged_docs", "max_retrieved_zero"])
    func noNan(_ name: String) throws {
        let row = try ErrorRow.quirk(name)
        let out = reval(row.arguments)
        #expect(out.exitCode == 0, "stderr: \(out.stderr)")
        #expect(!out.stdout.lowercased().contains("nan"))
        let golden = Output.lines(String(decoding: try row.expectedStdout(), as: UTF8.self))
        #expect(golden.contains { $0.hasSuffix("-nan") })
        let lines = Output.lines(out.stdout)
        #expect(lines.count == golden.count)
        for (ours, theirs) in zip(lines, golden) {
            guard theirs.hasSuffix("-nan") else {
                #expect(ours == theirs)
                continue
            }
            let name = theirs.prefix { $0 != "\t" }
            #expect(name.hasPrefix("iprec_at_recall") || name.hasPrefix("11pt_avg"), "\(theirs)")
            let prefix = theirs.dropLast("  -nan".count)
            #expect(ours.hasPrefix(prefix), "\(ours) vs \(theirs)")
            let value = ours.dropFirst(prefix.count)
            if Output.topic(theirs) == "all" {
                #expect(Double(value) != nil, "\(ours)")
            } else {
                #expect(value == "0.0000", "\(ours)")
            }
        }
    }

    // MARK: reval's own checks on input trec_eval reads silently

    struct BadInput: Sendable, CustomTestStringConvertible {
        var name: String
        var qrels: String
        var run: String
        /// The file at fault ("qrels" or "run") and its line, if a line is at fault.
        var faulty: String
        var line: Int?
        var testDescription: String { name }
    }

    static let goodQrels = "1 0 d1 1\n1 0 d2 0\n2 0 d3 1\n"
    static let goodRun = "1 Q0 d1 1 2.5 tag\n1 Q0 d2 2 1.5 tag\n2 Q0 d3 1 0.5 tag\n"

    static let badInputs: [BadInput] = [
        BadInput(name: "qrels grade abc", qrels: "1 0 d1 1\n1 0 d2 abc\n2 0 d3 1\n", run: goodRun, faulty: "qrels", line: 2),
        BadInput(name: "qrels grade 1.5", qrels: "1 0 d1 1\n1 0 d2 0\n2 0 d3 1.5\n", run: goodRun, faulty: "qrels", line: 3),
        BadInput(name: "run score abc", qrels: goodQrels, run: "1 Q0 d1 1 2.5 tag\n1 Q0 d2 2 abc tag\n2 Q0 d3 1 0.5 tag\n", faulty: "run", line: 2),
        BadInput(name: "run score nan", qrels: goodQrels, run: "1 Q0 d1 1 2.5 tag\n1 Q0 d2 2 1.5 tag\n2 Q0 d3 1 nan tag\n", faulty: "run", line: 3),
        BadInput(name: "run line with 4 fields", qrels: goodQrels, run: "1 Q0 d1 1 2.5 tag\n1 Q0 d2 2\n2 Q0 d3 1 0.5 tag\n", faulty: "run", line: 2),
        BadInput(name: "qrels with only comment lines", qrels: "# comment\n# another comment\n", run: goodRun, faulty: "qrels", line: nil),
    ]

    @Test("malformed input: exit 2, stderr names file and line", arguments: badInputs)
    func badInput(_ input: BadInput) throws {
        try TemporaryFolder.with { folder in
            let qrels = try TemporaryFolder.write(input.qrels, "qrels", in: folder)
            let run = try TemporaryFolder.write(input.run, "run", in: folder)
            // The good files evaluate cleanly, so the failure is the bad line's.
            #expect(reval([try TemporaryFolder.write(Self.goodQrels, "good.qrels", in: folder),
                           try TemporaryFolder.write(Self.goodRun, "good.run", in: folder)]).exitCode == 0)
            let out = reval([qrels, run])
            let file = input.faulty == "qrels" ? qrels : run
            #expect(out.exitCode == 2, "stderr: \(out.stderr)")
            #expect(out.stdout.isEmpty)
            if let line = input.line {
                #expect(out.stderr.contains("\(file):\(line):"), "expected \(file):\(line): in \(out.stderr)")
            } else {
                #expect(out.stderr.contains(file), "stderr does not name \(file): \(out.stderr)")
            }
        }
    }

    @Test("a missing file: exit 2, stderr names the path", arguments: ["qrels", "run"])
    func missingFile(_ which: String) throws {
        try TemporaryFolder.with { folder in
            let missing = folder.appendingPathComponent("no-such-file").path
            let qrels = which == "qrels" ? missing : try TemporaryFolder.write(Self.goodQrels, "qrels", in: folder)
            let run = which == "run" ? missing : try TemporaryFolder.write(Self.goodRun, "run", in: folder)
            let out = reval([qrels, run])
            #expect(out.exitCode == 2)
            #expect(out.stdout.isEmpty)
            #expect(out.stderr.contains(missing), "\(out.stderr)")
        }
    }

    @Test("both files bad: the qrels' error, though the run is opened first (to be read ahead while the qrels are read)")
    func qrelsErrorFirst() throws {
        try TemporaryFolder.with { folder in
            let qrels = try TemporaryFolder.write("q1 0 d1 x\n", "qrels", in: folder)
            let missing = folder.appendingPathComponent("no-such-run").path
            let broken = try TemporaryFolder.write("q1 Q0 d1 1 high tag\n", "run", in: folder)
            for run in [missing, broken] {
                let out = reval([qrels, run])
                #expect(out.exitCode == 2)
                #expect(out.stderr.hasPrefix("reval: \(qrels):1: "), "\(out.stderr)")
                #expect(!out.stderr.contains(run), "\(out.stderr)")
            }
            // The qrels good: the run's error.
            let good = try TemporaryFolder.write(Self.goodQrels, "good-qrels", in: folder)
            #expect(reval([good, missing]).stderr.contains(missing))
        }
    }

    @Test("one pipe given as qrels and run, or as two runs: exit 2 before anything is read; a file twice is fine")
    func inputReadOnceNamedTwice() throws {
        try TemporaryFolder.with { folder in
            let qrels = try TemporaryFolder.write(Self.goodQrels, "qrels", in: folder)
            let pipe = try PipedFile(qrels)
            defer { pipe.close() }
            let out = reval([pipe.path, pipe.path])
            #expect(out.exitCode == 2)
            #expect(out.stderr == "reval: \(pipe.path): the same input as \(pipe.path), which can be read only once "
                    + "(standard input or a pipe); give each its own file\n", "\(out.stderr)")
            let run = try TemporaryFolder.write(Self.goodRun, "run", in: folder)
            #expect(reval([qrels, pipe.path, pipe.path]).exitCode == 2)
            #expect(reval([qrels, run, run]).exitCode == 0)
        }
    }

    struct UsageError: Sendable, CustomTestStringConvertible {
        var flags: [String]
        var exitCode: Int32
        /// Text stderr must contain, besides being non-empty.
        var mention: String?
        var files = 2
        var testDescription: String { flags.isEmpty ? "\(files) file(s)" : flags.joined(separator: " ") }
    }

    static let usageErrors: [UsageError] = [
        UsageError(flags: [], exitCode: 1, files: 1),
        UsageError(flags: ["-m", "nosuchmeasure"], exitCode: 1, mention: "nosuchmeasure"),
        UsageError(flags: ["-m", "P.0"], exitCode: 2, mention: "P"),
        UsageError(flags: ["-m", "ndcg.5"], exitCode: 2, mention: "ndcg"),
        UsageError(flags: ["-m", "utility.1,2"], exitCode: 2, mention: "utility"),
        UsageError(flags: ["-R", "bogus"], exitCode: 2, mention: "unknown relevance format 'bogus'"),
        // A qrels file read as preferences: the default measures (official) need qrels, and
        // trec_eval fails computing num_ret.
        UsageError(flags: ["-R", "qrels_prefs"], exitCode: 4, mention: "'num_ret' cannot be computed from -R qrels_prefs"),
        // A qrels file is no prefs file: 4 fields, not 5.
        UsageError(flags: ["-R", "prefs"], exitCode: 2, mention: "expected 5 fields"),
        UsageError(flags: ["-Z", "no-such-zscores"], exitCode: 2, mention: "no-such-zscores"),
    ]

    @Test("usage errors: exit code and message", arguments: usageErrors)
    func usageError(_ error: UsageError) throws {
        try TemporaryFolder.with { folder in
            let qrels = try TemporaryFolder.write(Self.goodQrels, "qrels", in: folder)
            let run = try TemporaryFolder.write(Self.goodRun, "run", in: folder)
            let zscores = try TemporaryFolder.write("1 map 0.5 0.1\n", "zscores", in: folder)
            let flags = error.flags.map { $0 == "ZFILE" ? zscores : $0 }
            let out = reval(flags + [qrels, run].prefix(error.files))
            #expect(out.exitCode == error.exitCode, "stderr: \(out.stderr)")
            #expect(out.stdout.isEmpty)
            #expect(!out.stderr.isEmpty)
            if let mention = error.mention {
                #expect(out.stderr.contains(mention), "\(out.stderr)")
            }
        }
    }
}
