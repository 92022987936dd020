import Testing
@testable import RevalCore

@Suite("compareBytes: strcmp's order of byte strings, a word at a time")
struct CompareBytesTests {
    private func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBytes { a in b.withUnsafeBytes { b in compareBytes(a, b) } }
    }

    /// strcmp's sign, by Swift's own byte-by-byte comparison.
    private func expected(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a == b ? 0 : (a.lexicographicallyPrecedes(b) ? -1 : 1)
    }

    @Test("by hand: prefixes, high bytes, a difference in each word and in the overlap")
    func byHand() {
        #expect(compare([], []) == 0)
        #expect(compare([], Array("a".utf8)) == -1)
        #expect(compare(Array("10".utf8), Array("2".utf8)) == -1)
        #expect(compare(Array("abc".utf8), Array("ab".utf8)) == 1)
        // 0xff sorts above every ASCII byte, as unsigned bytes do in strcmp.
        #expect(compare([0x61, 0xff], [0x61, 0x7a]) == 1)
        // Seven bytes: the words at 0 and 3 overlap; the difference is in byte 6.
        #expect(compare(Array("5149411".utf8), Array("5149412".utf8)) == -1)
        // Twelve bytes: one full word, then the last eight; the difference is in byte 9.
        #expect(compare(Array("D10000000019".utf8), Array("D10000000009".utf8)) == 1)
        #expect(compare(Array("msmarco_doc_00_0".utf8), Array("msmarco_doc_00_0".utf8)) == 0)
    }

    @Test("every length pair up to 20 bytes, the first difference at every position")
    func againstByteByByte() {
        var state: UInt64 = 7
        func nextByte() -> UInt8 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        for lengthA in 0...20 {
            for lengthB in 0...20 {
                let a = (0..<lengthA).map { _ in nextByte() }
                for position in 0...min(lengthA, lengthB) {
                    // b shares a's first `position` bytes, then differs (or is a's prefix).
                    var b = Array(a.prefix(min(position, lengthB)))
                    while b.count < lengthB { b.append(nextByte()) }
                    #expect(compare(a, b) == expected(a, b), "\(a) vs \(b)")
                    #expect(compare(b, a) == expected(b, a), "\(b) vs \(a)")
                }
            }
        }
    }
}
