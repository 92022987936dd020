import Foundation
import Testing
import RevalCore
import RevalFormats

// Helpers shared by the RevalFormats tests.

/// A fresh directory under the system temporary directory, removed when released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("reval-formats-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` to a file called `name` and returns its path.
    func write(_ bytes: [UInt8], name: String = "input.txt") throws -> String {
        let fileURL = url.appendingPathComponent(name)
        try Data(bytes).write(to: fileURL)
        return fileURL.path
    }

    /// Writes `text` as UTF-8 to a file called `name` and returns its path.
    func write(_ text: String, name: String = "input.txt") throws -> String {
        try write(Array(text.utf8), name: name)
    }
}

/// The committed fixture files (Package.swift excludes the folder from the target).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}

/// The lines of `path` as LineReader hands them over (after decompression).
func readLines(_ path: String, chunkSize: Int = 8 << 20) throws -> [[UInt8]] {
    var reader = LineReader(try openInput(path), name: path, chunkSize: chunkSize)
    var lines: [[UInt8]] = []
    try reader.forEachLine { line, _ in lines.append(Array(line)) }
    return lines
}

/// `bytes` split at "\n" the way LineReader splits: no "\n" kept, no empty last line
/// after a final "\n".
func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
    var lines = bytes.split(separator: 0x0a, omittingEmptySubsequences: false).map(Array.init)
    if bytes.last == 0x0a { lines.removeLast() }
    if bytes.isEmpty { lines = [] }
    return lines
}

/// The grade judged for `docno` in `topic`, or nil.
func grade(_ qrels: Qrels, _ topic: String, _ docno: String) -> Int? {
    guard let t = qrels[topic] else { return nil }
    guard let entry = Array(docno.utf8).withUnsafeBytes({ t.docs.find($0) }) else { return nil }
    return t.grades[entry]
}

/// The source line of the judgment of `docno` in `topic`, or nil.
func judgmentLine(_ qrels: Qrels, _ topic: String, _ docno: String) -> Int? {
    guard let t = qrels[topic] else { return nil }
    guard let entry = Array(docno.utf8).withUnsafeBytes({ t.docs.find($0) }) else { return nil }
    return t.lines[entry]
}

/// The docnos of `topic` in file order.
func docnos(_ run: Run, _ topic: String) -> [String] {
    guard let t = run[topic] else { return [] }
    return (0..<t.count).map { t.docno($0) }
}
