/// The one escape function per output format that split reports need.
enum TextEscaping {
    /// A JSON string literal.
    static func json(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A JSON number at full precision (the shortest decimal that reads back the same), or
    /// `null` for nil, NaN and infinities.
    static func json(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return "\(value)"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csv(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = "\""
        for c in s { out += c == "\"" ? "\"\"" : String(c) }
        return out + "\""
    }

    /// Text for a Markdown table cell: `|` and `\` escaped, line breaks and other controls
    /// as spaces, so a cell can never end the row or the table.
    static func markdown(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "`", "*", "<", ">", "[", "]": out += "\\" + String(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7f: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
