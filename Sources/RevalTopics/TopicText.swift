import RevalCore
import RevalFormats

/// Byte-level pieces the four topic readers share. Topic files are small (the largest common
/// one, MS MARCO's training queries, is 40 MB), so every reader works on the whole file in
/// memory.
enum TopicText {
    /// The bytes as text with every run of whitespace (C isspace: space, \t, \n, \v, \f, \r)
    /// made one space, and none at either end. The bytes must be valid UTF-8.
    static func collapsed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        for b in bytes {
            if isCSpace(b) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func collapsed(_ text: String) -> String {
        collapsed(text.utf8)
    }

    /// `text` without a leading `prefix` (ASCII, any case) and the spaces after it.
    static func dropping(prefix: String, from text: String) -> String {
        let head = text.utf8.prefix(prefix.utf8.count)
        guard head.count == prefix.utf8.count,
              zip(head, prefix.utf8).allSatisfy({ lowercased($0) == lowercased($1) })
        else { return text }
        return String(decoding: text.utf8.dropFirst(prefix.utf8.count).drop { $0 == 0x20 }, as: UTF8.self)
    }

    static func lowercased(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5a ? b + 0x20 : b
    }

    /// The offset of the first byte that is not part of valid UTF-8 (overlong forms and
    /// surrogates are invalid), or nil when all of `bytes` is valid.
    static func firstInvalidUTF8<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The 1-based line that holds byte `offset`.
    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $1 == 0x0a ? $0 + 1 : $0 }
    }

    /// Throws, naming the line, when `bytes` is not valid UTF-8 or holds a NUL byte (binary
    /// data, as in runs and qrels; libxml2 would guess a UTF-16 or UCS-4 file from NULs).
    static func requireText(_ bytes: [UInt8], file: String) throws(InputError) {
        if let nul = bytes.firstIndex(of: 0) {
            let lineStart = bytes[..<nul].lastIndex(of: 0x0a).map { $0 + 1 } ?? 0
            throw InputError.nulByte(file: file, line: line(at: nul, in: bytes), column: nul - lineStart + 1)
        }
        if let bad = firstInvalidUTF8(bytes) {
            throw InputError(file: file, line: line(at: bad, in: bytes), message: "not valid UTF-8")
        }
    }

    /// Calls `body` with each line (without its "\n", nor the "\r" of a CRLF) and its
    /// 1-based number. A final line without "\n" counts; nothing follows a final "\n".
    static func forEachLine(
        _ bytes: [UInt8], _ body: (ArraySlice<UInt8>, Int) throws(InputError) -> Void
    ) throws(InputError) {
        var start = 0
        var number = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0a) ?? bytes.count
            var line = bytes[start..<end]
            if line.last == 0x0d { line = line.dropLast() }
            number += 1
            try body(line, number)
            start = end + 1
        }
    }

    /// `bytes` without a leading UTF-8 byte order mark.
    static func withoutBOM(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xef, 0xbb, 0xbf]) ? Array(bytes.dropFirst(3)) : bytes
    }

    static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy(isCSpace)
    }
}
