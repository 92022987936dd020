import Foundation
import RevalCLI
import RevalCore
import Testing

/// The same inputs give the same bytes: for any thread count, on every repetition, and
/// whether the run is evaluated as it streams in (grouped by topic), read whole (topics
/// interleaved), or read from stdin.
@Suite("Determinism")
struct DeterminismTests {
    static let qrels = RealRunCase.path("dl19-passage/qrels.dl19-passage.txt")
    static let flags = ["-q", "-m", "all_trec"]

    /// A DL19 run and trec_eval 10.0's `-q -m all_trec` output for it.
    struct Case: Sendable, CustomTestStringConvertible {
        var system: String
        var file: String
        var testDescription: String { system }
        var runPath: String { RealRunCase.path("dl19-passage/runs/\(file)") }
        func expected() throws -> [UInt8] {
            try Fixture.bytes(RealRunCase.path("dl19-passage/expected/\(system).dl19.q.all_trec.txt"))
        }
    }

    static let cases = RealRunCase.dl19Runs.map { Case(system: $0.system, file: $0.file) }

    /// The run's lines, reordered by `reorder`, written to `name` in `folder`.
    static func rewritten(_ c: Case, _ name: String, in folder: URL,
                          _ reorder: ([Substring]) -> [Substring]) throws -> String {
        let text = try Fixture.text(c.runPath)
        let lines = text.split(separator: "\n")
        return try TemporaryFolder.write(reorder(lines).joined(separator: "\n") + "\n", name, in: folder)
    }

    @Test("1, 2 and 8 threads, three times each: trec_eval's bytes every time", arguments: cases)
    func threadCounts(_ c: Case) throws {
        let expected = try c.expected()
        for threads in [1, 2, 8] {
            for _ in 0..<3 {
                let out = reval(["--threads", "\(threads)"] + Self.flags + [Self.qrels, c.runPath])
                #expect(out.exitCode == 0, "stderr: \(out.stderr)")
                let difference = Output.difference(out.stdoutBytes, expected)
                #expect(difference == nil, "threads \(threads): \(difference ?? "")")
            }
        }
    }

    @Test("shuffled lines (read whole) and reordered topics (streamed) give the same bytes", arguments: cases)
    func lineOrder(_ c: Case) throws {
        let expected = try c.expected()
        try TemporaryFolder.with { folder in
            var generator = SeededGenerator(seed: 2019)
            let shuffled = try Self.rewritten(c, "shuffled", in: folder) { $0.shuffled(using: &generator) }
            let reversedTopics = try Self.rewritten(c, "reversed-topics", in: folder) { lines in
                // Topic blocks in reverse order, lines within a topic kept: still grouped.
                var blocks: [[Substring]] = []
                for line in lines {
                    let topic = line.prefix { $0 != " " && $0 != "\t" }
                    if let last = blocks.last?.first, last.prefix(while: { $0 != " " && $0 != "\t" }) == topic {
                        blocks[blocks.count - 1].append(line)
                    } else {
                        blocks.append([line])
                    }
                }
                return blocks.reversed().flatMap { $0 }
            }
            for run in [shuffled, reversedTopics] {
                for threads in [1, 2, 8] {
                    let out = reval(["--threads", "\(threads)"] + Self.flags + [Self.qrels, run])
                    #expect(out.exitCode == 0, "stderr: \(out.stderr)")
                    let difference = Output.difference(out.stdoutBytes, expected)
                    #expect(difference == nil, "\(run), threads \(threads): \(difference ?? "")")
                }
            }
        }
    }

    @Test("the reval executable, reading the run from stdin (streamed, or spooled and read again when shuffled), writes the same bytes")
    func fromStdin() throws {
        let binary = try RevalBinary.require()
        let c = try #require(Self.cases.first)
        try TemporaryFolder.with { folder in
            var generator = SeededGenerator(seed: 7)
            let shuffled = try Self.rewritten(c, "shuffled", in: folder) { $0.shuffled(using: &generator) }
            for run in [c.runPath, shuffled] {
                for threads in ["1", "8"] {
                    let result = try Program.run(binary, ["eval", "--threads", threads] + Self.flags + [Self.qrels, "-"],
                                                 stdin: URL(fileURLWithPath: run))
                    #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
                    #expect(Output.difference(result.stdout, try c.expected()) == nil, "\(run)")
                }
            }
        }
    }
}
