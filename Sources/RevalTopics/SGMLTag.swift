/// A tag as the TREC SGML topic reader sees one: `<name>` or `</name>`, a name of a letter
/// then letters, digits, `_`, `-` or `.`, optional spaces or TABs, then `>`. Any other `<`
/// (`a < b`, `x<3`) is text. The writer uses the same rule to refuse texts that would read
/// back as tags.
struct SGMLTag: Equatable {
    /// The name in lower case (tags are case-blind).
    var name: String
    var closing: Bool
    /// The offset just past the `>`.
    var end: Int

    /// The tag starting at `bytes[start]` (a `<`), or nil when that `<` starts no tag.
    static func parse(_ bytes: [UInt8], at start: Int) -> SGMLTag? {
        var i = start + 1
        let closing = i < bytes.count && bytes[i] == UInt8(ascii: "/")
        if closing { i += 1 }
        let nameStart = i
        while i < bytes.count, isNameByte(bytes[i], first: i == nameStart) { i += 1 }
        guard i > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<i].map(TopicText.lowercased), as: UTF8.self)
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { return nil }
        return SGMLTag(name: name, closing: closing, end: i + 1)
    }

    static func isNameByte(_ b: UInt8, first: Bool) -> Bool {
        let letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a
        if first { return letter }
        return letter || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
            || b == UInt8(ascii: ".")
    }

    /// Whether `name` can be a tag's name.
    static func isName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return !bytes.isEmpty && bytes.indices.allSatisfy { isNameByte(bytes[$0], first: $0 == 0) }
    }

    /// The first tag in `bytes`, if any.
    static func first(in bytes: [UInt8]) -> SGMLTag? {
        var i = 0
        while let open = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            if let tag = parse(bytes, at: open) { return tag }
            i = open + 1
        }
        return nil
    }
}
