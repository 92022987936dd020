/// Where a JSON string's bytes are: in the buffer (`range`), or decoded into the
/// scanner's `decoded` bytes when it had escapes.
struct JSONStringSpan {
    var range: Range<Int>
    var escaped: Bool
    var decodedCount: Int

    var count: Int { escaped ? decodedCount : range.count }
}

/// What the scanner expects next, for the message when it is not there. Messages are
/// built only when they are thrown: building them for every document cost more than the
/// parsing.
enum JSONExpected {
    case openingResults
    case afterQuery
    case queryID
    case colonAfterQuery
    case documentsOfQuery
    case documentID
    case colonAfterDocument(JSONStringSpan)
    case score(JSONStringSpan)
    case endOfDocuments
}

extension JSONScanner {
    /// The message text for `expected`; the query is `topic`, a document id the one
    /// `stringSpan` read last.
    func describe(_ expected: JSONExpected) -> String {
        switch expected {
        case .openingResults: return "'{' opening the results object"
        case .afterQuery: return "',' or '}' after the documents of a query"
        case .queryID: return "a query id"
        case .colonAfterQuery: return "':' after query id \"\(topic)\""
        case .documentsOfQuery: return "'{' opening the documents of query \"\(topic)\""
        case .documentID: return "a document id of query \"\(topic)\""
        case .colonAfterDocument(let docno): return "':' after document id \"\(text(of: docno))\""
        case .score(let docno): return "a numeric score for document \"\(text(of: docno))\" of query \"\(topic)\""
        case .endOfDocuments: return "',' or '}' in the documents of query \"\(topic)\""
        }
    }
}

// Tokens.
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

    @inline(__always)
    mutating func peekLine() -> Int {
        skipWhitespace()
        return line
    }

    @inline(__always)
    mutating func expect(_ byte: UInt8, _ what: JSONExpected) throws(InputError) {
        skipWhitespace()
        guard position < bytes.count else { throw error("the JSON ends early; expected \(describe(what))") }
        guard bytes[position] == byte else { throw error("expected \(describe(what)), found \(describeHere())") }
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
        if span.escaped { return String(decoding: decoded, as: UTF8.self) }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[span.range]), as: UTF8.self)
    }

    /// A JSON string, escapes decoded.
    mutating func string(_ what: JSONExpected) throws(InputError) -> String {
        let span = try stringSpan(what)
        return text(of: span)
    }

    /// A JSON string, escapes decoded into `decoded`; checked to be UTF-8.
    mutating func stringSpan(_ what: JSONExpected) throws(InputError) -> JSONStringSpan {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            throw error(position < bytes.count ? "expected \(describe(what)) (a string), found \(describeHere())"
                                               : "the JSON ends early; expected \(describe(what))")
        }
        position += 1
        let start = position
        var highBits: UInt8 = 0
        // Fast path: no escapes. Eight bytes at a time to the first that is not plain
        // ASCII, then byte by byte from there.
        while position + 8 <= bytes.count {
            let special = Self.specialBytes(bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            if special == 0 {
                position += 8
                continue
            }
            position += special.trailingZeroBitCount >> 3
            break
        }
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

    /// The high bit of each of the 8 bytes (in memory order, little-endian) that ends a
    /// string or needs a closer look: `"`, `\`, a control character, 0x80 and up. Bits
    /// above the lowest may be false alarms (a borrow); the lowest is exact.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let w = UInt64(littleEndian: word)
        func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quote = zeroByte(w ^ (ones &* 0x22))
        let backslash = zeroByte(w ^ (ones &* 0x5c))
        let control = (w &- ones &* 0x20) & ~w & highs
        return quote | backslash | control | (w & highs)
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
}
