import Foundation
import RevalCore
@testable import RevalFusion
import Testing

/// SignificantDigits must print exactly what C's printf("%.17g") prints (glibc rounds the
/// exact binary value half to even); formatC calls the C library itself, so it is the
/// reference.
@Suite("%.17g formatting")
struct SignificantDigitsTests {
    @Test("known values", arguments: [
        (0.1, "0.10000000000000001"),
        (1.0 / 61, "0.016393442622950821"),
        (2.5, "2.5"),
        (1.0, "1"),
        (0.0, "0"),
        (-0.0, "-0"),
        (100.0, "100"),
        (1e-5, "1.0000000000000001e-05"),
        (-0.5, "-0.5"),
        (123456789.125, "123456789.125"),
    ])
    func knownValues(_ value: Double, _ expected: String) {
        #expect(SignificantDigits.text(value) == expected)
        #expect(formatC("%.17g", value) == expected)
    }

    /// m / 2^18 for odd m has exactly 18 decimals ending in 5: in [0.1, 1) that is an exact
    /// tie at the 17th significant digit, which printf rounds to even.
    @Test("exact ties at the 17th digit round to even")
    func ties() {
        var mismatches: [Double] = []
        for m in stride(from: 26_215, to: 262_144, by: 2) {
            let value = Double(m) / 262_144
            if SignificantDigits.text(value) != formatC("%.17g", value) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    @Test("agrees with the C library on 400,000 values of every kind")
    func agreesWithPrintf() {
        var random = SeededGenerator(seed: 0x0fed_cba9_8765_4321)
        func next() -> UInt64 { random.next() }
        var mismatches: [Double] = []
        for k in 0..<400_000 {
            let r = next()
            let unit = Double(r >> 11) / Double(1 << 53)
            let value: Double
            switch k % 6 {
            case 0: value = unit                                           // [0, 1)
            case 1: value = 1 / (60 + Double(r % 2000))                    // RRF scores
            case 2: value = (unit - 0.5) * 8                               // z-scores
            case 3: value = Double(bitPattern: r)                          // any double
            case 4: value = unit * pow10(Int(r % 46) - 23)                 // every fast-path exponent and beyond
            default: value = Double(r % 100_000) / 10_000                  // short decimals
            }
            if SignificantDigits.text(value) != formatC("%.17g", value) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    /// The edges of each path: powers of ten and their neighbours (where the exponent
    /// estimate is one off), 1e16 to 1e17 and 2^52 to 2^53 (integers), 1e-6 to 1e-4 (where
    /// the paths meet), values whose 17th digit rounds up into a new power of ten
    /// (0.99999999999999994...), subnormals, zeros, infinities, NaN.
    @Test("agrees with the C library at the edges")
    func edges() {
        var values: [Double] = [0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .leastNormalMagnitude,
                                .greatestFiniteMagnitude, -.leastNonzeroMagnitude, 0.99999999999999994,
                                0.99999999999999989, 9.9999999999999982, 0.099999999999999992, 99999999999999984,
                                4_503_599_627_370_496, 9_007_199_254_740_992, 1e16, 1e17, 1e-5, 1e-6, 1e-4]
        for k in -40...40 {
            let power = pow10(k)
            var below = power, above = power
            for _ in 0..<40 {
                below = below.nextDown
                above = above.nextUp
                values += [below, above, -below]
            }
            values.append(power)
        }
        var random = SeededGenerator(seed: 0x1234_5678_9abc_def0)
        func next() -> UInt64 { random.next() }
        for _ in 0..<20_000 {
            let unit = Double(next() >> 11) / Double(1 << 53)
            values.append(1e16 + unit * 9e16)                                  // 1e16 ..< 1e17
            values.append(Double(sign: .plus, exponent: 52, significand: 1 + unit))   // 2^52 ..< 2^53
            values.append(1e-6 + unit * 1e-4)                                  // where the paths meet
            values.append(Double(bitPattern: next() & 0x000F_FFFF_FFFF_FFFF))  // subnormals
            // 17 nines then more digits: the 17th digit rounds up into the next power of ten.
            values.append((1 - unit * 1e-16) * pow10(Int(next() % 30) - 15))
        }
        let mismatches = values.filter { SignificantDigits.text($0) != formatC("%.17g", $0) }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5).map { ($0, SignificantDigits.text($0), formatC("%.17g", $0)) })")
    }

    private func pow10(_ n: Int) -> Double {
        var x = 1.0
        for _ in 0..<abs(n) { x *= 10 }
        return n < 0 ? 1 / x : x
    }
}

@Suite("Rank digits")
struct RankDigitsTests {
    @Test("every length, at each power of ten and beside it")
    func lengths() {
        var values = [1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 99_999, 100_000, 1_234_567, Int(Int32.max)]
        values += (1...12).map { Int(pow(10.0, Double($0))) - 1 }
        var buffer = [UInt8](repeating: 0, count: 32)
        for value in values {
            let n = buffer.withUnsafeMutableBufferPointer { FusedRunWriter.writeDecimal(value, to: $0.baseAddress!) }
            #expect(String(decoding: buffer[..<n], as: UTF8.self) == String(value))
        }
    }
}

@Suite("Short copies")
struct ShortCopyTests {
    @Test("every length from 0 to 40, and nothing written beside")
    func lengths() {
        let source = (0..<40).map { UInt8(65 + $0) }
        for n in 0...40 {
            var target = [UInt8](repeating: 0, count: 48)
            source.withUnsafeBytes { all in
                let bytes = UnsafeRawBufferPointer(rebasing: all[0..<min(n, 40)])
                target.withUnsafeMutableBufferPointer { FusedRunWriter.copyShort(bytes, to: $0.baseAddress! + 4) }
            }
            let m = min(n, 40)
            #expect(Array(target[4..<(4 + m)]) == Array(source[0..<m]), "length \(n)")
            #expect(target[0..<4].allSatisfy { $0 == 0 } && target[(4 + m)...].allSatisfy { $0 == 0 }, "length \(n)")
        }
    }
}
