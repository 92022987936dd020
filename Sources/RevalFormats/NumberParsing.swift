#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal text to numbers, without allocating.
enum NumberParsing {
    private static let exactPowersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// Parses a whole field as a double, exactly as strtod rounds it. Plain decimals of up
    /// to 15 significant digits take a fast exact path (Clinger's); anything else
    /// (more digits, large exponents, hex, inf) goes through strtod. Returns nil when the
    /// field is not entirely a number.
    static func double(_ field: UnsafeRawBufferPointer) -> Double? {
        if let fast = fastDouble(field) { return fast }
        return strtodWhole(field)
    }

    private static func fastDouble(_ s: UnsafeRawBufferPointer) -> Double? {
        let n = s.count
        var i = 0
        var negative = false
        if i < n && (s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+")) {
            negative = s[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var sawDigit = false
        while i < n, s[i] >= 0x30 && s[i] <= 0x39 {
            sawDigit = true
            if mantissa != 0 || s[i] != 0x30 { digits += 1 }
            mantissa = mantissa &* 10 &+ UInt64(s[i] - 0x30)
            i += 1
        }
        if i < n && s[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, s[i] >= 0x30 && s[i] <= 0x39 {
                sawDigit = true
                if mantissa != 0 || s[i] != 0x30 { digits += 1 }
                mantissa = mantissa &* 10 &+ UInt64(s[i] - 0x30)
                scale -= 1
                i += 1
            }
        }
        guard sawDigit, digits <= 15 else { return nil }
        if i < n && (s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E")) {
            i += 1
            var expNegative = false
            if i < n && (s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+")) {
                expNegative = s[i] == UInt8(ascii: "-")
                i += 1
            }
            var exponent = 0
            var expDigits = 0
            while i < n, s[i] >= 0x30 && s[i] <= 0x39, expDigits < 6 {
                exponent = exponent * 10 + Int(s[i] - 0x30)
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            scale += expNegative ? -exponent : exponent
        }
        guard i == n else { return nil }
        var value = Double(mantissa)
        if mantissa != 0 {
            guard scale >= -22 && scale <= 22 else { return nil }
            value = scale < 0 ? value / exactPowersOfTen[-scale] : value * exactPowersOfTen[scale]
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
