import RevalCore

/// Reads BEIR's results format: one JSON object mapping each query id to an object that
/// maps document ids to scores, `{"q1": {"d7": 12.7, "d3": 11.6}, ...}`.
///
/// The JSON is read by a small byte-level parser (Foundation's decoder is about ten times
/// slower and loses error positions). Errors name the line and what was expected. Scores
/// are parsed as strtod would, so a score written with the same text as in a TREC run
/// gives the same double. A query with an empty object retrieved nothing and is left out.
/// A query id given twice is an error (Python's json keeps the last of the two, so
/// BEIR's own evaluation would see other documents than a reader that merges them); a
/// document given twice for a query is the duplicate trec_eval stops at (exit 4).
///
/// ```swift
/// let run = try BEIRResultsReader.read(path: "results.json")
/// ```
public enum BEIRResultsReader {
    public static func read(path: String, source: (any ByteSource)? = nil,
                            limits: TopicLimits = .standard) throws(InputError) -> Run {
        var input: any ByteSource
        if let source { input = source } else { input = try openInput(path) }
        let bytes = try readWholeInput(input)
        return try withRawBytes(bytes) { raw throws(InputError) in
            var parser = JSONScanner(raw, name: path, limits: limits)
            return try parser.parseResults()
        }
    }
}

/// A cursor over JSON bytes that knows its line, for the results shape only.
struct JSONScanner {
    let bytes: UnsafeRawBufferPointer
    let name: String
    let limits: TopicLimits
    var position = 0
    var line = 1

    init(_ bytes: UnsafeRawBufferPointer, name: String, limits: TopicLimits = .standard) {
        self.bytes = bytes
        self.name = name
        self.limits = limits
    }

    mutating func parseResults() throws(InputError) -> Run {
        var run = Run(source: name)
        run.tag = "beir"
        try expect(UInt8(ascii: "{"), "'{' opening the results object")
        var topicLines: [String: Int] = [:]
        if try !consumeIf(UInt8(ascii: "}")) {
            repeat {
                let topicLine = peekLine()
                let topic = try string("a query id")
                if let first = topicLines[topic] {
                    throw InputError(file: name, line: topicLine,
                                     message: "query id \"\(topic.excerpt)\" appears twice in the results object (also line \(first)); expected each query once")
                }
                topicLines[topic] = topicLine
                try expect(UInt8(ascii: ":"), "':' after query id \"\(topic)\"")
                try expect(UInt8(ascii: "{"), "'{' opening the documents of query \"\(topic)\"")
                var block = TopicRun(topic: topic)
                if try !consumeIf(UInt8(ascii: "}")) {
                    repeat {
                        let docLine = peekLine()
                        let docno = try string("a document id of query \"\(topic)\"")
                        try expect(UInt8(ascii: ":"), "':' after document id \"\(docno)\"")
                        let score = try number("a numeric score for document \"\(docno)\" of query \"\(topic)\"")
                        guard block.canAdd(documents: 1, docnoBytes: docno.utf8.count, within: limits) else {
                            throw .topicTooLarge(file: name, line: docLine, topic: topic, limits: limits)
                        }
                        var docnoCopy = docno
                        docnoCopy.withUTF8 { block.append(docno: UnsafeRawBufferPointer($0), score: score, line: docLine) }
                    } while try consumeIf(UInt8(ascii: ","))
                    try expect(UInt8(ascii: "}"), "',' or '}' in the documents of query \"\(topic)\"")
                }
                if block.count > 0 { run.append(block: block) }
            } while try consumeIf(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"), "',' or '}' after the documents of a query")
        }
        skipWhitespace()
        if position < bytes.count {
            throw error("unexpected text after the results object")
        }
        return run
    }

    func error(_ message: String) -> InputError {
        InputError(file: name, line: line, message: message)
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            let b = bytes[position]
            if b == 0x0a { line += 1 } else if b != 0x20 && b != 0x09 && b != 0x0d { return }
            position += 1
        }
    }

    mutating func peekLine() -> Int {
        skipWhitespace()
        return line
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(InputError) {
        skipWhitespace()
        guard position < bytes.count else { throw error("the JSON ends early; expected \(what)") }
        guard bytes[position] == byte else { throw error("expected \(what), found \(describeHere())") }
        position += 1
    }

    mutating func consumeIf(_ byte: UInt8) throws(InputError) -> Bool {
        skipWhitespace()
        if position < bytes.count && bytes[position] == byte {
            position += 1
            return true
        }
        return false
    }

    func describeHere() -> String {
        let end = min(bytes.count, position + 20)
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
        return "'\(text.split(separator: "\n").first.map(String.init) ?? text)'"
    }

    /// A JSON string, escapes decoded.
    mutating func string(_ what: String) throws(InputError) -> String {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            throw error(position < bytes.count ? "expected \(what) (a string), found \(describeHere())"
                                               : "the JSON ends early; expected \(what)")
        }
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < bytes.count && bytes[position] != UInt8(ascii: "\"") && bytes[position] != UInt8(ascii: "\\") {
            if bytes[position] < 0x20 { throw error("control character inside a string") }
            position += 1
        }
        guard position < bytes.count else { throw error("unterminated string") }
        if bytes[position] == UInt8(ascii: "\"") {
            position += 1
            return try validUTF8(UnsafeRawBufferPointer(rebasing: bytes[start..<(position - 1)]))
        }
        var decoded = Array(bytes[start..<position])
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                return try withRawBytes(decoded) { raw throws(InputError) in try validUTF8(raw) }
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
                decoded.append(contentsOf: Array(String(s).utf8))
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string")
            }
        }
        throw error("unterminated string")
    }

    mutating func hex4() throws(InputError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("truncated \\u escape") }
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

    func validUTF8(_ raw: UnsafeRawBufferPointer) throws(InputError) -> String {
        guard let s = String(validating: raw, as: UTF8.self) else {
            throw error("invalid UTF-8 in a string")
        }
        return s
    }

    /// A JSON number, parsed exactly.
    mutating func number(_ what: String) throws(InputError) -> Double {
        skipWhitespace()
        let start = position
        while position < bytes.count {
            let b = bytes[position]
            let isNumberByte = (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
            if !isNumberByte { break }
            position += 1
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
        guard !text.isEmpty, let value = NumberParsing.double(text), value.isFinite else {
            position = start
            throw error(position < bytes.count ? "expected \(what), found \(describeHere())"
                                               : "the JSON ends early; expected \(what)")
        }
        return value
    }
}
