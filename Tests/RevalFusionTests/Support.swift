import Foundation
import RevalCore
import RevalFusion

/// A topic of a run from (docno, score) pairs, in file order; line i + 1 for document i.
func topicRun(_ topic: String, _ documents: [(String, Double)]) -> TopicRun {
    var run = TopicRun(topic: topic)
    for (i, (docno, score)) in documents.enumerated() { run.append(docno: docno, score: score, line: i + 1) }
    return run
}

/// The documents of a fused topic, in rank order, with their scores.
func ranking(_ topic: TopicRun) -> [(String, Double)] {
    (0..<topic.count).map { (topic.docno($0), topic.scores[$0]) }
}

/// Compares rankings exactly: the same docnos in the same order, the same doubles.
func same(_ a: [(String, Double)], _ b: [(String, Double)]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
}

enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static func qrels(_ relative: String) -> String {
        packageRoot.appendingPathComponent("Qrels").appendingPathComponent(relative).path
    }
    static let dl19Qrels = qrels("dl19-passage/qrels.dl19-passage.txt")
    static let bm25 = qrels("dl19-passage/runs/BM25.trec_results_dl19_top100.txt")
    static let repLLaMA = qrels("dl19-passage/runs/REP_LLAMA.trec_results_dl19_top100.txt.gz")
}

/// A fresh temporary folder, removed afterwards.
enum TemporaryFolder {
    static func with<T>(_ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reval-fusion-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

