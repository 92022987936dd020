/// Text from input files on a terminal line: control characters (C0, DEL, C1) shown as
/// `\n`, `\r`, `\t` or `\u{1B}`, so a name cannot break the one-line-per-verdict layout,
/// forge a line, or send escape sequences to the terminal.
///
/// ```swift
/// TerminalEscape.escape("BM25\nPASS")   // "BM25\\nPASS"
/// ```
public enum TerminalEscape {
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0):
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
