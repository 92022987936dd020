#if canImport(Glibc)
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
public struct LineReader {
    private var source: any ByteSource
    private let chunkSize: Int

    public init(_ source: any ByteSource, chunkSize: Int = 8 << 20) {
        self.source = source
        self.chunkSize = chunkSize
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
        while true {
            if filled == capacity {
                // One line longer than the buffer: grow it.
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity * 2, alignment: 1)
                bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            let end = filled + n
            let base = UnsafeRawPointer(buffer.baseAddress!)
            var start = 0
            while start < end {
                guard let newline = memchr(base + start, 0x0a, end - start) else { break }
                let lineEnd = UnsafeRawPointer(newline) - base
                lineNumber += 1
                try body(UnsafeRawBufferPointer(start: base + start, count: lineEnd - start), lineNumber)
                start = lineEnd + 1
            }
            if n == 0 {
                if start < end {
                    lineNumber += 1
                    try body(UnsafeRawBufferPointer(start: base + start, count: end - start), lineNumber)
                }
                return
            }
            if start > 0 {
                memmove(buffer.baseAddress!, base + start, end - start)
            }
            filled = end - start
        }
    }
}

/// The whitespace-separated fields of one line, as trec_eval splits them: C's isspace
/// (space, \t, \v, \f, \r) separates; empty fields do not exist.
struct FieldSplitter {
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0d) }

    /// Up to `limit` fields; `count` tells how many were present in total (fields past the
    /// limit are counted, not stored).
    static func split(_ line: UnsafeRawBufferPointer, limit: Int,
                      into fields: inout [UnsafeRawBufferPointer]) -> Int {
        fields.removeAll(keepingCapacity: true)
        var count = 0
        var i = 0
        let n = line.count
        while i < n {
            while i < n && isSpace(line[i]) { i += 1 }
            if i == n { break }
            let start = i
            while i < n && !isSpace(line[i]) { i += 1 }
            if count < limit { fields.append(UnsafeRawBufferPointer(rebasing: line[start..<i])) }
            count += 1
        }
        return count
    }

    /// The first non-whitespace byte, or nil for a blank line.
    static func firstVisibleByte(_ line: UnsafeRawBufferPointer) -> UInt8? {
        for b in line where !isSpace(b) { return b }
        return nil
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes as a String (invalid UTF-8 is replaced, for messages).
    var text: String { String(decoding: self, as: UTF8.self) }
}
