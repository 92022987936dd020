import Foundation
import RevalCLI
import Testing

/// One hostile input and what `reval eval` must do with it.
///
/// Arguments that start with `@` name a corpus file: `Fixtures/malformed/NAME`, or an input
/// `GeneratedInput` makes at test time (too large to commit). Each reader adds its cases in
/// one file, `MalformedCases+READER.swift`, and one line to `MalformedCase.all`.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var expected: Expectation
    /// `reval eval ARGS` (the default), or `reval ARGS` for the other commands.
    var entry: Entry = .eval
    var testDescription: String { name }

    enum Entry: Sendable {
        case eval
        /// `reval ARGS`, run in-process up to the command (parsing, `-v`, hints), then
        /// the command itself when it is `convert`.
        case reval
    }

    /// What stdout must hold exactly.
    enum Stdout: Sendable {
        case empty
        /// The bytes of a corpus file `@NAME` (made by trec_eval 10.0).
        case file(String)
        case text(String)
        case bytes([UInt8])
    }

    enum Expectation: Sendable {
        /// Fails with `exitCode`, prints nothing on stdout and one line on stderr:
        /// `reval: FILE:LINE: message`, the message holding every one of `words`.
        case error(exitCode: Int32 = 2, file: String, at: Location, words: [String])
        /// Succeeds with the same stdout bytes as `reference` arguments; stderr is empty, or
        /// a warning holding every one of `warning`.
        case sameOutput(as: [String], warning: [String] = [])
        /// Succeeds with exactly these stdout bytes and nothing on stderr.
        case stdout([UInt8])
        /// Ends with `exitCode`, stdout exactly `stdout`, and stderr exactly `stderr` (""
        /// for nothing), each `@NAME` in it replaced by the corpus file's path.
        case exact(exitCode: Int32, stdout: Stdout = .empty, stderr: String)
    }

    enum Location: Sendable {
        /// The file as a whole (no line): `FILE: message`.
        case wholeFile
        case line(Int)
        /// Some line (where it is depends on buffer sizes or a library's output granularity).
        case anyLine
    }

    /// Every case, reader by reader.
    static let all: [MalformedCase] = trecQrels + trecRun + compression + byteOrderMarks + msMarco + beir
        + headers + topicOverlap + measureNames + usage + writers + preferences
}

/// The committed and generated files of the corpus.
enum Corpus {
    static func path(_ name: String) -> String { Paths.fixture("malformed/\(name)") }

    /// `argument` with a leading `@` replaced by the corpus file's path (generated in
    /// `folder` when it is a generated input).
    static func resolve(_ argument: String, in folder: URL) throws -> String {
        guard argument.hasPrefix("@") else { return argument }
        let name = String(argument.dropFirst())
        if let generated = try GeneratedInput.make(name, in: folder) { return generated }
        return path(name)
    }
}

@Suite("Malformed and hostile input")
struct MalformedInputTests {
    @Test("exit code, error line and output", arguments: MalformedCase.all)
    func corpusCase(_ c: MalformedCase) throws {
        try TemporaryFolder.with { folder in
            let arguments = try c.arguments.map { try Corpus.resolve($0, in: folder) }
            let clock = ContinuousClock()
            let start = clock.now
            let out = try run(c.entry, arguments)
            // Nothing hangs or grinds through a bomb (a debug build, on a busy machine).
            #expect(clock.now - start < .seconds(60))
            switch c.expected {
            case .error(let exitCode, let file, let location, let words):
                #expect(out.exitCode == exitCode, "stderr: \(out.stderr)")
                #expect(out.stdout.isEmpty, "partial output on error")
                let lines = Output.lines(out.stderr)
                #expect(lines.count == 1, "expected one error line: \(out.stderr)")
                let path = try Corpus.resolve(file, in: folder)
                let prefix = "reval: \(path):"
                #expect(out.stderr.hasPrefix(prefix), "expected \(prefix) in \(out.stderr)")
                let rest = out.stderr.dropFirst(prefix.count)
                switch location {
                case .wholeFile:
                    #expect(rest.hasPrefix(" "), "expected no line number: \(out.stderr)")
                case .line(let line):
                    #expect(rest.hasPrefix("\(line): "), "expected line \(line): \(out.stderr)")
                case .anyLine:
                    #expect(rest.prefix { $0 != ":" }.allSatisfy(\.isNumber) && rest.first?.isNumber == true,
                            "expected a line number: \(out.stderr)")
                }
                for word in words {
                    #expect(out.stderr.contains(word), "expected '\(word)' in \(out.stderr)")
                }
            case .sameOutput(let referenceArguments, let warning):
                let reference = reval(try referenceArguments.map { try Corpus.resolve($0, in: folder) })
                #expect(reference.exitCode == 0, "reference: \(reference.stderr)")
                #expect(out.exitCode == 0, "stderr: \(out.stderr)")
                #expect(!reference.stdout.isEmpty)
                let difference = Output.difference(out.stdoutBytes, reference.stdoutBytes)
                #expect(difference == nil, "\(difference ?? "")")
                if warning.isEmpty {
                    #expect(out.stderr.isEmpty)
                } else {
                    #expect(out.stderr.hasPrefix("reval: warning: "), "\(out.stderr)")
                    for word in warning {
                        #expect(out.stderr.contains(word), "expected '\(word)' in \(out.stderr)")
                    }
                }
            case .stdout(let expected):
                #expect(out.exitCode == 0, "stderr: \(out.stderr)")
                #expect(out.stderr.isEmpty)
                let difference = Output.difference(out.stdoutBytes, expected)
                #expect(difference == nil, "\(difference ?? "")")
            case .exact(let exitCode, let stdout, let stderr):
                #expect(out.exitCode == exitCode, "stderr: \(out.stderr)")
                var message = stderr
                let names = c.arguments.filter { $0.hasPrefix("@") }.sorted { $0.count > $1.count }
                for name in names { message = message.replacing(name, with: try Corpus.resolve(name, in: folder)) }
                #expect(out.stderr == message)
                let expected: [UInt8]
                switch stdout {
                case .empty: expected = []
                case .file(let name): expected = try Fixture.bytes(try Corpus.resolve(name, in: folder))
                case .text(let text): expected = Array(text.utf8)
                case .bytes(let bytes): expected = bytes
                }
                let difference = Output.difference(out.stdoutBytes, expected)
                #expect(difference == nil, "\(difference ?? "")")
            }
        }
    }

    /// What `reval eval ARGS` or `reval ARGS` prints, run in-process.
    func run(_ entry: MalformedCase.Entry, _ arguments: [String]) throws -> CommandOutput {
        switch entry {
        case .eval:
            return reval(arguments)
        case .reval:
            switch RevalMain.parse(arguments) {
            case .finished(let out):
                return out
            case .command(let command):
                let convert = try #require(command as? ConvertCommand, "only convert runs in-process")
                return convert.execute()
            }
        }
    }

    @Test("every committed corpus file is used by a case")
    func everyFileUsed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Corpus.path(""))
            .filter { $0 != "README.md" }
        let used = Set(MalformedCase.all.flatMap { c -> [String] in
            var names = c.arguments
            switch c.expected {
            case .error(_, let file, _, _): names.append(file)
            case .sameOutput(let reference, _): names += reference
            case .stdout: break
            case .exact(_, .file(let file), _): names.append(file)
            case .exact: break
            }
            return names.filter { $0.hasPrefix("@") }.map { String($0.dropFirst()) }
        })
        for file in files {
            #expect(used.contains(file), "\(file) is in Fixtures/malformed but no case uses it")
        }
    }
}
