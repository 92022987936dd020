/// Text and attribute values in XML 1.0 (JUnit reports).
///
/// Both escape `&`, `<`, `>`, `"` and `'` as entities. In an attribute, TAB, LF and CR are
/// written as character references (`&#9;`, `&#10;`, `&#13;`), since a parser would
/// otherwise turn each into a space; in text LF and TAB stay and CR becomes `&#13;` (a
/// parser turns a bare CR into LF). The other C0 controls and U+FFFE, U+FFFF are not XML
/// characters at all, even as references: they are dropped.
///
/// ```swift
/// XMLEscape.attribute("a\"b\tc")   // "a&quot;b&#9;c"
/// XMLEscape.text("x < y\u{1}")     // "x &lt; y"
/// ```
public enum XMLEscape {
    public static func attribute(_ text: String) -> String { escape(text, inAttribute: true) }

    public static func text(_ text: String) -> String { escape(text, inAttribute: false) }

    static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += inAttribute ? "&#9;" : "\t"
            case "\n": out += inAttribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
