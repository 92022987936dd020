import Foundation
import Testing

/// `reval fuse --output -` run as a program: the fused lines go to standard output as they are
/// fused (they were gathered in memory first until 2026-12-01), the same bytes as a file gets.
@Suite("reval fuse --output - (the executable)")
struct FuseStdoutTests {
    static let runs = ["BM25.trec_results_dl19_top100.txt", "REP_LLAMA.trec_results_dl19_top100.txt.gz"].map {
        Paths.qrels.appendingPathComponent("dl19-passage/runs").appendingPathComponent($0).path
    }

    @Test("the bytes a file gets, and nothing else on stderr", arguments: ["rrf", "cc"])
    func sameAsFile(method: String) throws {
        let binary = try RevalBinary.require()
        try TemporaryFolder.with { folder in
            let file = folder.appendingPathComponent("fused.txt").path
            let toFile = try Program.run(binary, ["fuse", "--method", method, "--output", file] + Self.runs)
            let toStdout = try Program.run(binary, ["fuse", "--method", method, "--output", "-"] + Self.runs)
            #expect(toFile.exitCode == 0)
            #expect(toStdout.exitCode == 0)
            let written = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            // 43 topics × 100 documents of two runs: some thousands of lines.
            #expect(written.filter { $0 == 0x0a }.count > 4300)
            #expect(toStdout.stdout == written)
            #expect(toStdout.stderrText == toFile.stderrText)
        }
    }
}
