import RevalCore
import RevalFormats

/// The document type declaration of an XML topic file, checked and removed before the XML
/// parser sees the bytes.
///
/// Why: topic files need neither entities nor a DTD, and libxml2 never has to decide what a
/// declared entity means, or apply a DTD's default attributes, if it never sees one. (Before
/// reval parsed with libxml2 itself, FoundationXML dropped the text of declared entities and
/// crashed on `<!ATTLIST … #REQUIRED>`, which the Web track files have.) So:
/// - a DOCTYPE that declares any `<!ENTITY` (general or parameter) is an error: nothing can
///   expand, however nested, and no local file or URL is ever read;
/// - a DOCTYPE with an external DTD (`SYSTEM` or `PUBLIC`) is an error;
/// - any other DOCTYPE (element and attribute declarations, comments) is blanked out with
///   spaces, keeping its line breaks so later line numbers stay right.
enum XMLDoctype {
    /// `bytes` with the DOCTYPE (if any) replaced by spaces.
    static func removingDoctype(_ bytes: [UInt8], file: String) throws(InputError) -> [UInt8] {
        var out = bytes
        if let range = try doctypeRange(bytes, file: file) {
            for i in range where out[i] != 0x0a && out[i] != 0x0d { out[i] = 0x20 }
        }
        // Whatever DTD markup is left (a DOCTYPE the prolog scan did not reach, say after a
        // malformed XML declaration) would reach libxml2: refuse it, so that no DTD is ever
        // parsed. Processing instructions: topic files have none but the XML declaration,
        // which must come first; anything else is refused too (it once crashed FoundationXML,
        // and a topic file that has one is not what this reader knows).
        var searchFrom = 0
        let start = out.starts(with: [0xef, 0xbb, 0xbf]) ? 3 : 0
        if out[start...].starts(with: Array("<?xml".utf8)), out.count > start + 5, isCSpace(out[start + 5]) {
            searchFrom = start + 5
        }
        if let offset = firstOffset(of: "<?", in: Array(out[searchFrom...])).map({ $0 + searchFrom }) {
            throw InputError(file: file, line: TopicText.line(at: offset, in: bytes),
                             message: "a processing instruction (<?...?>) other than the XML declaration at the start; expected XML topics")
        }
        for marker in ["<!DOCTYPE", "<!ENTITY", "<!ATTLIST", "<!ELEMENT", "<!NOTATION"] {
            if let offset = firstOffset(of: marker, in: out) {
                throw InputError(file: file, line: TopicText.line(at: offset, in: bytes),
                                 message: "DTD markup (\(marker)) outside a DOCTYPE at the start of the file; expected XML topics")
            }
        }
        return out
    }

    private static func firstOffset(of text: String, in bytes: [UInt8]) -> Int? {
        let t = Array(text.utf8)
        var i = 0
        while i + t.count <= bytes.count {
            if bytes[i] == t[0] && bytes[i..<(i + t.count)].elementsEqual(t) { return i }
            i += 1
        }
        return nil
    }

    /// Where the DOCTYPE is: it can only follow the XML declaration, comments, processing
    /// instructions and whitespace at the start (the prolog).
    static func doctypeRange(_ bytes: [UInt8], file: String) throws(InputError) -> Range<Int>? {
        var i = bytes.starts(with: [0xef, 0xbb, 0xbf]) ? 3 : 0
        while i < bytes.count {
            if isCSpace(bytes[i]) {
                i += 1
            } else if matches("<?", bytes, at: i) {
                i = end(of: "?>", bytes, from: i + 2)
            } else if matches("<!--", bytes, at: i) {
                i = end(of: "-->", bytes, from: i + 4)
            } else if matches("<!DOCTYPE", bytes, at: i) {
                return try declaration(bytes, from: i, file: file)
            } else {
                return nil
            }
        }
        return nil
    }

    /// The extent of the DOCTYPE starting at `start`, rejecting entities and external DTDs.
    private static func declaration(_ bytes: [UInt8], from start: Int, file: String) throws(InputError) -> Range<Int> {
        func failure(_ message: String, at offset: Int) -> InputError {
            InputError(file: file, line: TopicText.line(at: offset, in: bytes), message: message)
        }
        var i = start + "<!DOCTYPE".utf8.count
        var inSubset = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                i = (bytes[(i + 1)...].firstIndex(of: b) ?? bytes.count) + 1
                continue
            }
            if matches("<!--", bytes, at: i) {
                i = end(of: "-->", bytes, from: i + 4)
                continue
            }
            if inSubset && matches("<!ENTITY", bytes, at: i) {
                throw failure("the DTD declares an entity; entities are not allowed in topic files", at: i)
            }
            if !inSubset && (matches("SYSTEM", bytes, at: i) || matches("PUBLIC", bytes, at: i)) {
                throw failure("the DOCTYPE names an external DTD; external DTDs are not read", at: i)
            }
            if b == UInt8(ascii: "[") && !inSubset { inSubset = true }
            if b == UInt8(ascii: "]") && inSubset { inSubset = false }
            if b == UInt8(ascii: ">") && !inSubset { return start..<(i + 1) }
            i += 1
        }
        throw failure("the DOCTYPE declaration is not closed", at: start)
    }

    private static func matches(_ text: String, _ bytes: [UInt8], at i: Int) -> Bool {
        bytes[i...].starts(with: text.utf8)
    }

    /// The offset just past the first `terminator` at or after `from` (the end if none).
    private static func end(of terminator: String, _ bytes: [UInt8], from: Int) -> Int {
        let t = Array(terminator.utf8)
        var i = from
        while i + t.count <= bytes.count {
            if bytes[i..<(i + t.count)].elementsEqual(t) { return i + t.count }
            i += 1
        }
        return bytes.count
    }
}
