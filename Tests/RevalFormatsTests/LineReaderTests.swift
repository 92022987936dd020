import Foundation
import Testing
import RevalCore
import RevalFormats

/// An in-memory byte source that hands over at most `step` bytes per read, to force
/// lines across read boundaries.
struct SteppedSource: ByteSource {
    let bytes: [UInt8]
    let step: Int
    var offset = 0

    init(_ text: String, step: Int) {
        bytes = Array(text.utf8)
        self.step = step
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let n = min(step, buffer.count, bytes.count - offset)
        if n > 0 {
            bytes.withUnsafeBytes { src in
                buffer.baseAddress!.copyMemory(from: src.baseAddress! + offset, byteCount: n)
            }
        }
        offset += n
        return n
    }
}

/// A source that fails on its second read.
struct FailingSource: ByteSource {
    var reads = 0
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        reads += 1
        if reads > 1 { throw InputError(file: "failing", message: "read failed") }
        buffer[0] = UInt8(ascii: "a")
        buffer[1] = 0x0a
        return 2
    }
}

@Suite("LineReader")
struct LineReaderTests {
    /// (line number, text) of every line `text` splits into.
    func lines(_ text: String, chunkSize: Int, step: Int) throws -> [(Int, String)] {
        var reader = LineReader(SteppedSource(text, step: step), name: "input", chunkSize: chunkSize)
        var out: [(Int, String)] = []
        try reader.forEachLine { line, number in
            out.append((number, String(decoding: line, as: UTF8.self)))
        }
        return out
    }

    static let text = "ab\ncdefghijklmnopqrstuvwxyz\n\nq\r\n1234567\n12345678\nlast"
    static let expected = ["ab", "cdefghijklmnopqrstuvwxyz", "", "q\r", "1234567", "12345678", "last"]

    @Test("lines survive any chunk size and read size, including a line longer than the chunk",
          arguments: [1, 2, 7, 8, 64, 8 << 20], [1, 3, 7, 1000])
    func chunkBoundaries(chunkSize: Int, step: Int) throws {
        let got = try lines(Self.text, chunkSize: chunkSize, step: step)
        #expect(got.map(\.1) == Self.expected)
        #expect(got.map(\.0) == Array(1...Self.expected.count))
    }

    @Test("a final newline does not make an empty last line")
    func finalNewline() throws {
        #expect(try lines("a\nb\n", chunkSize: 7, step: 3).map(\.1) == ["a", "b"])
        #expect(try lines("\n", chunkSize: 7, step: 3).map(\.1) == [""])
        #expect(try lines("\n\n", chunkSize: 7, step: 1).map(\.1) == ["", ""])
    }

    @Test("an empty source has no lines")
    func emptySource() throws {
        #expect(try lines("", chunkSize: 7, step: 3).isEmpty)
    }

    @Test("a line exactly as long as the chunk, with and without its newline")
    func lineOfChunkSize() throws {
        #expect(try lines("1234567\n", chunkSize: 7, step: 100).map(\.1) == ["1234567"])
        #expect(try lines("1234567", chunkSize: 7, step: 100).map(\.1) == ["1234567"])
        #expect(try lines("123456\n1234567", chunkSize: 7, step: 100).map(\.1) == ["123456", "1234567"])
    }

    @Test("a long line many times the chunk size")
    func veryLongLine() throws {
        let long = String(repeating: "x", count: 1000)
        #expect(try lines("a\n\(long)\nb", chunkSize: 7, step: 13).map(\.1) == ["a", long, "b"])
    }

    @Test("an error thrown by the line handler stops the reading")
    func handlerError() {
        var reader = LineReader(SteppedSource("a\nb\nc\n", step: 1), name: "input", chunkSize: 7)
        var seen: [Int] = []
        let error = #expect(throws: InputError.self) {
            try reader.forEachLine { _, number throws(InputError) in
                seen.append(number)
                if number == 2 { throw InputError(file: "f", line: number, message: "stop") }
            }
        }
        #expect(error?.line == 2)
        #expect(seen == [1, 2])
    }

    @Test("an error from the source reaches the caller")
    func sourceError() {
        var reader = LineReader(FailingSource(), name: "input", chunkSize: 7)
        var seen: [String] = []
        let error = #expect(throws: InputError.self) {
            try reader.forEachLine { line, _ in seen.append(String(decoding: line, as: UTF8.self)) }
        }
        #expect(error?.file == "failing")
        #expect(seen == ["a"])
    }
}
