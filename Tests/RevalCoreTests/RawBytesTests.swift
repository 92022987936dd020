import Testing
import RevalCore

/// `String(rawBytes:)` and `rawBytes`: ids carried through Strings byte for byte.
@Suite("Ids as raw bytes")
struct RawBytesTests {
    static let samples: [[UInt8]] = [
        [],
        Array("301".utf8),
        Array("café".utf8),                 // valid UTF-8 stays as it is
        [0x63, 0x61, 0x66, 0xe9],           // Latin-1 "café": invalid UTF-8
        [0xff], [0xfe], [0x80], [0xc3],     // lone bytes that start or continue nothing
        [0xed, 0xa0, 0x80],                 // an encoded surrogate, invalid
        [0xf4, 0x8f, 0xbf, 0xbf],           // U+10FFFF, valid, in the escape range
        [0xf4, 0x8f, 0xbc, 0x80],           // U+10FF00, valid, in the escape range
        [0xf0, 0x9f, 0x98, 0x80],           // an emoji, valid, outside it
        [0x61, 0xf4, 0x8f, 0xbf],           // a truncated 4-byte sequence
    ]

    @Test("bytes -> String -> bytes gives the same bytes", arguments: samples)
    func roundTrip(_ bytes: [UInt8]) {
        #expect(String(rawBytes: bytes).rawBytes == bytes)
    }

    @Test("different bytes give different Strings; order is the bytes' order")
    func injectiveAndOrdered() {
        for a in Self.samples {
            for b in Self.samples {
                let sa = String(rawBytes: a), sb = String(rawBytes: b)
                #expect((sa == sb) == (a == b), "\(a) vs \(b)")
                #expect(byteOrderLess(sa, sb) == a.lexicographicallyPrecedes(b), "\(a) vs \(b)")
            }
        }
    }

    @Test("valid UTF-8 outside the escape range is the ordinary String")
    func ordinaryText() {
        #expect(String(rawBytes: Array("café 🙂".utf8)) == "café 🙂")
        #expect("q301".rawBytes == Array("q301".utf8))
    }

    @Test("every two-byte string round-trips")
    func exhaustiveTwoBytes() {
        for a in 0...255 {
            for b in stride(from: 0, through: 255, by: 5) {
                let bytes = [UInt8(a), UInt8(b)]
                #expect(String(rawBytes: bytes).rawBytes == bytes)
            }
        }
    }

    @Test("topics that differ only in invalid bytes stay apart in qrels and runs")
    func distinctTopics() throws {
        var qrels = Qrels()
        qrels.add(topic: String(rawBytes: [0xff]), docno: "d", grade: 1)
        qrels.add(topic: String(rawBytes: [0xfe]), docno: "d", grade: 0)
        #expect(qrels.topics.count == 2)
        #expect(qrels.sortedTopicIDs.map(\.rawBytes) == [[0xfe], [0xff]])
        #expect(qrels[String(rawBytes: [0xff])]?.duplicate == nil)
    }
}
