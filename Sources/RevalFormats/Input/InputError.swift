#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RevalCore

/// A problem with an input file, located by file and line.
///
/// Its `description` is the one line reval prints: `reval: FILE:LINE: what was wrong`.
/// `exitCode` follows trec_eval: 2 for unreadable or malformed input, 4 for a document
/// listed twice.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based physical line number, or nil when the problem is the file as a whole.
    public var line: Int?
    public var message: String
    public var exitCode: Int32

    public init(file: String, line: Int? = nil, message: String, exitCode: Int32 = 2) {
        self.file = file
        self.line = line
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

extension InputError {
    /// The error placed at `line`, unless it already names a line (errors of the byte
    /// sources, such as a truncated gzip stream, know no lines).
    func at(line: Int) -> InputError {
        var located = self
        if located.line == nil { located.line = line }
        return located
    }

    /// A topic of the run outgrew what one topic may hold (`TopicLimits`).
    public static func topicTooLarge(file: String, line: Int?, topic: String, limits: TopicLimits) -> InputError {
        InputError(file: file, line: line,
                   message: "topic '\(topic.excerpt)' has more than \(limits.maxDocuments) documents or "
                       + "\(limits.maxDocnoBytes) bytes of docnos, the most one topic can hold")
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes as a String, unchanged even when they are not UTF-8 (`String(rawBytes:)`).
    var text: String { String(rawBytes: self) }

    /// The bytes as a message quotes them: at most 64, then "...", so that a 1 MB field
    /// does not make a 1 MB error line.
    var excerpt: String {
        count <= 64 ? text : String(rawBytes: UnsafeRawBufferPointer(rebasing: self[..<64])) + "..."
    }
}

extension String {
    /// At most 64 bytes of the String, then "...", for messages.
    public var excerpt: String {
        let bytes = rawBytes
        return bytes.count <= 64 ? self : String(rawBytes: Array(bytes.prefix(64))) + "..."
    }
}

extension InputError {
    /// The error for a NUL byte in `line`, or nil when it has none. No text format has NUL
    /// bytes; trec_eval would silently stop reading there.
    static func nulByte(in line: UnsafeRawBufferPointer, file: String, line number: Int) -> InputError? {
        guard line.count > 0, let nul = memchr(line.baseAddress!, 0, line.count) else { return nil }
        return nulByte(file: file, line: number, column: UnsafeRawPointer(nul) - line.baseAddress! + 1)
    }

    /// The error for a NUL byte at `line` and `column` (1-based), for readers that scan for
    /// NULs themselves (the topic readers).
    public static func nulByte(file: String, line: Int, column: Int) -> InputError {
        InputError(file: file, line: line, message: "NUL byte in column \(column); expected text, not binary data")
    }

    static func lineTooLong(file: String, line: Int, limit: Int) -> InputError {
        InputError(file: file, line: line,
                   message: "line longer than \(limit >> 20 > 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"), "
                       + "the longest line reval reads; expected text lines")
    }
}
