import Foundation
@testable import RevalFormats
import Testing

/// `LineBatchReader` with two buffers (plain input) and three (zstd, which asks to be read
/// two batches ahead): every byte once, in order, in batches of whole lines, and a reader
/// closed after any number of batches stops its thread.
@Suite("LineBatchReader")
struct LineBatchReaderTests {
    /// Bytes held in memory that ask for a deeper read-ahead, as zstd does.
    struct DeepSource: ByteSource {
        var base: MemorySource
        var wantsDeeperReadAhead: Bool { true }
        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
            try base.read(into: buffer)
        }
    }

    static let text = Array((1...500).map { "line \($0) \(String(repeating: "x", count: $0 % 17))\n" }.joined().utf8)

    static func reader(deep: Bool, batchBytes: Int) -> LineBatchReader {
        let source: any ByteSource = deep ? DeepSource(base: MemorySource(text)) : MemorySource(text)
        return LineBatchReader(source, name: "in", batchBytes: batchBytes, maxLineBytes: 1 << 20)
    }

    @Test("every byte once, in batches of whole lines", arguments: [false, true], [32, 100, 4096, 1 << 20])
    func wholeInput(deep: Bool, batchBytes: Int) throws {
        let reader = Self.reader(deep: deep, batchBytes: batchBytes)
        defer { reader.close() }
        var read: [UInt8] = []
        var batches = 0
        while let batch = try reader.next() {
            // Lines are at most 26 bytes, so no batch needs to grow past its buffer.
            #expect(batch.last == 0x0a && batch.count <= batchBytes)
            read += batch
            batches += 1
        }
        #expect(read == Self.text)
        #expect(batches >= (Self.text.count + batchBytes - 1) / batchBytes)
    }

    @Test("closed after 0 to 6 batches, the reading thread ends", arguments: [false, true])
    func closedEarly(deep: Bool) throws {
        for taken in 0...6 {
            let reader = Self.reader(deep: deep, batchBytes: 64)
            var read: [UInt8] = []
            for _ in 0..<taken {
                guard let batch = try reader.next() else { break }
                read += batch
            }
            reader.close()
            #expect(Array(Self.text.prefix(read.count)) == read)
        }
    }

    @Test("zstd asks for the deeper read-ahead, gzip and plain input do not")
    func whoAsks() throws {
        for (fixture, deep) in [("run.txt.zst", true), ("run.txt.gz", false), ("run.txt", false)] {
            let source = try openInput(MemorySource(try Fixtures.bytes(fixture)), name: fixture)
            #expect(source.wantsDeeperReadAhead == deep, "\(fixture)")
            let peeked = try PeekedInput(Fixtures.path(fixture))
            #expect(peeked.source.wantsDeeperReadAhead == deep, "\(fixture), peeked")
        }
    }
}
