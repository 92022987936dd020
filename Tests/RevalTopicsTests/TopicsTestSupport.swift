import Foundation
import Testing
import RevalCore
import RevalFormats
import RevalTopics

// Helpers for the topic tests: temporary files, the fixtures, reading a text as topics.

/// A fresh directory under the system temporary directory, removed when released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("reval-topics-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The path a file called `name` has in this directory.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
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

/// The committed topic files (Package.swift excludes the folder from the target; see its
/// README for where each comes from).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)

    static func topics(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }
}

/// The topics read from `text` (written to a temporary file) in `format`, nil to detect.
func readTopics(_ text: String, format: TopicsFormat? = nil) throws -> Topics {
    try readTopics(Array(text.utf8), format: format)
}

func readTopics(_ bytes: [UInt8], format: TopicsFormat? = nil) throws -> Topics {
    let dir = try TemporaryDirectory()
    return try TopicsReader.read(path: try dir.write(bytes, name: "topics"), format: format)
}

/// The error reading `text` gives, or nil when it reads without one.
func topicsError(_ text: String, format: TopicsFormat? = nil) throws -> InputError? {
    try topicsError(Array(text.utf8), format: format)
}

func topicsError(_ bytes: [UInt8], format: TopicsFormat? = nil) throws -> InputError? {
    let dir = try TemporaryDirectory()
    let path = try dir.write(bytes, name: "topics")
    do {
        _ = try TopicsReader.read(path: path, format: format)
        return nil
    } catch {
        #expect(error.file == path)
        #expect(error.exitCode == 2)
        return error
    }
}

/// A row of a table of inputs that must fail: the input, the line, words of the message.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var line: Int?
    var message: String
    var testDescription: String { name }

    init(_ name: String, _ text: String, line: Int?, _ message: String) {
        self.name = name
        self.text = text
        self.line = line
        self.message = message
    }

    /// Reads the input and checks the error's line and message.
    func check(format: TopicsFormat? = nil) throws {
        let error = try topicsError(text, format: format)
        #expect(error != nil, "no error for \(name)")
        #expect(error?.line == line, "\(error?.description ?? "")")
        #expect(error?.message.contains(message) == true, "\(error?.description ?? "")")
    }
}
