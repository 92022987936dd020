import Foundation
import RevalCore
import RevalEval
import RevalFormats
@testable import RevalSplits

/// Where the test inputs live, found from this source file.
enum Paths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let dl19 = packageRoot.appendingPathComponent("Qrels/dl19-passage").path
    static let resttest = dl19 + "/resttest"
    static let qrels = dl19 + "/qrels.dl19-passage.txt"

    static func run(_ system: String) -> String {
        let plain = dl19 + "/runs/\(system).trec_results_dl19_top100.txt"
        return FileManager.default.fileExists(atPath: plain) ? plain : plain + ".gz"
    }

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "reval-splits-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + relative
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }
}

/// trec_eval's printed lines `measure  qid  value`, as a table measure → qid → value.
enum TrecEvalOutput {
    static func perTopic(_ path: String) throws -> [String: [String: Double]] {
        var table: [String: [String: Double]] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 3, fields[1] != "all", let value = Double(fields[2]) else { continue }
            table[String(fields[0]), default: [:]][String(fields[1])] = value
        }
        return table
    }

    /// The value of the single `all` line of a file such as `ndcg_cut_10  all  0.4891`.
    static func summaryText(_ path: String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        return String(fields[2])
    }
}

/// The DL19 runs evaluated once over the full qrels, and the bucket folder.
enum DL19 {
    static let systems = ["BM25", "BM25_RM3", "SPLADE_P_P_ENSEMBLE_DISTIL", "REP_LLAMA"]

    static func table(_ systems: [String] = systems, measures: [String]) throws -> ResultsTable {
        var settings = EvaluationSettings()
        settings.completeTopics = true
        let qrels = try EvaluationPipeline.loadQrels(Paths.qrels, settings: settings)
        return try ResultsTable.evaluate(qrels: qrels, runs: systems.map { RunInput(path: Paths.run($0), name: $0) },
                                         measures: measures, settings: settings)
    }

    static func buckets() throws -> Split {
        try BucketFolderReader.read(folder: Paths.resttest, filter: "trec19").split
    }
}
