import Foundation
@testable import RevalCLI
import RevalCore
import RevalFormats
import RevalFusion
import RevalTestSupport
import Testing

/// `reval fuse`'s streaming (`FusionWorker.fuseAll`): topics fused in chunks on a queue while
/// the next batches are read must give, in topic order, the lines `FusionPool` and
/// `FusedRunWriter` give topic by topic, for any batch size and thread count, streamed or
/// read whole; and a topic's error must come in topic order, before a later read error.
@Suite("reval fuse: streaming in chunks")
struct FusionStreamingTests {
    /// Two runs over the same 400 topics (so that several chunks of 64 topics a thread
    /// close while the runs are read), 1 to 60 documents each, half of them shared, scores
    /// with ties, in score order as runs are.
    static func runs(seed: UInt64) -> [[TopicRun]] {
        var random = SeededGenerator(seed: seed)
        return (0..<2).map { r in
            (0..<400).map { t in
                let size = 1 + Int(random.next() % 60)
                var documents: [(String, Double)] = []
                var used = Set<Int>()
                for _ in 0..<size {
                    let d = Int(random.next() % UInt64(2 * size + 1))
                    guard used.insert(d).inserted else { continue }
                    documents.append(("d\(d)", Double(random.next() % 32) / 8 + Double(r)))
                }
                documents.sort { $0.1 > $1.1 }
                return topicRun("q\(t)", documents)
            }
        }
    }

    static func text(_ topics: [TopicRun], tag: String) -> String {
        topics.map { topic in
            (0..<topic.count).map { i in "\(topic.topic) Q0 \(topic.docno(i)) \(i + 1) \(topic.scores[i]) \(tag)\n" }.joined()
        }.joined()
    }

    /// The pool's lines for every topic, in the runs' topic order.
    static func expected(_ runs: [[TopicRun]], fusion: Fusion, tag: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for t in runs[0].indices {
            let pool = try FusionPool(topic: runs[0][t].topic, runs: runs.map { $0[t] }, fusion: fusion)
            FusedRunWriter.append(pool, ranking: pool.ranking(by: fusion), tag: tag, to: &bytes)
        }
        return bytes
    }

    static func fused(_ paths: [String], fusion: Fusion, threads: Int, batchBytes: Int,
                      readWhole: Set<Int> = []) throws -> [UInt8] {
        let aligned = try AlignedRuns(paths: paths, format: nil, threads: threads, readWhole: readWhole,
                                      batchBytes: batchBytes)
        var bytes: [UInt8] = []
        try FusionWorker.fuseAll(aligned, fusion: fusion, tag: "fused", threads: threads) { bytes += $0 }
        return bytes
    }

    @Test("the pool's lines, for batches of 4 KiB to 16 MiB, 1 to 4 threads, streamed or read whole",
          arguments: [(FusionMethod.rrf, 1), (.rrf, 2), (.combmnz, 2), (.cc, 4)])
    func poolLines(_ method: FusionMethod, _ threads: Int) throws {
        let runs = Self.runs(seed: 11)
        let fusion = try Fusion(method: method, runCount: 2, depth: 40)
        let expected = try Self.expected(runs, fusion: fusion, tag: "fused")
        try TemporaryFolder.with { folder in
            let paths = try runs.enumerated().map { r, topics in
                try TemporaryFolder.write(Self.text(topics, tag: "r\(r)"), "run\(r).txt", in: folder)
            }
            for batchBytes in [4096, 64 << 10, 16 << 20] {
                let got = try Self.fused(paths, fusion: fusion, threads: threads, batchBytes: batchBytes)
                // Compared as a Bool: a failed comparison of two 1 MB arrays takes minutes to print.
                let same = got == expected
                #expect(same, "batches of \(batchBytes) bytes, \(threads) threads: \(got.count) bytes, expected \(expected.count)")
            }
            // Read whole: every topic is there at once.
            let whole = try Self.fused(paths, fusion: fusion, threads: threads, batchBytes: 4096, readWhole: [0, 1])
            let same = whole == expected
            #expect(same, "read whole: \(whole.count) bytes, expected \(expected.count)")
        }
    }

    @Test("a topic's fusion error comes before a later line's read error, whatever the timing")
    func errorOrder() throws {
        var runs = Self.runs(seed: 5)
        // Topic q100 of run 1 lists a docno twice; line 2 of topic q390 is not a result.
        let q100 = runs[1][100]
        runs[1][100] = topicRun("q100", [("dup", 9), ("dup", 8)] + ranking(q100))
        var second = Self.text(Array(runs[1][..<390]), tag: "r1")
        second += "q390 Q0 a 1 2 r1\nq390 Q0 b 2 high r1\n"
        let fusion = try Fusion(method: .rrf, runCount: 2)
        let dupLine = try #require(second.split(separator: "\n").firstIndex { $0.hasPrefix("q100 Q0 dup ") }) + 1
        try TemporaryFolder.with { folder in
            let first = try TemporaryFolder.write(Self.text(runs[0], tag: "r0"), "run0.txt", in: folder)
            let broken = try TemporaryFolder.write(second, "run1.txt", in: folder)
            for threads in [1, 2] {
                let error = #expect(throws: FusionError.self) {
                    _ = try Self.fused([first, broken], fusion: fusion, threads: threads, batchBytes: 4096)
                }
                #expect(error == FusionError("document 'dup' appears twice for topic 'q100' (also line \(dupLine))",
                                             run: 1, line: dupLine + 1, exitCode: 4))
            }
            // Without the duplicate, the read error.
            runs[1][100] = q100
            var clean = Self.text(Array(runs[1][..<390]), tag: "r1")
            clean += "q390 Q0 a 1 2 r1\nq390 Q0 b 2 high r1\n"
            let unreadable = try TemporaryFolder.write(clean, "run2.txt", in: folder)
            let readError = #expect(throws: InputError.self) {
                _ = try Self.fused([first, unreadable], fusion: fusion, threads: 2, batchBytes: 4096)
            }
            #expect(readError?.line == clean.split(separator: "\n").count)
        }
    }

    @Test("runs through pipes (as `<(zcat run.gz)` gives) are read whole: one not grouped by topic fuses as from files")
    func pipes() throws {
        let runs = Self.runs(seed: 23)
        let fusion = try Fusion(method: .rrf, runCount: 2, depth: 40)
        try TemporaryFolder.with { folder in
            // Run 0's first line moved to the end: grouped for many batches, then topic q0 comes back.
            var lines = Self.text(runs[0], tag: "r0").split(separator: "\n")
            lines.append(lines.removeFirst())
            let late = try TemporaryFolder.write(lines.joined(separator: "\n") + "\n", "late.txt", in: folder)
            let other = try TemporaryFolder.write(Self.text(runs[1], tag: "r1"), "run1.txt", in: folder)
            let expected = try Self.fused([late, other], fusion: fusion, threads: 2, batchBytes: 4096, readWhole: [0, 1])
            let pipes = try [late, other].map(PipedFile.init)
            defer { pipes.forEach { $0.close() } }
            // Streamed, the pipe would be found not grouped, and opened again it would yield nothing.
            let got = try Self.fused(pipes.map(\.path), fusion: fusion, threads: 2, batchBytes: 4096)
            let same = got == expected
            #expect(same, "\(got.count) bytes, expected \(expected.count)")
        }
    }
}
