/// JSON text for every JSON reval writes (evaluations, BEIR files, reports, comparisons,
/// splits, costs): one escape, so that a string is written the same way in all of them.
///
/// A string literal (RFC 8259), quotes included: `"` and `\` escaped, the C0 controls as
/// `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`, DEL as `\u007f`, and U+2028/U+2029 as
/// `\u2028`/`\u2029` (so the text is also safe inside a `<script>` block). Everything else
/// is written as UTF-8.
///
/// ```swift
/// JSONEscape.quoted("a\"b\nc")   // "\"a\\\"b\\nc\""
/// JSONEscape.number(0.1)         // "0.1"
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
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A number at full precision (the shortest decimal that reads back as the same double),
    /// or `null` for a missing or non-finite value.
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return "\(value)"
    }
}
