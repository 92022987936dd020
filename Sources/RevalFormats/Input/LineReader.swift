#if canImport(Glibc)
import RevalCore
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte source into lines, reading it in large chunks so memory stays bounded
/// by the chunk size (plus the longest line), whatever the file size.
///
/// Each line is handed over without its "\n"; a final line without one is handed over
/// too. A "\r" before the "\n" is left in place: the field splitters treat it as
/// whitespace, as trec_eval does.
///
/// A source from `openInput` has already lost a leading UTF-8 byte order mark, and fails
/// at a later one (`ByteOrderMark`); such source errors are placed at the line being read.
///
/// Two things stop reading with an error naming the line, because no text format reval
/// reads has them and both are what binary data or a decompression bomb looks like:
/// a NUL byte, and a line longer than `maxLineBytes` (64 MiB unless told otherwise).
///
/// ```swift
/// var lines = LineReader(try openInput("qrels.txt"), name: "qrels.txt")
/// try lines.forEachLine { line, number in print(number, line.count) }
/// ```
public struct LineReader {
    /// The longest line any reader accepts unless told otherwise: 64 MiB.
    public static let defaultMaxLineBytes = 64 << 20

    private var source: any ByteSource
    private let name: String
    private let chunkSize: Int
    private let maxLineBytes: Int

    /// `name` is the file name every error carries (the path as the user gave it).
    public init(_ source: any ByteSource, name: String, chunkSize: Int = 8 << 20,
                maxLineBytes: Int = LineReader.defaultMaxLineBytes) {
        self.source = source
        self.name = name
        self.chunkSize = max(1, chunkSize)
        self.maxLineBytes = max(1, maxLineBytes)
    }

    /// Calls `body` with each line and its 1-based line number.
    public mutating func forEachLine(
        _ body: (UnsafeRawBufferPointer, Int) throws(InputError) -> Void
    ) throws(InputError) {
        var capacity = chunkSize
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        defer { buffer.deallocate() }
        var filled = 0
        var lineNumber = 0
        func hand(_ line: UnsafeRawBufferPointer) throws(InputError) {
            lineNumber += 1
            try checkLine(line, number: lineNumber)
            try body(line, lineNumber)
        }
        while true {
            if filled == capacity {
                // One line fills the buffer: check what there is of it, then grow.
                try checkLine(UnsafeRawBufferPointer(buffer), number: lineNumber + 1)
                let bigger = UnsafeMutableRawBufferPointer.allocate(
                    byteCount: min(capacity * 2, maxLineBytes + 1), alignment: 1)
                bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = bigger
                capacity = bigger.count
            }
            let n: Int
            do {
                n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            } catch {
                // A NUL byte in the part line read so far comes before the failure.
                try checkLine(UnsafeRawBufferPointer(rebasing: buffer[..<filled]), number: lineNumber + 1)
                throw error.at(line: lineNumber + 1)
            }
            let end = filled + n
            let base = UnsafeRawPointer(buffer.baseAddress!)
            var start = 0
            while start < end {
                guard let newline = memchr(base + start, 0x0a, end - start) else { break }
                let lineEnd = UnsafeRawPointer(newline) - base
                try hand(UnsafeRawBufferPointer(start: base + start, count: lineEnd - start))
                start = lineEnd + 1
            }
            if n == 0 {
                if start < end {
                    try hand(UnsafeRawBufferPointer(start: base + start, count: end - start))
                }
                return
            }
            if start > 0 {
                memmove(buffer.baseAddress!, base + start, end - start)
            }
            filled = end - start
        }
    }

    /// Throws if `line` (or the part of it read so far) holds a NUL byte or is longer than
    /// `maxLineBytes`.
    private func checkLine(_ line: UnsafeRawBufferPointer, number: Int) throws(InputError) {
        if let nul = InputError.nulByte(in: line, file: name, line: number) { throw nul }
        if line.count > maxLineBytes {
            throw InputError.lineTooLong(file: name, line: number, limit: maxLineBytes)
        }
    }
}

/// The whitespace-separated fields of one line, as trec_eval splits them: C's isspace
/// (space, \t, \v, \f, \r) separates; empty fields do not exist.
struct FieldSplitter {
    /// Up to `limit` fields; `count` tells how many were present in total (fields past the
    /// limit are counted, not stored).
    static func split(_ line: UnsafeRawBufferPointer, limit: Int,
                      into fields: inout [UnsafeRawBufferPointer]) -> Int {
        fields.removeAll(keepingCapacity: true)
        var count = 0
        var i = 0
        let n = line.count
        while i < n {
            while i < n && isCSpace(line[i]) { i += 1 }
            if i == n { break }
            let start = i
            while i < n && !isCSpace(line[i]) { i += 1 }
            if count < limit { fields.append(UnsafeRawBufferPointer(rebasing: line[start..<i])) }
            count += 1
        }
        return count
    }

    /// The first non-whitespace byte, or nil for a blank line.
    static func firstVisibleByte(_ line: UnsafeRawBufferPointer) -> UInt8? {
        for b in line where !isCSpace(b) { return b }
        return nil
    }
}
