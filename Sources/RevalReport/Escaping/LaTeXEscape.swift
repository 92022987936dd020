/// Text inside a LaTeX table cell: the ten special characters (`\ { } $ & # ^ _ % ~`)
/// and `< > | "` written as commands that print them, and a line break (LF, CR) as a
/// space, since a `tabular` cell cannot hold one. Other C0 controls are dropped. The
/// commands work with `\usepackage[T1]{fontenc}` (for `\textquotedbl`), which the report's
/// header comment names.
///
/// ```swift
/// LaTeXEscape.escape("BM25_RM3 & co")   // "BM25\\_RM3 \\& co"
/// ```
public enum LaTeXEscape {
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\textbackslash{}"
            case "{": out += "\\{"
            case "}": out += "\\}"
            case "$": out += "\\$"
            case "&": out += "\\&"
            case "#": out += "\\#"
            case "_": out += "\\_"
            case "%": out += "\\%"
            case "^": out += "\\textasciicircum{}"
            case "~": out += "\\textasciitilde{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "|": out += "\\textbar{}"
            case "\"": out += "\\textquotedbl{}"
            case "\n", "\r", "\t": out += " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
