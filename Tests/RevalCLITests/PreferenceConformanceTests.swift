import Foundation
import RevalCLI
import Testing

/// A row of `Fixtures/prefs-generated/cases.tsv`: our own -R prefs, qrels_prefs, qrels_jg and
/// -Z cases on the DL19 data, with trec_eval 10.0's goldens.
struct PreferenceCase: Sendable, CustomTestStringConvertible {
    var name: String
    var flags: String
    var judgments: String
    var run: String
    var golden: String
    var exitCode: Int32

    var testDescription: String { name }

    /// `Qrels/...` from the package root, `../...` from Fixtures/, the rest from this folder.
    static func path(_ name: String) -> String {
        if name.hasPrefix("Qrels/") { return Paths.packageRoot.appendingPathComponent(name).path }
        if name.hasPrefix("../") { return Paths.fixture(String(name.dropFirst(3))) }
        return Paths.fixture("prefs-generated/\(name)")
    }

    var arguments: [String] {
        var arguments: [String] = []
        var tokens = flags.split(separator: " ").map(String.init)[...]
        while let token = tokens.popFirst() {
            arguments.append(token)
            if token == "-Z", let file = tokens.popFirst() { arguments.append(Self.path(file)) }
        }
        return arguments + [Self.path(judgments), Self.path(run)]
    }

    static let all: [PreferenceCase] = {
        let rows = (try? Fixture.tsv(Paths.fixture("prefs-generated/cases.tsv"))) ?? []
        return rows.map { row in
            PreferenceCase(name: row["name"] ?? "", flags: row["flags"] ?? "", judgments: row["judgments"] ?? "",
                           run: row["run"] ?? "", golden: row["golden"] ?? "",
                           exitCode: Int32(row["exit_code"] ?? "") ?? -1)
        }
    }()
}

@Suite("Generated -R prefs, qrels_prefs, qrels_jg and -Z cases against trec_eval 10.0")
struct PreferenceConformanceTests {
    @Test("cases.tsv: 25 cases, 6 prefs, 5 qrels_prefs, 6 qrels_jg, 8 with -Z, every input present")
    func caseCounts() {
        let all = PreferenceCase.all
        #expect(all.count == 25)
        #expect(all.filter { $0.flags.contains("-R prefs") }.count == 6)
        #expect(all.filter { $0.flags.contains("-R qrels_prefs") && !$0.flags.contains("-Z") }.count == 5)
        #expect(all.filter { $0.flags.contains("-R qrels_jg") }.count == 6)
        #expect(all.filter { $0.flags.contains("-Z") }.count == 8)
        for c in all {
            for file in c.arguments where file.hasPrefix("/") {
                #expect(FileManager.default.fileExists(atPath: file), "\(c.name): \(file)")
            }
        }
    }

    @Test("stdout is byte-identical to trec_eval's and the exit code is 0", arguments: PreferenceCase.all)
    func matchesTrecEval(_ c: PreferenceCase) throws {
        let expected = try Fixture.bytes(PreferenceCase.path(c.golden))
        let out = reval(c.arguments)
        #expect(out.exitCode == c.exitCode, "stderr: \(out.stderr)")
        #expect(out.stderr.isEmpty)
        let difference = Output.difference(Array(out.stdout.utf8), expected)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("the same bytes with 1 thread and with 4")
    func threadCountDoesNotMatter() throws {
        for c in PreferenceCase.all where c.flags.hasPrefix("-q") {
            let one = reval(c.arguments + ["--threads", "1"])
            let four = reval(c.arguments + ["--threads", "4"])
            #expect(one.stdout == four.stdout, "\(c.name)")
            #expect(!one.stdout.isEmpty, "\(c.name)")
        }
    }
}
