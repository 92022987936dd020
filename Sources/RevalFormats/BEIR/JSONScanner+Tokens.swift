/// Where a JSON string's bytes are: in the buffer (`range`), or decoded into the
/// scanner's `decoded` bytes when it had escapes.
struct JSONStringSpan {
    var range: Range<Int>
    var escaped: Bool
    var decodedCount: Int

    var count: Int { escaped ? decodedCount : range.count }
}

// Tokens. Messages are built only when they are thrown (`@autoclosure`): building them
// for every document cost more than the parsing.
extension JSONScanner {
    func error(_ message: String) -> InputError {
        InputError(file: name, line: line, message: message)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            let b = bytes[position]
            if b == 0x0a { line += 1 } else if b != 0x20 && b != 0x09 && b != 0x0d { return }
            position += 1
        }
        reachedEnd = true
    }

    mutating func peekLine() -> Int {
        skipWhitespace()
        return line
    }

    @inline(__always)
    mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws(InputError) {
        skipWhitespace()
        guard position < bytes.count else { throw error("the JSON ends early; expected \(what())") }
        guard bytes[position] == byte else { throw error("expected \(what()), found \(describeHere())") }
        position += 1
    }

    @inline(__always)
    mutating func consumeIf(_ byte: UInt8) throws(InputError) -> Bool {
        skipWhitespace()
        if position < bytes.count && bytes[position] == byte {
            position += 1
            return true
        }
        return false
    }

    mutating func describeHere() -> String {
        if position + 20 > bytes.count { reachedEnd = true }
        let end = min(bytes.count, position + 20)
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
        return "'\(text.split(separator: "\n").first.map(String.init) ?? text)'"
    }

    /// The text of a string `stringSpan` read (valid UTF-8), for messages.
    func text(of span: JSONStringSpan) -> String {
        Self.text(of: span, in: bytes, decoded: decoded)
    }

    static func text(of span: JSONStringSpan, in bytes: UnsafeRawBufferPointer, decoded: [UInt8]) -> String {
        if span.escaped { return String(decoding: decoded, as: UTF8.self) }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[span.range]), as: UTF8.self)
    }

    /// A JSON string, escapes decoded.
    mutating func string(_ what: @autoclosure () -> String) throws(InputError) -> String {
        let span = try stringSpan(what())
        return text(of: span)
    }

    /// A JSON string, escapes decoded into `decoded`; checked to be UTF-8.
    mutating func stringSpan(_ what: @autoclosure () -> String) throws(InputError) -> JSONStringSpan {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            throw error(position < bytes.count ? "expected \(what()) (a string), found \(describeHere())"
                                               : "the JSON ends early; expected \(what())")
        }
        position += 1
        let start = position
        var highBits: UInt8 = 0
        // Fast path: no escapes.
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("control character inside a string") }
            highBits |= b
            position += 1
        }
        guard position < bytes.count else {
            reachedEnd = true
            throw error("unterminated string")
        }
        if bytes[position] == UInt8(ascii: "\"") {
            position += 1
            let range = start..<(position - 1)
            if highBits >= 0x80 { try checkUTF8(UnsafeRawBufferPointer(rebasing: bytes[range])) }
            return JSONStringSpan(range: range, escaped: false, decodedCount: 0)
        }
        decoded.removeAll(keepingCapacity: true)
        decoded.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
        try decodeEscapedRest()
        let valid = decoded.withUnsafeBytes { String(validating: $0, as: UTF8.self) != nil }
        if !valid { throw error("invalid UTF-8 in a string") }
        return JSONStringSpan(range: start..<(position - 1), escaped: true, decodedCount: decoded.count)
    }

    /// The rest of a string from its first backslash, into `decoded`, and its closing quote.
    private mutating func decodeEscapedRest() throws(InputError) {
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                return
            }
            if b < 0x20 { throw error("control character inside a string") }
            if b != UInt8(ascii: "\\") {
                decoded.append(b)
                position += 1
                continue
            }
            position += 1
            guard position < bytes.count else { break }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "\""): decoded.append(0x22)
            case UInt8(ascii: "\\"): decoded.append(0x5c)
            case UInt8(ascii: "/"): decoded.append(0x2f)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0c)
            case UInt8(ascii: "n"): decoded.append(0x0a)
            case UInt8(ascii: "r"): decoded.append(0x0d)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xd800..<0xdc00).contains(scalar) {
                    if position + 1 >= bytes.count { reachedEnd = true }
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                          bytes[position + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    position += 2
                    let low = try hex4()
                    guard (0xdc00..<0xe000).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xd800) << 10) + (low - 0xdc00)
                }
                guard let s = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                decoded.append(contentsOf: String(s).utf8)
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string")
            }
        }
        reachedEnd = true
        throw error("unterminated string")
    }

    private mutating func hex4() throws(InputError) -> UInt32 {
        guard position + 4 <= bytes.count else {
            reachedEnd = true
            throw error("truncated \\u escape")
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw error("invalid \\u escape")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    private func checkUTF8(_ raw: UnsafeRawBufferPointer) throws(InputError) {
        guard String(validating: raw, as: UTF8.self) != nil else {
            throw error("invalid UTF-8 in a string")
        }
    }

    /// A JSON number, parsed exactly (as strtod would).
    @inline(__always)
    mutating func number(_ what: @autoclosure () -> String) throws(InputError) -> Double {
        skipWhitespace()
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
            throw error(position < bytes.count ? "expected \(what()), found \(describeHere())"
                                               : "the JSON ends early; expected \(what())")
        }
        return value
    }
}
