import Foundation

/// Where the test inputs live, found from this source file.
enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `Qrels/`.
    static func qrels(_ relative: String) -> String {
        packageRoot.appendingPathComponent("Qrels").appendingPathComponent(relative).path
    }

    static let dl19Qrels = qrels("dl19-passage/qrels.dl19-passage.txt")
    static func dl19Run(_ name: String) -> String {
        let plain = qrels("dl19-passage/runs/\(name).trec_results_dl19_top100.txt")
        return FileManager.default.fileExists(atPath: plain) ? plain : plain + ".gz"
    }
    static func dl19Expected(_ name: String) -> String { qrels("dl19-passage/expected/\(name)") }
}

/// trec_eval's printed lines `measure<TAB>topic<TAB>value`, keyed by measure and topic.
struct TrecEvalOutput {
    var values: [String: [String: String]] = [:]

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let measure = fields[0].trimmingCharacters(in: .whitespaces)
            values[measure, default: [:]][String(fields[1])] = String(fields[2])
        }
    }

    subscript(measure: String, topic: String) -> String? { values[measure]?[topic] }
}

/// Files written for one test, removed when it ends.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("reval-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ text: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
