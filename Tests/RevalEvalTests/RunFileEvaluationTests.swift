import Foundation
import RevalCore
import RevalFormats
import RevalTestSupport
import Testing
@testable import RevalEval

/// Every way a TREC run file is read gives trec_eval 10.0's `-q -m all_trec` output for it
/// (BM25.dl19.q.all_trec.txt): grouped runs streamed in many small batches (topics cut by
/// batch and piece boundaries, finished on the parsing threads or after), runs interleaved
/// from their first batch (grouped through a spill that writes many segments), and runs
/// whose interleaving shows only after topics were dropped (read again: a file from the
/// file, standard input or a pipe from its spool).
@Suite("RunFileEvaluation: streamed, spilled and read again")
struct RunFileEvaluationTests {
    static let expected = Paths.dl19Expected("BM25.dl19.q.all_trec.txt")

    /// The BM25 run's lines, reordered by `reorder`, as a file in `folder`.
    static func rewritten(_ folder: ScratchFolder, _ name: String,
                          _ reorder: ([Substring]) -> [Substring]) throws -> String {
        let text = try String(contentsOfFile: Paths.dl19Run("BM25"), encoding: .utf8)
        return try folder.write(name, reorder(text.split(separator: "\n")).joined(separator: "\n") + "\n")
    }

    /// `-q -m all_trec` text for `path`, read in batches of `batchBytes` on `threads` threads.
    static func output(_ path: String, threads: Int, batchBytes: Int, spillBudget: Int = 2 << 20,
                       stdin: Bool = false, piped: Bool = false) throws -> String {
        var settings = EvaluationSettings()
        settings.threads = threads
        let qrels = try EvaluationPipeline.loadQrels(Paths.dl19Qrels, settings: settings)
        let measures = try EvaluationPipeline.measures(["all_trec"], settings: settings)
        let evaluation = RunFileEvaluation(qrels: qrels, measures: measures, settings: settings,
                                           batchBytes: batchBytes, spillBudget: spillBudget)
        let result: Evaluation
        if stdin {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            result = try evaluation.evaluateTrec(try openInput(MemorySource(bytes), name: "-"),
                                                 run: RunInput(path: "-"), canReopen: false)
        } else if piped {
            let pipe = try PipedFile(path)
            defer { pipe.close() }
            result = try evaluation.evaluate(RunInput(path: pipe.path))
        } else {
            result = try evaluation.evaluate(RunInput(path: path))
        }
        return TrecEvalText.write(result, perTopic: true, summary: true)
    }

    @Test("grouped, in 4 KiB to 1 MiB batches on 1, 2 and 8 threads", arguments: [4096, 65_536, 1 << 20])
    func grouped(batchBytes: Int) throws {
        let expected = try String(contentsOfFile: Self.expected, encoding: .utf8)
        for threads in [1, 2, 8] {
            #expect(try Self.output(Paths.dl19Run("BM25"), threads: threads, batchBytes: batchBytes) == expected,
                    "threads \(threads)")
        }
    }

    @Test("interleaved from the first line: grouped through a spill of 1 KiB segments, and with none")
    func interleaved() throws {
        let folder = try ScratchFolder()
        // Lines sorted by docno (the third field): every topic's lines are spread over the file.
        let shuffled = try Self.rewritten(folder, "by-docno.txt") { lines in
            lines.sorted { $0.split(separator: " ")[2] < $1.split(separator: " ")[2] }
        }
        let expected = try String(contentsOfFile: Self.expected, encoding: .utf8)
        for (threads, budget) in [(1, 1024), (2, 1024), (8, 8 << 20)] {
            #expect(try Self.output(shuffled, threads: threads, batchBytes: 65_536, spillBudget: budget) == expected,
                    "threads \(threads), budget \(budget)")
            #expect(try Self.output(shuffled, threads: threads, batchBytes: 65_536, spillBudget: budget, stdin: true) == expected,
                    "stdin, threads \(threads), budget \(budget)")
        }
    }

    @Test("grouped for its first batches, then a topic comes back: read again, from the file or the spool of stdin or a pipe")
    func interleavedLate() throws {
        let folder = try ScratchFolder()
        // The first topic's first line moved to the end of the file.
        let late = try Self.rewritten(folder, "late.txt") { lines in Array(lines.dropFirst()) + [lines[0]] }
        let expected = try String(contentsOfFile: Self.expected, encoding: .utf8)
        for threads in [1, 2] {
            #expect(try Self.output(late, threads: threads, batchBytes: 4096) == expected, "file, threads \(threads)")
            #expect(try Self.output(late, threads: threads, batchBytes: 4096, stdin: true) == expected,
                    "stdin, threads \(threads)")
            // As `<(cat late.txt)` gives it: opened again, the pipe would yield nothing.
            #expect(try Self.output(late, threads: threads, batchBytes: 4096, piped: true) == expected,
                    "pipe, threads \(threads)")
        }
    }
}
