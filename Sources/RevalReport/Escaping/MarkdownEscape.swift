/// Text inside a GitHub Markdown table cell: `|` and `\` are escaped with a backslash (so a
/// name cannot end a cell or escape the cell's closing bar), `&`, `<` and `>` become
/// entities (no HTML from an input file reaches the page), and a line break (LF, CR or
/// CRLF) becomes `<br>`, the one line break a table cell can hold. Other C0 controls are
/// dropped.
///
/// ```swift
/// MarkdownEscape.escape("a|b <i>\nc")   // "a\\|b &lt;i&gt;<br>c"
/// ```
public enum MarkdownEscape {
    public static func escape(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "<br>"
            case "\n": if !previousCR { out += "<br>" }
            case "\t": out += " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
