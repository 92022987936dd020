import RevalCore

/// Escaping and number formatting for `reval compare`'s outputs (JSON: `JSONEscape`).
enum CompareText {
    /// A CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, or starts
    /// with a character a spreadsheet would run as a formula.
    static func csv(_ s: String) -> String {
        let risky = s.first.map { "=+-@".contains($0) } ?? false
        guard risky || s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        var out = "\""
        for c in s { out += c == "\"" ? "\"\"" : String(c) }
        return out + "\""
    }

    /// A CSV number at full precision; empty for a missing value.
    static func csv(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        return "\(x)"
    }

    /// A Markdown table cell: `|` and `\` escaped, line breaks as spaces, and characters
    /// that start inline markup escaped so that a run name prints as itself.
    static func markdown(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\" + String(c)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// A value printed for reading: 4 decimals.
    static func fixed(_ x: Double?, signed: Bool = false) -> String {
        guard let x, x.isFinite else { return "n/a" }
        return formatC(signed ? "%+.4f" : "%.4f", x)
    }

    /// A p-value for reading: 4 decimals, or 4 significant digits below 0.001.
    static func p(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "n/a" }
        return x >= 0.001 || x == 0 ? formatC("%.4f", x) : formatC("%.3e", x)
    }
}
