/// The CSV and Markdown escapes split reports need (JSON: `JSONEscape`).
enum TextEscaping {
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
