/// A JSON string literal (RFC 8259), quotes included: `"` and `\` escaped, the C0 controls
/// as `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`, and U+2028/U+2029 as `\u2028`/`\u2029`
/// (so the text is also safe inside a `<script>` block). Everything else is written as
/// UTF-8.
///
/// ```swift
/// JSONEscape.quoted("a\"b\nc")   // "\"a\\\"b\\nc\""
/// ```
public enum JSONEscape {
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
