// Scores: the usual `12.7731` in one pass, anything else as NumberParsing reads it.
extension JSONScanner {
    /// A JSON number, parsed exactly (as strtod would).
    @inline(__always)
    mutating func number(_ what: JSONExpected) throws(InputError) -> Double {
        skipWhitespace()
        if let value = plainDecimal() { return value }
        return try anyNumber(what)
    }

    /// `[-]digits[.digits]` followed by a byte that cannot continue a number, with at most
    /// 19 digits and a mantissa of at most 2^53: the value NumberParsing's exact fast path
    /// (Clinger's) gives the same text. nil, and nothing read, for anything else.
    @inline(__always)
    private mutating func plainDecimal() -> Double? {
        let n = bytes.count
        var p = position
        guard p < n else { return nil }
        let negative = bytes[p] == UInt8(ascii: "-")
        if negative { p += 1 }
        var mantissa: UInt64 = 0
        let integerStart = p
        while p < n, case let d = bytes[p] &- 0x30, d < 10 {
            mantissa = mantissa &* 10 &+ UInt64(d)
            p += 1
        }
        var digits = p - integerStart
        var scale = 0
        if p < n && bytes[p] == UInt8(ascii: ".") {
            p += 1
            let fractionStart = p
            while p < n, case let d = bytes[p] &- 0x30, d < 10 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                p += 1
            }
            guard p > fractionStart else { return nil }
            scale = fractionStart - p
            digits -= scale
        }
        guard p < n, digits > 0, digits <= 19, mantissa <= 1 << 53 else { return nil }
        let b = bytes[p]
        if (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
            || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { return nil }
        var value = Double(mantissa)
        if mantissa != 0 {
            guard scale >= -22 else { return nil }
            value = value / NumberParsing.exactPowerOfTen(-scale)
        }
        position = p
        return negative ? -value : value
    }

    /// Every number byte from here, parsed whole by NumberParsing.
    private mutating func anyNumber(_ what: JSONExpected) throws(InputError) -> Double {
        let start = position
        while true {
            guard position < bytes.count else {
                reachedEnd = true
                break
            }
            let b = bytes[position]
            let isNumberByte = (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
            if !isNumberByte { break }
            position += 1
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
        guard !text.isEmpty, let value = NumberParsing.double(text), value.isFinite else {
            position = start
            throw error(position < bytes.count ? "expected \(describe(what)), found \(describeHere())"
                                               : "the JSON ends early; expected \(describe(what))")
        }
        return value
    }
}
