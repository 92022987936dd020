import Foundation
import RevalCLI
import Testing

/// One row of `Fixtures/generated/cases.tsv`: a case folder and one of its 11 flag sets, with
/// the stdout, exit code and stderr trec_eval 10.0 gave.
struct GeneratedCase: Sendable, CustomTestStringConvertible {
    var folder: String
    var flags: String
    var qrels: String
    var run: String
    var golden: String
    var exitCode: Int32
    var stderrFile: String?

    var testDescription: String { "\(folder) [\(flags)]" }

    func path(_ name: String) -> String { Paths.fixture("generated/\(folder)/\(name)") }

    /// trec_eval's arguments: the flags split on spaces, then qrels and run.
    var arguments: [String] {
        flags.split(separator: " ").map(String.init) + [path(qrels), path(run)]
    }

    /// The qrels topics with no line in the run (`missing_from_run=` of features.txt).
    var missingTopics: [String] {
        let features = (try? Fixture.text(path("features.txt"))) ?? ""
        for line in features.split(separator: "\n") where line.hasPrefix("missing_from_run=") {
            return line.dropFirst("missing_from_run=".count).split(separator: ",").map(String.init)
        }
        return []
    }

    /// The departure of TREC_EVAL_SEMANTICS.md §5: trec_eval 10.0 stopped with exit 4 because a
    /// qrels topic is missing from the run (no -c); reval does what 9.x did.
    var isMissingTopicDeparture: Bool {
        guard exitCode == 4, let stderrFile,
              let stderr = try? Fixture.text(path(stderrFile)) else { return false }
        return stderr.hasPrefix("trec_eval: result qid '") && stderr.hasSuffix("' not found in qrels\n")
    }

    static let all: [GeneratedCase] = {
        let rows = (try? Fixture.tsv(Paths.fixture("generated/cases.tsv"))) ?? []
        return rows.map { row in
            GeneratedCase(folder: row["case"] ?? "", flags: row["flags"] ?? "", qrels: row["qrels"] ?? "",
                          run: row["run"] ?? "", golden: row["golden"] ?? "",
                          exitCode: Int32(row["exit_code"] ?? "") ?? -1,
                          stderrFile: row["stderr"] == "-" ? nil : row["stderr"])
        }
    }()

    /// Case folders with qrels topics missing from the run.
    static let foldersWithMissingTopics: [String] =
        Array(Set(all.filter { !$0.missingTopics.isEmpty }.map(\.folder))).sorted()
}

@Suite("Generated differential cases against trec_eval 10.0")
struct GeneratedConformanceTests {
    @Test("cases.tsv: 264 rows, 228 byte-identical with trec_eval, 36 departures (§5)")
    func rowCounts() {
        let all = GeneratedCase.all
        #expect(all.count == 264)
        #expect(all.filter(\.isMissingTopicDeparture).count == 36)
        #expect(all.filter { !$0.isMissingTopicDeparture }.count == 228)
        // The departures are exactly the 9 flag sets without -c of the 4 folders with missing topics.
        #expect(GeneratedCase.foldersWithMissingTopics == ["case-05", "case-13", "case-15", "case-23"])
        for c in all where GeneratedCase.foldersWithMissingTopics.contains(c.folder) {
            #expect(c.isMissingTopicDeparture == !c.flags.split(separator: " ").contains("-c"), "\(c.testDescription)")
        }
    }

    @Test("stdout and exit code equal trec_eval's", arguments: GeneratedCase.all)
    func matchesTrecEval(_ c: GeneratedCase) throws {
        let out = reval(c.arguments)
        let golden = try Fixture.bytes(c.path(c.golden))
        if c.isMissingTopicDeparture {
            try checkMissingTopicDeparture(c, out: out, golden: golden)
            return
        }
        #expect(out.exitCode == c.exitCode, "stderr: \(out.stderr)")
        let difference = Output.difference(Array(out.stdout.utf8), golden)
        #expect(difference == nil, "\(difference ?? "")")
        if c.stderrFile == nil {
            #expect(out.stderr.isEmpty)
        }
    }

    /// reval follows trec_eval 9.x: exit 0, the missing topics left out, a warning naming them.
    private func checkMissingTopicDeparture(_ c: GeneratedCase, out: CommandOutput, golden: [UInt8]) throws {
        let missing = c.missingTopics
        try #require(!missing.isEmpty, "features.txt lists no missing topic")
        let golden = String(decoding: golden, as: UTF8.self)
        let goldenStderr = try Fixture.text(c.path(try #require(c.stderrFile)))
        #expect(missing.contains { goldenStderr.contains("'\($0)'") })
        #expect(out.exitCode == 0, "stderr: \(out.stderr)")
        // What trec_eval printed before it stopped is where reval's output starts.
        #expect(out.stdout.utf8.starts(with: golden.utf8), "golden stdout is not a prefix of reval's")
        #expect(out.stderr.contains("warning"))
        for topic in missing {
            #expect(out.stderr.contains(topic), "warning does not name topic \(topic)")
        }
        let printed = Set(Output.lines(out.stdout).compactMap(Output.topic).map(String.init))
        #expect(printed.isDisjoint(with: missing), "a missing topic was printed")
        if !c.flags.contains("-n") {
            #expect(out.stdout.contains("\tall\t"), "no summary printed")
        }
    }

    @Test("per-topic lines of `-m all_trec -q` equal those of the -c golden, for the topics in the run",
          arguments: GeneratedCase.foldersWithMissingTopics)
    func perTopicLinesMatchCompleteGolden(_ folder: String) throws {
        let cases = GeneratedCase.all.filter { $0.folder == folder }
        let plain = try #require(cases.first { $0.flags == "-m all_trec -q" })
        let complete = try #require(cases.first { $0.flags == "-m all_trec -q -c" })
        let missing = Set(plain.missingTopics)
        let out = reval(plain.arguments)
        #expect(out.exitCode == 0)
        let ours = Output.lines(out.stdout).filter { Output.topic($0) != "all" }
        let expected = Output.lines(try Fixture.text(complete.path(complete.golden))).filter {
            guard let topic = Output.topic($0) else { return true }
            return topic != "all" && !missing.contains(String(topic))
        }
        #expect(!expected.isEmpty)
        #expect(ours.count == expected.count)
        for (i, (a, e)) in zip(ours, expected).enumerated() where a != e {
            Issue.record("line \(i + 1): got \(a.debugDescription), expected \(e.debugDescription)")
            break
        }
    }
}
