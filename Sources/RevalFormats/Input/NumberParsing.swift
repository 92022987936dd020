#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal text to numbers, without allocating.
enum NumberParsing {
    /// 10^k for 0 <= k <= 22, all exactly representable.
    @inline(__always)
    static func exactPowerOfTen(_ k: Int) -> Double {
        switch k {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    /// Parses a whole field as a double, exactly as strtod rounds it. Plain decimals of up
    /// to 15 significant digits take a fast exact path (Clinger's); anything else
    /// (more digits, large exponents, hex, inf) goes through strtod. Returns nil when the
    /// field is not entirely a number.
    static func double(_ field: UnsafeRawBufferPointer) -> Double? {
        if let fast = fastDouble(field) { return fast }
        return strtodWhole(field)
    }

    /// Clinger's fast path: `[sign] digits [. digits] [e [sign] digits]` with a mantissa
    /// of at most 2^53 and a power of ten of at most 22 is exact in one multiplication or
    /// division. Anything else returns nil (and goes to strtod).
    private static func fastDouble(_ s: UnsafeRawBufferPointer) -> Double? {
        guard let start = s.baseAddress?.assumingMemoryBound(to: UInt8.self), s.count > 0 else { return nil }
        let end = start + s.count
        var p = start
        let negative = p.pointee == UInt8(ascii: "-")
        if negative || p.pointee == UInt8(ascii: "+") { p += 1 }
        var mantissa: UInt64 = 0
        let integerStart = p
        while p < end, case let d = p.pointee &- 0x30, d < 10 {
            mantissa = mantissa &* 10 &+ UInt64(d)
            p += 1
        }
        var digits = p - integerStart
        var scale = 0
        if p < end && p.pointee == UInt8(ascii: ".") {
            p += 1
            let fractionStart = p
            while p < end, case let d = p.pointee &- 0x30, d < 10 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                p += 1
            }
            scale = fractionStart - p
            digits -= scale
        }
        guard digits > 0, digits <= 19, mantissa <= 1 << 53 else { return nil }
        if p < end && (p.pointee | 0x20) == UInt8(ascii: "e") {
            p += 1
            var expNegative = false
            if p < end && (p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+")) {
                expNegative = p.pointee == UInt8(ascii: "-")
                p += 1
            }
            let exponentStart = p
            var exponent = 0
            while p < end, case let d = p.pointee &- 0x30, d < 10, p - exponentStart < 6 {
                exponent = exponent * 10 + Int(d)
                p += 1
            }
            guard p > exponentStart else { return nil }
            scale += expNegative ? -exponent : exponent
        }
        guard p == end else { return nil }
        var value = Double(mantissa)
        if mantissa != 0 {
            guard scale >= -22 && scale <= 22 else { return nil }
            value = scale < 0 ? value / exactPowerOfTen(-scale) : value * exactPowerOfTen(scale)
        }
        return negative ? -value : value
    }

    private static func strtodWhole(_ field: UnsafeRawBufferPointer) -> Double? {
        guard field.count > 0, field.count < 4096 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: field.count + 1) { buffer in
            field.withMemoryRebound(to: CChar.self) { src in
                _ = buffer.initialize(from: src)
            }
            buffer[field.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end - buffer.baseAddress! == field.count else { return nil }
            return value
        }
    }

    /// Parses a whole field as an integer: an optional sign and digits, optionally followed
    /// by a fraction of zeros ("2.0"). Returns nil otherwise or on overflow.
    static func integer(_ s: UnsafeRawBufferPointer) -> Int? {
        let n = s.count
        var i = 0
        var negative = false
        if i < n && (s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+")) {
            negative = s[i] == UInt8(ascii: "-")
            i += 1
        }
        var value = 0
        let digitsStart = i
        while i < n, s[i] >= 0x30 && s[i] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(s[i] - 0x30))
            if o1 || o2 { return nil }
            value = a
            i += 1
        }
        guard i > digitsStart else { return nil }
        if i < n && s[i] == UInt8(ascii: ".") {
            i += 1
            while i < n && s[i] == 0x30 { i += 1 }
        }
        guard i == n else { return nil }
        return negative ? -value : value
    }
}
