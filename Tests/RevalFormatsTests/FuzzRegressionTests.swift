import Foundation
import Testing
import RevalCore
import RevalFormats

/// Inputs the fuzzers (Fuzz/) found, kept so the fixes stay fixed. Each names the target
/// that found it and what was wrong.
@Suite("Fuzzing regressions")
struct FuzzRegressionTests {
    /// Everything `openInput` gives for `bytes`, read in `readSize` pieces, and the error
    /// that ended it.
    static func decode(_ bytes: [UInt8], readSize: Int) -> ([UInt8], InputError?) {
        var out: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 1)
        defer { buffer.deallocate() }
        do {
            var source = try openInput(MemorySource(bytes), name: "fuzz")
            while true {
                let n = try source.read(into: buffer)
                if n == 0 { return (out, nil) }
                out.append(contentsOf: buffer[..<n])
            }
        } catch {
            return (out, error)
        }
    }

    /// Leaves freed heap blocks of about libzstd's output-buffer size holding `pattern`, so
    /// that a buffer allocated next is likely to start with it.
    static func dirtyHeap(with pattern: UInt8) {
        for size in [131_075, 131_072, 1 << 20] {
            let block = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
            block.initializeMemory(as: UInt8.self, repeating: pattern)
            block.deallocate()
        }
    }

    /// FuzzZstd: a corrupt frame on which libzstd 1.5.4 reads back from its output buffer
    /// beyond what it wrote. The decoded bytes depended on what that memory held before
    /// (fixed: ZstdSource zeroes its buffer), and on how much room the reader gave
    /// (fixed: ZstdSource decodes into a buffer of its own, of one size).
    @Test("zstd: the bytes decoded never depend on memory or read size")
    func zstdReadsOwnOutput() throws {
        let bytes = try Fixtures.bytes("zstd-reads-own-output.zst")
        Self.dirtyHeap(with: 0xaa)
        let first = Self.decode(bytes, readSize: 1 << 16)
        for (pattern, readSize) in [(0x55, 1 << 16), (0x00, 12), (0xff, 1 << 20), (0x41, 1)] {
            Self.dirtyHeap(with: UInt8(pattern))
            let again = Self.decode(bytes, readSize: readSize)
            let difference = again.0 == first.0 ? nil
                : zip(again.0, first.0).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(again.0.count, first.0.count)
            #expect(difference == nil, "pattern \(pattern), reads of \(readSize): bytes differ from offset \(difference ?? 0)")
            #expect(again.1 == first.1)
        }
        #expect(first.1?.message.hasPrefix("corrupt zstd data") == true, "\(String(describing: first.1))")
    }

    /// FuzzGzip: a 52-byte gzip stream that ends early, after data zlib finds corrupt. With
    /// reads of 7 bytes it was reported "truncated" (the input was all read, and zlib was not
    /// asked for what it still held), with other sizes "corrupt". Now the same for any size.
    @Test("gzip: the same error for any read size")
    func gzipPendingBytes() throws {
        let bytes = try Fixtures.bytes("gzip-truncated-or-corrupt.gz")
        let reference = Self.decode(bytes, readSize: 1 << 16)
        #expect(reference.1 != nil)
        for readSize in [1, 2, 7, 64, 1 << 20] {
            let other = Self.decode(bytes, readSize: readSize)
            #expect(other.0 == reference.0, "reads of \(readSize)")
            #expect(other.1 == reference.1, "reads of \(readSize): \(String(describing: other.1))")
        }
    }

    /// A gzip stream of `text` with one byte near its end changed, so that it decodes for a
    /// while and then fails.
    static func corruptedGzip(_ text: String) throws -> [UInt8] {
        let dir = try TemporaryDirectory()
        let plain = try dir.write(text, name: "plain")
        let result = try gzipped(plain)
        var bytes = result
        bytes[bytes.count - 12] ^= 0xff  // inside the last block, before the trailer
        return bytes
    }

    static func gzipped(_ path: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-1", "-n", "-c", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    /// FuzzTrecQrels and FuzzTrecRun: a malformed line, then a corrupt end. The error used to
    /// depend on buffer sizes: with large buffers the decompression error came first (line
    /// 1), with small ones the malformed line. Now errors come in file order: line 3.
    @Test("a malformed line before corrupt compressed data is reported first, whatever the buffer size")
    func errorsInFileOrder() throws {
        let body = (1...200).map { "1 0 doc\($0) \($0 % 3)\n" }.joined()
        let qrels = try Self.corruptedGzip("1 0 d1 1\n1 0 d2 0\n1 0 d3\n" + body)
        for chunkSize in [5, 100, 1 << 16, 8 << 20] {
            let error = #expect(throws: InputError.self) {
                try TrecQrelsReader.parse(bytes: qrels, name: "q", chunkSize: chunkSize)
            }
            #expect(error?.line == 3, "chunk size \(chunkSize): \(String(describing: error))")
            #expect(error?.message.contains("expected 4 fields") == true)
        }
        let runBody = (1...3000).map { "1 Q0 doc\($0) \($0) \(5000 - $0) r\n" }.joined()
        let run = try Self.corruptedGzip("1 Q0 d1 1 2 r\n1 Q0 d2 2 1 r\n1 Q0 d3 3\n" + runBody)
        for (batchBytes, threads) in [(64, 1), (100, 3), (1 << 20, 1), (16 << 20, 2)] {
            for readAhead in [true, false] {
                let error = #expect(throws: InputError.self) {
                    try TrecRunReader.parse(bytes: run, name: "r", threads: threads, batchBytes: batchBytes, readAhead: readAhead)
                }
                #expect(error?.line == 3, "batch \(batchBytes), read-ahead \(readAhead): \(String(describing: error))")
                #expect(error?.message.contains("expected 6 fields") == true)
            }
        }
    }

    /// FuzzTrecRun: a header line (rank and score not numbers) as the first data line,
    /// after a comment longer than a batch. Read whole, it was read as trec_eval reads it
    /// and the 3-field line after it was the error; in small batches the header came in the
    /// second batch, was not taken for the file's first data line, and its score was the
    /// error. The first data line is now the first one read, in whatever batch or piece.
    @Test("a header after a comment longer than a batch is read as the first data line",
          arguments: [(1, 64, false), (1, 1 << 20, false), (2, 100, true), (3, 256, true), (2, 1 << 20, true)])
    func headerAfterLongComment(threads: Int, batchBytes: Int, readAhead: Bool) {
        let text = "# " + String(repeating: "x", count: 150) + "\n#\n"
            + "302 Q0 D1 notrank notscore tagA\n1 Q0 dng\n"
        let error = #expect(throws: InputError.self) {
            try TrecRunReader.parse(bytes: Array(text.utf8), name: "run", threads: threads,
                                    batchBytes: batchBytes, readAhead: readAhead)
        }
        // Line 3 is the header, read as data; line 4 has 3 fields.
        #expect(error?.line == 4)
        #expect(error?.message.contains("expected 6 fields 'topic Q0 docno rank score tag', found 3") == true,
                "\(String(describing: error))")
    }

    /// FuzzTrecQrels: a NUL byte, then a misplaced byte order mark, on one line. Read in
    /// 64 KiB pieces the mark (found as the bytes were read) was the error; in 7-byte pieces
    /// the NUL (found as the line grew). The NUL comes first in the file, and is now the
    /// error whatever the piece size; the same for runs, whatever the batch size.
    @Test("a NUL byte before a misplaced byte order mark on its line is the error")
    func nulBeforeByteOrderMark() {
        // "1 0 d" then NUL at column 6, "x", the mark, " 1".
        let bytes = Array("1 0 d".utf8) + [0] + Array("x".utf8) + ByteOrderMark.bytes + Array(" 1\n".utf8)
        for chunkSize in [7, 1 << 16] {
            let error = #expect(throws: InputError.self) {
                try TrecQrelsReader.parse(bytes: bytes, name: "qrels", chunkSize: chunkSize)
            }
            #expect(error?.line == 1, "chunk \(chunkSize)")
            #expect(error?.message.hasPrefix("NUL byte in column 6") == true, "chunk \(chunkSize): \(String(describing: error))")
        }
        // Line 2: "1 Q0 d" (6 bytes), then NUL at column 7.
        let run = Array("1 Q0 d1 1 2.5 t\n1 Q0 d".utf8) + [0] + Array("x".utf8) + ByteOrderMark.bytes + Array(" 2 1.5 t\n".utf8)
        for (batchBytes, readAhead) in [(64, false), (64, true), (1 << 20, true)] {
            let error = #expect(throws: InputError.self) {
                try TrecRunReader.parse(bytes: run, name: "run", batchBytes: batchBytes, readAhead: readAhead)
            }
            #expect(error?.line == 2, "batch \(batchBytes)")
            #expect(error?.message.hasPrefix("NUL byte in column 7") == true, "batch \(batchBytes): \(String(describing: error))")
        }
    }
}
