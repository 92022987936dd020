import RevalCore

/// C's `printf("%.17g", value)`, exactly, appended as bytes: 17 significant digits, which
/// is enough for every double to read back as itself.
///
/// printf rounds the exact binary value half to even. Here the exact value is
/// m·2^e (m < 2^53) and its 17 leading digits are ⌊m·10^p / 2^-e⌉ for p = 16 − ⌊log10 v⌋,
/// computed in 128-bit integers, so the rounding is decided exactly. That covers every
/// value with 1e-6 ≤ |v| < 1e17 (p from 0 to 22); anything else (tiny, huge, zero,
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
        let n = writeFast(value, to: out)
        return n > 0 ? n : writeC(value, to: out)
    }

    /// `%.17g` of `value` as a String.
    public static func text(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 10^0 ... 10^22 as (high, low) 64-bit halves.
    private static let powersOfTen: [(UInt64, UInt64)] = {
        var result: [(UInt64, UInt64)] = []
        var high: UInt64 = 0, low: UInt64 = 1
        for _ in 0...22 {
            result.append((high, low))
            let (lowHigh, lowLow) = low.multipliedFullWidth(by: 10)
            high = high &* 10 &+ lowHigh
            low = lowLow
        }
        return result
    }()

    /// The 17 significant digits of `magnitude` (positive, normal) with `p` = 16 − exponent,
    /// rounded half to even; nil when p is out of the exact range.
    @inline(__always)
    private static func scaledDigits(_ magnitude: Double, p: Int) -> UInt64? {
        guard p >= 0 && p <= 22 else { return nil }
        let m = magnitude.significandBitPattern | (1 << 52)
        let e = Int(magnitude.exponentBitPattern) - 1075    // magnitude = m · 2^e (normal)
        let (powerHigh, powerLow) = powersOfTen[p]
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
