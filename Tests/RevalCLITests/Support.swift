import Foundation
import RevalCLI
import Testing

/// Where the test inputs live, found from this source file (no shared folders at run time).
enum Paths {
    /// `Tests/RevalCLITests/`.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// `Tests/RevalCLITests/Fixtures/`: copies of the trec_eval conformance data.
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    /// The package root (holds `Package.swift`, `Qrels/`, the build folders).
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    /// `Qrels/`: the collections bundled with the repository.
    static let qrels = packageRoot.appendingPathComponent("Qrels")

    static func fixture(_ relative: String) -> String {
        fixtures.appendingPathComponent(relative).path
    }
}

/// Reading fixture files.
enum Fixture {
    /// The bytes of a file; gzip files (by magic bytes) are decompressed with `gzip -dc`, a
    /// tool independent of reval, so a decompression bug in reval cannot hide in a golden.
    static func bytes(_ path: String) throws -> [UInt8] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard data.count >= 2, data[data.startIndex] == 0x1f, data[data.startIndex + 1] == 0x8b else {
            return Array(data)
        }
        let result = try Program.run(URL(fileURLWithPath: "/usr/bin/env"), ["gzip", "-dc", path])
        guard result.exitCode == 0 else {
            throw FixtureError("gzip -dc \(path) failed: \(String(decoding: result.stderr, as: UTF8.self))")
        }
        return result.stdout
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    /// Rows of a tab-separated file with a header row, as dictionaries keyed by column name.
    /// Empty fields are kept (an empty `flags` column means "no flags").
    static func tsv(_ path: String) throws -> [[String: String]] {
        let lines = try text(path).split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false) else { return [] }
        return lines.dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            var row: [String: String] = [:]
            for (i, name) in header.enumerated() {
                row[String(name)] = i < fields.count ? String(fields[i]) : ""
            }
            return row
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// trec_eval's output, looked at line by line.
enum Output {
    /// Lines without their final newline.
    static func lines(_ text: String) -> [Substring] {
        if text.isEmpty { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0).map { $0 }
    }

    /// The second tab-separated field of a line: the topic id, or `all`.
    static func topic(_ line: Substring) -> Substring? {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        return fields.count >= 3 ? fields[1] : nil
    }

    /// `nil` when equal; otherwise where the first difference is, for a readable failure.
    static func difference(_ actual: [UInt8], _ expected: [UInt8]) -> String? {
        if actual == expected { return nil }
        let a = lines(String(decoding: actual, as: UTF8.self))
        let e = lines(String(decoding: expected, as: UTF8.self))
        for i in 0..<max(a.count, e.count) {
            let got = i < a.count ? String(a[i]) : "<end of output>"
            let want = i < e.count ? String(e[i]) : "<end of output>"
            if got != want {
                return "line \(i + 1): got \(got.debugDescription), expected \(want.debugDescription) (\(actual.count) vs \(expected.count) bytes)"
            }
        }
        return "same lines but different bytes (final newline?): \(actual.count) vs \(expected.count) bytes"
    }
}

/// Runs reval in-process, as `reval eval ARGS`.
func reval(_ arguments: [String]) -> CommandOutput {
    RevalMain.evalOutput(arguments)
}

/// A child process's captured output.
struct ProgramResult {
    var stdout: [UInt8]
    var stderr: [UInt8]
    var exitCode: Int32
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

enum Program {
    /// Runs an executable to completion. Output goes through temporary files, so a large
    /// output cannot fill a pipe and block the child.
    static func run(_ executable: URL, _ arguments: [String], stdin: URL? = nil) throws -> ProgramResult {
        try TemporaryFolder.with { folder in
            let outURL = folder.appendingPathComponent("stdout")
            let errURL = folder.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            let out = try FileHandle(forWritingTo: outURL)
            let err = try FileHandle(forWritingTo: errURL)
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.standardOutput = out
            process.standardError = err
            var input: FileHandle?
            if let stdin {
                input = try FileHandle(forReadingFrom: stdin)
                process.standardInput = input
            } else {
                process.standardInput = FileHandle.nullDevice
            }
            try process.run()
            process.waitUntilExit()
            try out.close()
            try err.close()
            try input?.close()
            return ProgramResult(stdout: Array(try Data(contentsOf: outURL)),
                                 stderr: Array(try Data(contentsOf: errURL)),
                                 exitCode: process.terminationStatus)
        }
    }
}

/// The `reval` executable that `swift test` built with the tests.
enum RevalBinary {
    /// Looks next to the test bundle first (same build as the tests), then in the package's
    /// build folders (`.build*/debug`, `.build*/<triple>/debug`, and release).
    static func locate() -> URL? {
        let fm = FileManager.default
        var folders: [URL] = []
        var starts = [Bundle.main.bundleURL, Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0 }
        starts += Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            var url = start.resolvingSymlinksInPath()
            for _ in 0..<4 {
                folders.append(url)
                url = url.deletingLastPathComponent()
            }
        }
        let builds = ((try? fm.contentsOfDirectory(atPath: Paths.packageRoot.path)) ?? [])
            .filter { $0.hasPrefix(".build") }.sorted()
        for build in builds {
            let root = Paths.packageRoot.appendingPathComponent(build)
            for configuration in ["debug", "release"] {
                folders.append(root.appendingPathComponent(configuration))
                for triple in ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
                    folders.append(root.appendingPathComponent(triple).appendingPathComponent(configuration))
                }
            }
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("reval")
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
               fm.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    static func require() throws -> URL {
        try #require(locate(), "the reval executable was not found next to the test bundle or in \(Paths.packageRoot.path)/.build*/; `swift test` builds it with the tests")
    }
}

/// A fresh temporary folder, removed afterwards.
enum TemporaryFolder {
    static func with<T>(_ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("reval-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    /// Writes `text` to `name` in `folder` and returns the path.
    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
