#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RevalCore
import RevalFormats

/// Reads query embeddings as JSON Lines: `{"id": "q1", "vector": [0.12, -0.5, ...]}` per
/// line.
///
/// `id` (or `_id`) is a string or an integer; `vector` an array of numbers, read as 32-bit
/// floats (each rounded once, by `strtof`); other members are skipped. Every vector must have
/// the first one's length; an id may occur once. Blank lines are skipped; anything else that
/// is not such an object is an error at its line.
///
/// ```swift
/// let train = try EmbeddingsJSONLReader.read(path: "train.embeddings.jsonl")
/// train.dimension   // 384
/// ```
public enum EmbeddingsJSONLReader {
    public static func read(path: String) throws(InputError) -> EmbeddingMatrix {
        var lines = LineReader(try openInput(path), name: path)
        return try read(&lines, name: path)
    }

    public static func parse(bytes: [UInt8], name: String) throws(InputError) -> EmbeddingMatrix {
        var lines = LineReader(try openInput(MemorySource(bytes), name: name), name: name)
        return try read(&lines, name: name)
    }

    static func read(_ lines: inout LineReader, name: String) throws(InputError) -> EmbeddingMatrix {
        var matrix: EmbeddingMatrix?
        var firstLine = 0
        var seen: [String: Int] = [:]
        var vector: [Float] = []
        try lines.forEachLine { line, number throws(InputError) in
            var scanner = JSONScanner(bytes: line, file: name, line: number)
            scanner.skipSpace()
            if scanner.atEnd { return }
            vector.removeAll(keepingCapacity: true)
            let id = try scanner.embeddingObject(into: &vector)
            if let previous = seen[id] {
                throw InputError(file: name, line: number, message: "id '\(id)' has a vector already (line \(previous)); expected each id once")
            }
            seen[id] = number
            guard let dimension = matrix?.dimension ?? (vector.isEmpty ? nil : vector.count) else {
                throw InputError(file: name, line: number, message: "empty \"vector\"; expected at least one number")
            }
            if matrix == nil { firstLine = number }
            guard vector.count == dimension else {
                throw InputError(file: name, line: number,
                                 message: "vector of '\(id)' has \(vector.count) numbers; expected \(dimension) as on line \(firstLine)")
            }
            if matrix == nil { matrix = EmbeddingMatrix(dimension: dimension) }
            matrix?.append(id: id, vector: vector, line: number)
        }
        guard let matrix else {
            throw InputError(file: name, message: "no vectors: the file is empty; expected {\"id\": ..., \"vector\": [...]} per line")
        }
        return matrix
    }
}

/// Just enough JSON for one embedding object per line, located for messages.
struct JSONScanner {
    let bytes: UnsafeRawBufferPointer
    let file: String
    let line: Int
    var position = 0

    init(bytes: UnsafeRawBufferPointer, file: String, line: Int) {
        self.bytes = bytes
        self.file = file
        self.line = line
    }

    var atEnd: Bool { position >= bytes.count }

    func failure(_ message: String) -> InputError {
        InputError(file: file, line: line, message: "column \(position + 1): \(message)")
    }

    mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0d, 0x0a].contains(bytes[position]) { position += 1 }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(InputError) {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { throw failure("expected \(what)") }
        position += 1
    }

    /// Peeks past whitespace at the next byte.
    mutating func next() -> UInt8? {
        skipSpace()
        return position < bytes.count ? bytes[position] : nil
    }

    /// `{"id": ..., "vector": [...], ...}`; returns the id and fills `vector`.
    mutating func embeddingObject(into vector: inout [Float]) throws(InputError) -> String {
        try expect(UInt8(ascii: "{"), "'{' opening an object {\"id\": ..., \"vector\": [...]}")
        var id: String?
        var sawVector = false
        if next() == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                let key = try string()
                try expect(UInt8(ascii: ":"), "':' after a member name")
                switch key {
                case "id", "_id":
                    id = try identifier()
                case "vector":
                    try numbers(into: &vector)
                    sawVector = true
                default:
                    try skipValue(depth: 0)
                }
                guard let c = next() else { throw failure("expected ',' or '}'") }
                position += 1
                if c == UInt8(ascii: "}") { break }
                guard c == UInt8(ascii: ",") else {
                    position -= 1
                    throw failure("expected ',' or '}'")
                }
            }
        }
        skipSpace()
        guard atEnd else { throw failure("text after the object; expected one object per line") }
        guard let id, !id.isEmpty else { throw InputError(file: file, line: line, message: "no \"id\"; expected {\"id\": ..., \"vector\": [...]}") }
        guard sawVector else { throw InputError(file: file, line: line, message: "no \"vector\" for '\(id)'; expected {\"id\": ..., \"vector\": [...]}") }
        return id
    }

    mutating func identifier() throws(InputError) -> String {
        if next() == UInt8(ascii: "\"") { return try string() }
        let start = position
        while position < bytes.count, (bytes[position] >= 0x30 && bytes[position] <= 0x39) || bytes[position] == UInt8(ascii: "-") {
            position += 1
        }
        guard position > start else { throw failure("\"id\" must be a string or an integer") }
        return String(rawBytes: UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
    }

    mutating func numbers(into vector: inout [Float]) throws(InputError) {
        try expect(UInt8(ascii: "["), "'[' opening the vector")
        if next() == UInt8(ascii: "]") {
            position += 1
            return
        }
        var token = [CChar](repeating: 0, count: 72)
        while true {
            skipSpace()
            let start = position
            while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
            let length = position - start
            guard length > 0, length < token.count, bytes[start] == UInt8(ascii: "-") || (bytes[start] >= 0x30 && bytes[start] <= 0x39) else {
                position = start
                throw failure("expected a number in the vector")
            }
            for i in 0..<length { token[i] = CChar(bitPattern: bytes[start + i]) }
            token[length] = 0
            var parsed: Float = 0
            var consumed = 0
            token.withUnsafeBufferPointer { p in
                var end: UnsafeMutablePointer<CChar>?
                parsed = strtof(p.baseAddress!, &end)
                consumed = end.map { UnsafePointer($0) - p.baseAddress! } ?? 0
            }
            guard consumed == length, parsed.isFinite else {
                position = start
                throw failure("'\(String(rawBytes: UnsafeRawBufferPointer(rebasing: bytes[start..<start + length])))' is not a finite number")
            }
            vector.append(parsed)
            guard let c = next() else { throw failure("expected ',' or ']' in the vector") }
            position += 1
            if c == UInt8(ascii: "]") { return }
            guard c == UInt8(ascii: ",") else {
                position -= 1
                throw failure("expected ',' or ']' in the vector")
            }
        }
    }

    static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
            || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }

    /// A JSON string, escapes decoded.
    mutating func string() throws(InputError) -> String {
        try expect(UInt8(ascii: "\""), "a string in double quotes")
        var out: [UInt8] = []
        while position < bytes.count {
            let b = bytes[position]
            position += 1
            if b == UInt8(ascii: "\"") { return String(rawBytes: out) }
            guard b == UInt8(ascii: "\\") else {
                guard b >= 0x20 else { throw failure("control character in a string") }
                out.append(b)
                continue
            }
            guard position < bytes.count else { break }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0c)
            case UInt8(ascii: "n"): out.append(0x0a)
            case UInt8(ascii: "r"): out.append(0x0d)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if code >= 0xd800 && code < 0xdc00, position + 1 < bytes.count,
                   bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                    position += 2
                    let low = try hex4()
                    guard low >= 0xdc00 && low < 0xe000 else { throw failure("unpaired surrogate in \\u escape") }
                    code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("invalid \\u escape") }
                out.append(contentsOf: Array(String(scalar).utf8))
            default:
                throw failure("unknown escape '\\\(Character(Unicode.Scalar(e)))'")
            }
        }
        throw failure("string without its closing quote")
    }

    mutating func hex4() throws(InputError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            position += 1
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw failure("invalid \\u escape")
            }
            value = value * 16 + digit
        }
        return value
    }

    /// Skips any JSON value (members the reader does not use).
    mutating func skipValue(depth: Int) throws(InputError) {
        guard depth < 64 else { throw failure("values nested more than 64 deep") }
        guard let c = next() else { throw failure("expected a value") }
        switch c {
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            position += 1
            if next() == close {
                position += 1
                return
            }
            while true {
                if c == UInt8(ascii: "{") {
                    _ = try string()
                    try expect(UInt8(ascii: ":"), "':' after a member name")
                }
                try skipValue(depth: depth + 1)
                guard let d = next() else { throw failure("unclosed \(c == UInt8(ascii: "{") ? "object" : "array")") }
                position += 1
                if d == close { return }
                guard d == UInt8(ascii: ",") else {
                    position -= 1
                    throw failure("expected ',' or '\(Character(Unicode.Scalar(close)))'")
                }
            }
        default:
            let start = position
            while position < bytes.count, Self.isNumberByte(bytes[position]) || (bytes[position] >= 0x61 && bytes[position] <= 0x7a) {
                position += 1
            }
            guard position > start else { throw failure("expected a value") }
        }
    }
}
