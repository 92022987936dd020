import Foundation
import Testing
import RevalCore
import RevalFormats

@Suite("Byte order marks: skipped at the start of every input, an error anywhere else")
struct ByteOrderMarkTests {
    static let mark = "\u{FEFF}"

    /// Every line of `text` as `openInput` and `LineReader` hand them over, the source
    /// giving `step` bytes a read (so a mark is cut across reads).
    func lines(_ text: String, step: Int, chunkSize: Int) throws(InputError) -> [String] {
        var reader = LineReader(try openInput(SteppedSource(text, step: step), name: "in"), name: "in", chunkSize: chunkSize)
        var out: [String] = []
        try reader.forEachLine { line, _ in out.append(String(decoding: line, as: UTF8.self)) }
        return out
    }

    @Test("a leading mark is dropped, whatever the read and buffer sizes", arguments: [1, 2, 3, 5, 4096], [1, 3, 64])
    func leading(step: Int, chunkSize: Int) throws {
        #expect(try lines(Self.mark + "1 0 d1 1\n2 0 d2 0\n", step: step, chunkSize: chunkSize) == ["1 0 d1 1", "2 0 d2 0"])
        #expect(try lines(Self.mark, step: step, chunkSize: chunkSize) == [])
        // Only one is skipped: a second one right after it is inside the file.
        let twice = #expect(throws: InputError.self) { try lines(Self.mark + Self.mark + "x\n", step: step, chunkSize: chunkSize) }
        #expect(twice?.line == 1)
    }

    @Test("a mark after the start is an error at its line, found across reads", arguments: [1, 2, 3, 7, 4096], [1, 4, 64])
    func later(step: Int, chunkSize: Int) throws {
        // "ab\n" and "cd\n" are 6 bytes: the mark starts at byte 7, on line 3.
        let error = #expect(throws: InputError.self) {
            try lines("ab\ncd\n" + Self.mark + "ef\ngh\n", step: step, chunkSize: chunkSize)
        }
        #expect(error?.file == "in")
        #expect(error?.line == 3)
        #expect(error?.message.hasPrefix("byte order mark (EF BB BF) at byte 7, after the start of the file") == true)
        let inside = #expect(throws: InputError.self) { try lines("ab\nc" + Self.mark + "d\n", step: step, chunkSize: chunkSize) }
        #expect(inside?.line == 2)
        #expect(inside?.message.contains("at byte 5,") == true)
    }

    @Test("bytes that only begin a mark, or other EF sequences, are text", arguments: [1, 2, 4096])
    func partial(step: Int) throws {
        // U+FFFD is EF BF BD; a file may end in EF BB.
        #expect(try lines("a\u{FFFD}b\n", step: step, chunkSize: 8) == ["a\u{FFFD}b"])
        var reader = LineReader(try openInput(MemorySource(Array("ab\n".utf8) + [0xef, 0xbb]), name: "in"), name: "in")
        var got: [[UInt8]] = []
        try reader.forEachLine { line, _ in got.append(Array(line)) }
        #expect(got == [Array("ab".utf8), [0xef, 0xbb]])
    }

    @Test("a compressed file's mark is the decompressed bytes' first three")
    func compressed() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(Self.mark + "1 0 d1 1\n", name: "q.txt")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-kn", path]
        try gzip.run()
        gzip.waitUntilExit()
        let qrels = try TrecQrelsReader.read(path: path + ".gz")
        #expect(qrels.sortedTopicIDs == ["1"])
    }

    /// Bytes handed over `step` at a time into buffers of `buffer` bytes.
    struct RawSteps: ByteSource {
        let bytes: [UInt8]
        let step: Int
        var offset = 0
        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
            let n = min(step, buffer.count, bytes.count - offset)
            for k in 0..<max(n, 0) { buffer[k] = bytes[offset + k] }
            offset += max(n, 0)
            return max(n, 0)
        }
    }

    /// What `openInput` must give for `bytes`: without a leading mark, up to the next one,
    /// and the 1-based byte of the file where that one starts.
    static func model(_ bytes: [UInt8]) -> (bytes: [UInt8], markAt: Int?) {
        let start = bytes.starts(with: ByteOrderMark.bytes) ? 3 : 0
        var i = start
        while i + 2 < bytes.count {
            if bytes[i] == 0xef && bytes[i + 1] == 0xbb && bytes[i + 2] == 0xbf { return (Array(bytes[start..<i]), i + 1) }
            i += 1
        }
        return (Array(bytes[start...]), nil)
    }

    @Test("any bytes, any read and buffer sizes: the bytes of the model, then its error", arguments: 0..<8)
    func againstModel(seed: Int) throws {
        var state = UInt64(seed + 1) &* 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        let alphabet: [UInt8] = [0x61, 0x0a, 0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]
        for _ in 0..<300 {
            let bytes = (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }
            let expected = Self.model(bytes)
            var source = try openInput(RawSteps(bytes: bytes, step: 1 + next(6)), name: "m")
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 + next(8), alignment: 1)
            defer { buffer.deallocate() }
            var got: [UInt8] = []
            var failure: InputError?
            do {
                while true {
                    let n = try source.read(into: buffer)
                    if n == 0 { break }
                    got += buffer[..<n]
                }
            } catch {
                failure = error
            }
            #expect(got == expected.bytes, "\(bytes)")
            #expect(failure?.message.hasPrefix("byte order mark (EF BB BF) at byte \(expected.markAt ?? -1),") ?? (expected.markAt == nil),
                    "\(bytes): \(String(describing: failure))")
        }
    }

    @Test("readWholeInput places a mark's error at its line")
    func wholeInput() throws {
        let error = #expect(throws: InputError.self) {
            try readWholeInput(try openInput(SteppedSource("{\n\"q\": " + Self.mark + "{}}\n", step: 3), name: "r.json"))
        }
        #expect(error?.line == 2)
        #expect(error?.file == "r.json")
    }
}
