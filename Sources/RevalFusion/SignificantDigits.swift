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

    private static let twoDigits: [UInt8] = {
        var table: [UInt8] = []
        for n in 0..<100 {
            table.append(UInt8(ascii: "0") + UInt8(n / 10))
            table.append(UInt8(ascii: "0") + UInt8(n % 10))
        }
        return table
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
        // The 17 digits, most significant first, in a stack buffer.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 17) { text -> Int in
            var rest = digits
            var position = 17
            twoDigits.withUnsafeBufferPointer { pairs in
                while position > 1 {
                    let pair = Int(rest % 100)
                    rest /= 100
                    position -= 2
                    text[position] = pairs[2 * pair]
                    text[position + 1] = pairs[2 * pair + 1]
                }
            }
            text[0] = UInt8(ascii: "0") + UInt8(rest)
            var last = 16
            while last > 0 && text[last] == UInt8(ascii: "0") { last -= 1 }
            @inline(__always) func put(_ byte: UInt8) {
                out[n] = byte
                n += 1
            }
            if exponent10 >= -4 && exponent10 < 17 {
                if exponent10 >= 0 {
                    for i in 0...exponent10 { put(text[i]) }
                    if last > exponent10 {
                        put(UInt8(ascii: "."))
                        for i in (exponent10 + 1)...last { put(text[i]) }
                    }
                } else {
                    put(UInt8(ascii: "0"))
                    put(UInt8(ascii: "."))
                    for _ in 0..<(-exponent10 - 1) { put(UInt8(ascii: "0")) }
                    for i in 0...last { put(text[i]) }
                }
            } else {
                put(text[0])
                if last > 0 {
                    put(UInt8(ascii: "."))
                    for i in 1...last { put(text[i]) }
                }
                put(UInt8(ascii: "e"))
                put(UInt8(ascii: exponent10 < 0 ? "-" : "+"))
                let e = abs(exponent10)      // at most 22 on this path
                put(UInt8(ascii: "0") + UInt8(e / 10))
                put(UInt8(ascii: "0") + UInt8(e % 10))
            }
            return n
        }
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
