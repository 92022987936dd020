import Testing
import RevalCore
import RevalFormats

/// formatFixed4 must print exactly what C's printf("%6.4f") prints (glibc rounds the exact
/// binary value half to even); formatC calls the C library itself, so it is the reference.
@Suite("%6.4f formatting")
struct FixedFormattingTests {
    @Test("exact ties round to even, negatives keep their sign, widths pad to 6")
    func knownValues() {
        #expect(formatFixed4(0.03125) == "0.0312")      // 312.5 units: a tie, to even
        #expect(formatFixed4(0.09375) == "0.0938")      // 937.5 units: a tie, to even
        #expect(formatFixed4(0) == "0.0000")
        #expect(formatFixed4(-0.0) == "-0.0000")
        #expect(formatFixed4(-1e-9) == "-0.0000")
        #expect(formatFixed4(1) == "1.0000")
        #expect(formatFixed4(1234.5) == "1234.5000")
        #expect(formatFixed4(0.29928357) == "0.2993")
    }

    @Test("agrees with the C library on a million values of every kind")
    func agreesWithPrintf() {
        var random = SeededGenerator(seed: 0x1234_5678_9abc_def0)
        var mismatches: [Double] = []
        for k in 0..<1_000_000 {
            let r = random.next()
            let value: Double
            switch k % 5 {
            case 0: value = Double(r >> 11) / Double(1 << 53)                  // [0, 1)
            case 1: value = Double(r % 200_001) / 200_000                     // near 5th-decimal ties
            case 2: value = Double(r % 4096) / 32 * (r & 1 == 0 ? 1 : -1)     // exact binary fractions
            case 3: value = Double(bitPattern: r)                              // any double
            default: value = (Double(r >> 11) / Double(1 << 53) - 0.5) * 1e6
            }
            if formatFixed4(value) != formatC("%6.4f", value) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }
}
