import RevalCore

/// C's `printf("%.17g", value)`, exactly, appended as bytes: 17 significant digits, which
/// is enough for every double to read back as itself.
///
/// printf rounds the exact binary value half to even. Here the exact value is
/// m·2^e (m < 2^53). For most values (about 1e-5 ≤ |v| < 2^52) one 128-bit product
/// m·10^p, p = 17 − ⌊log10 v⌋ (estimated; one less at most), shifted right by −e, gives 18
/// or 19 leading digits truncated and whether anything nonzero was cut off below them; the
/// dropped digits and that bit decide the rounding to 17 exactly, ties to even. Values a
/// little smaller or up to 1e17 take ⌊m·10^p / 2^-e⌉ for p = 16 − ⌊log10 v⌋ instead, the
/// rounding decided from the exact remainder; anything else (tiny, huge, zero, subnormal,
/// infinite, NaN) goes through the C library.
///
/// ```swift
/// var text: [UInt8] = []
/// SignificantDigits.append(0.1, to: &text)        // "0.10000000000000001"
/// SignificantDigits.append(1.0 / 61, to: &text)   // "0.016393442622950821"
/// SignificantDigits.append(2.5, to: &text)        // "2.5"
/// ```
public enum SignificantDigits {
    /// The most bytes `write(_:to:)` writes (`-2.2250738585072014e-308` is 24).
    public static let maxLength = 32

    /// Appends `%.17g` of `value`.
    public static func append(_ value: Double, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { buffer in
            let n = write(value, to: buffer.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// Writes `%.17g` of `value` at `out`, which has room for `maxLength` bytes; returns
    /// the number of bytes written.
    @inline(__always)
    public static func write(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let short = writeEighteen(value, to: out)
        return short > 0 ? short : writeRare(value, to: out)
    }

    /// The values the common path does not take, out of line so that `write` stays small
    /// enough to be inlined where lines are written.
    @inline(never)
    private static func writeRare(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let n = writeFast(value, to: out)
        return n > 0 ? n : writeC(value, to: out)
    }

    /// The common path: 18 or 19 digits truncated, in one 128-bit product and shift, then
    /// rounded to 17 from the dropped digits and whether anything was dropped below them
    /// (which decides an exact tie). 0 for values it does not take (|v| < 1e-5 or so,
    /// v ≥ 2^52, zero, subnormal, infinite, NaN).
    @inline(__always)
    private static func writeEighteen(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let bits = value.bitPattern
        let biased = Int(truncatingIfNeeded: (bits >> 52) & 0x7ff)
        let e2 = biased - 1075
        var exponent10 = ((biased - 1023) &* 78_913) >> 18
        let p = 17 - exponent10
        guard biased != 0, e2 < 0, p >= 0, p <= 22 else { return 0 }
        let m = (bits & 0x000F_FFFF_FFFF_FFFF) | (1 << 52)
        let (powerHigh, powerLow) = powerOfTen(p)
        // X = m · 10^p < 2^53 · 2^74; v · 10^p = X / 2^s, which is in [10^17, 10^19).
        let (carry, low) = m.multipliedFullWidth(by: powerLow)
        let high = carry &+ m &* powerHigh
        let s = -e2
        var q: UInt64
        var sticky: Bool
        if s < 64 {
            q = (low >> s) | (high << (64 - s))
            sticky = low & ((1 << s) &- 1) != 0
        } else if s < 128 {
            q = high >> (s - 64)
            sticky = low != 0 || high & ((1 << (s - 64)) &- 1) != 0
        } else {
            return 0
        }
        if q >= 1_000_000_000_000_000_000 {
            let q1 = q / 10
            sticky = sticky || q &- q1 &* 10 != 0
            q = q1
            exponent10 += 1
        }
        var digits = q / 10
        let dropped = q &- digits &* 10
        if dropped > 5 || (dropped == 5 && (sticky || digits & 1 == 1)) { digits += 1 }
        if digits == 100_000_000_000_000_000 {
            digits = 10_000_000_000_000_000
            exponent10 += 1
        }
        var n = 0
        if bits >> 63 != 0 {
            out[0] = UInt8(ascii: "-")
            n = 1
        }
        let first = digits / 10_000_000_000_000_000
        let rest = digits &- first &* 10_000_000_000_000_000
        let upper = UInt32(truncatingIfNeeded: rest / 100_000_000)
        let wordHigh = eightDigits(upper)
        let wordLow = eightDigits(UInt32(truncatingIfNeeded: rest &- UInt64(upper) &* 100_000_000))
        // Trailing zero digits of the 16 after the first (the last digit is the top byte).
        let lowZeros = wordLow ^ 0x3030_3030_3030_3030
        let zeros = lowZeros != 0 ? lowZeros.leadingZeroBitCount >> 3
            : 8 + ((wordHigh ^ 0x3030_3030_3030_3030).leadingZeroBitCount >> 3)   // 16 when all are zeros
        let firstDigit = UInt8(truncatingIfNeeded: first) &+ UInt8(ascii: "0")
        if exponent10 < 0 && exponent10 >= -4 {
            // 0.000ddd: "0." and up to three zeros, then the digits.
            UnsafeMutableRawPointer(out + n).storeBytes(of: 0x3030_3030_3030_2e30, as: UInt64.self)
            let at = n + 1 - exponent10
            out[at] = firstDigit
            UnsafeMutableRawPointer(out + at + 1).storeBytes(of: wordHigh, as: UInt64.self)
            UnsafeMutableRawPointer(out + at + 9).storeBytes(of: wordLow, as: UInt64.self)
            return at + 17 - zeros
        }
        if exponent10 == 0 {
            out[n] = firstDigit
            out[n + 1] = UInt8(ascii: ".")
            UnsafeMutableRawPointer(out + n + 2).storeBytes(of: wordHigh, as: UInt64.self)
            UnsafeMutableRawPointer(out + n + 10).storeBytes(of: wordLow, as: UInt64.self)
            return zeros == 16 ? n + 1 : n + 18 - zeros
        }
        if exponent10 > 0 && exponent10 < 17 {
            // The integer digits, the point, the rest: the 17 digits one place to the right,
            // then the integer digits moved back over the gap.
            out[n + 1] = firstDigit
            UnsafeMutableRawPointer(out + n + 2).storeBytes(of: wordHigh, as: UInt64.self)
            UnsafeMutableRawPointer(out + n + 10).storeBytes(of: wordLow, as: UInt64.self)
            for i in 0...exponent10 { out[n + i] = out[n + 1 + i] }
            if exponent10 == 16 { return n + 17 }
            out[n + exponent10 + 1] = UInt8(ascii: ".")
            // Fraction digits: 16 - exponent10, of which `zeros` trailing ones (at most all).
            let fraction = 16 - exponent10
            return zeros >= fraction ? n + exponent10 + 1 : n + 18 - zeros
        }
        // d.ddde-XX (only exponents below -4 reach here, and not below -6).
        out[n] = firstDigit
        out[n + 1] = UInt8(ascii: ".")
        UnsafeMutableRawPointer(out + n + 2).storeBytes(of: wordHigh, as: UInt64.self)
        UnsafeMutableRawPointer(out + n + 10).storeBytes(of: wordLow, as: UInt64.self)
        var end = zeros == 16 ? n + 1 : n + 18 - zeros
        let e = -exponent10
        out[end] = UInt8(ascii: "e")
        out[end + 1] = UInt8(ascii: exponent10 < 0 ? "-" : "+")
        out[end + 2] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: abs(e) / 10)
        out[end + 3] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: abs(e) % 10)
        end += 4
        return end
    }


    /// `%.17g` of `value` as a String.
    public static func text(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 10^p for p in 0...22 as (high, low) 64-bit halves; a switch of constants, which the
    /// compiler makes a table in read-only memory (no lazy global to check on each call).
    @inline(__always)
    private static func powerOfTen(_ p: Int) -> (UInt64, UInt64) {
        switch p {
        case 0: return (0x0, 0x1)
        case 1: return (0x0, 0xa)
        case 2: return (0x0, 0x64)
        case 3: return (0x0, 0x3e8)
        case 4: return (0x0, 0x2710)
        case 5: return (0x0, 0x186a0)
        case 6: return (0x0, 0xf4240)
        case 7: return (0x0, 0x989680)
        case 8: return (0x0, 0x5f5e100)
        case 9: return (0x0, 0x3b9aca00)
        case 10: return (0x0, 0x2540be400)
        case 11: return (0x0, 0x174876e800)
        case 12: return (0x0, 0xe8d4a51000)
        case 13: return (0x0, 0x9184e72a000)
        case 14: return (0x0, 0x5af3107a4000)
        case 15: return (0x0, 0x38d7ea4c68000)
        case 16: return (0x0, 0x2386f26fc10000)
        case 17: return (0x0, 0x16345785d8a0000)
        case 18: return (0x0, 0xde0b6b3a7640000)
        case 19: return (0x0, 0x8ac7230489e80000)
        case 20: return (0x5, 0x6bc75e2d63100000)
        case 21: return (0x36, 0x35c9adc5dea00000)
        case 22: return (0x21e, 0x19e0c9bab2400000)
        default: return (0, 0)
        }
    }

    /// The 17 significant digits of `magnitude` (positive, normal) with `p` = 16 − exponent,
    /// rounded half to even; nil when p is out of the exact range.
    @inline(__always)
    private static func scaledDigits(_ magnitude: Double, p: Int) -> UInt64? {
        guard p >= 0 && p <= 22 else { return nil }
        let m = magnitude.significandBitPattern | (1 << 52)
        let e = Int(magnitude.exponentBitPattern) - 1075    // magnitude = m · 2^e (normal)
        let (powerHigh, powerLow) = powerOfTen(p)
        // X = m · 10^p in 128 bits: m < 2^53 and 10^p < 2^74, so X < 2^127.
        let (carry, low) = m.multipliedFullWidth(by: powerLow)
        let high = carry &+ m &* powerHigh
        if e >= 0 {
            // Only magnitudes ≥ 2^52 (p ≤ 1): X · 2^e is an integer, nothing to round.
            guard high == 0, e < 64, e == 0 || low >> (64 - e) == 0 else { return nil }
            return low << e
        }
        let shift = -e
        guard shift < 128 else { return nil }
        var quotient: UInt64
        let aboveHalf: Bool, isHalf: Bool
        if shift >= 64 {
            // X = high · 2^64 + low, divided by 2^(64 + s).
            let s = shift - 64
            quotient = high >> s
            if s == 0 {
                aboveHalf = low > 1 << 63
                isHalf = low == 1 << 63
            } else {
                let rest = high & ((1 << s) - 1)
                let half: UInt64 = 1 << (s - 1)
                aboveHalf = rest > half || (rest == half && low != 0)
                isHalf = rest == half && low == 0
            }
        } else {
            guard high >> shift == 0 else { return nil }
            quotient = (low >> shift) | (high << (64 - shift))
            let rest = low & ((1 << shift) - 1)
            let half: UInt64 = 1 << (shift - 1)
            aboveHalf = rest > half
            isHalf = rest == half
        }
        if aboveHalf || (isHalf && quotient & 1 == 1) { quotient += 1 }
        return quotient
    }

    /// The fast path; 0 when the value needs the C library.
    @inline(__always)
    private static func writeFast(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        guard value.isNormal else { return 0 }
        let magnitude = abs(value)
        // ⌊log10 v⌋ is ⌊e·log10(2)⌋ for v's binary exponent e, or one more; 78913 / 2^18 is
        // log10(2) closely enough for every exponent a double has.
        let binaryExponent = Int(magnitude.exponentBitPattern) - 1023
        var exponent10 = (binaryExponent * 78_913) >> 18
        guard var digits = scaledDigits(magnitude, p: 16 - exponent10) else { return 0 }
        if digits >= 100_000_000_000_000_000 {
            exponent10 += 1
            guard let fewer = scaledDigits(magnitude, p: 16 - exponent10) else { return 0 }
            digits = fewer
        }
        guard digits >= 10_000_000_000_000_000 && digits < 100_000_000_000_000_000 else { return 0 }
        var n = 0
        if value < 0 {
            out[0] = UInt8(ascii: "-")
            n = 1
        }
        // Layout: fixed notation for -4 ≤ exponent < 17, else d.ddde±XX, as %g; trailing zeros
        // of the fraction are dropped, and the point with them.
        if exponent10 >= 0 && exponent10 < 17 {
            // The 17 digits one place to the right, then the integer digits moved back over
            // the gap, which takes the point.
            writeSeventeenDigits(digits, to: out + n + 1)
            for i in 0...exponent10 { out[n + i] = out[n + 1 + i] }
            if exponent10 == 16 { return n + 17 }
            out[n + exponent10 + 1] = UInt8(ascii: ".")
            return trimmed(out, from: n + exponent10 + 1, to: n + 18)
        }
        if exponent10 < 0 && exponent10 >= -4 {
            out[n] = UInt8(ascii: "0")
            out[n + 1] = UInt8(ascii: ".")
            var p = n + 2
            for _ in 0..<(-exponent10 - 1) {
                out[p] = UInt8(ascii: "0")
                p += 1
            }
            writeSeventeenDigits(digits, to: out + p)
            return trimmed(out, from: n + 1, to: p + 17)
        }
        writeSeventeenDigits(digits, to: out + n + 1)
        out[n] = out[n + 1]
        out[n + 1] = UInt8(ascii: ".")
        var p = trimmed(out, from: n + 1, to: n + 18)
        out[p] = UInt8(ascii: "e")
        out[p + 1] = UInt8(ascii: exponent10 < 0 ? "-" : "+")
        let e = abs(exponent10)      // at most 22 on this path
        out[p + 2] = UInt8(ascii: "0") + UInt8(e / 10)
        out[p + 3] = UInt8(ascii: "0") + UInt8(e % 10)
        p += 4
        return p
    }

    /// The end of out[..<end] without the trailing zeros after the point at `point`, and
    /// without the point when nothing follows it.
    @inline(__always)
    private static func trimmed(_ out: UnsafeMutablePointer<UInt8>, from point: Int, to end: Int) -> Int {
        var end = end
        // Eight digits at a time while they are all zeros.
        while end - 8 > point, UnsafeRawPointer(out + end - 8).loadUnaligned(as: UInt64.self) == 0x3030_3030_3030_3030 {
            end -= 8
        }
        while end > point + 1 && out[end - 1] == UInt8(ascii: "0") { end -= 1 }
        return end == point + 1 ? point : end
    }

    /// The 17 decimal digits of `digits` (10^16 ≤ digits < 10^17) at `out`: the first, then
    /// two blocks of 8 computed in parallel in one 64-bit word each.
    @inline(__always)
    private static func writeSeventeenDigits(_ digits: UInt64, to out: UnsafeMutablePointer<UInt8>) {
        let first = digits / 10_000_000_000_000_000
        let rest = digits &- first &* 10_000_000_000_000_000
        out[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: first)
        let raw = UnsafeMutableRawPointer(out + 1)
        raw.storeBytes(of: eightDigits(UInt32(truncatingIfNeeded: rest / 100_000_000)), as: UInt64.self)
        (raw + 8).storeBytes(of: eightDigits(UInt32(truncatingIfNeeded: rest % 100_000_000)), as: UInt64.self)
    }

    /// The 8 ASCII digits of `x` < 10^8, first digit in the lowest byte: x split into two
    /// halves of 4 digits (32-bit lanes), each into 2 pairs (16-bit lanes), each pair into 2
    /// digits (8-bit lanes); a lane never overflows into the next.
    @inline(__always)
    private static func eightDigits(_ x: UInt32) -> UInt64 {
        let high = x / 10_000
        var v = UInt64(high) | UInt64(x &- high &* 10_000) << 32
        var q = ((v &* 5243) >> 19) & 0x0000_01FF_0000_01FF          // ⌊lane / 100⌋ for lanes < 10^4
        v = q | (v &- q &* 100) << 16
        q = ((v &* 103) >> 10) & 0x000F_000F_000F_000F               // ⌊lane / 10⌋ for lanes < 100
        v = q | (v &- q &* 10) << 8
        return v &+ 0x3030_3030_3030_3030
    }

    private static func writeC(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        for byte in formatC("%.17g", value).utf8.prefix(maxLength) {
            out[n] = byte
            n += 1
        }
        return n
    }
}
