/// The leaderboard as a booktabs `tabular`, what paper authors paste: a header row of
/// datasets (merged over their columns, with `\cmidrule`) above a row of measures, the
/// best value of each column in bold, significance as superscript arrows
/// (`$^{\uparrow}$` higher, `$^{\downarrow}$` lower than the baseline). The notes come
/// first as `%` comments (the caption's material). Needs `\usepackage{booktabs}` and
/// `\usepackage[T1]{fontenc}`. Every text from the inputs goes through `LaTeXEscape`.
public enum LaTeXRenderer {
    public static func render(_ board: Leaderboard) -> String {
        let columns = board.columns
        let grid = board.cellGrid()
        var out = "% \(comment(board.footer))\n"
        out += "% Needs \\usepackage{booktabs} and \\usepackage[T1]{fontenc}.\n"
        if let title = board.title { out += "% \(comment(title))\n" }
        for note in board.notes { out += "% \(comment(note))\n" }
        out += "\\begin{tabular}{rl" + columns.map { $0.isNumeric ? "r" : "l" }.joined() + "}\n\\toprule\n"
        // Group row: runs of columns sharing a group.
        var groupCells = ["", ""]
        var rules: [String] = []
        var c = 0
        while c < columns.count {
            let group = board.header(columns[c]).group
            var end = c
            while end + 1 < columns.count && board.header(columns[end + 1]).group == group { end += 1 }
            let span = end - c + 1
            if let group {
                groupCells.append(span == 1 ? LaTeXEscape.escape(group) : "\\multicolumn{\(span)}{c}{\(LaTeXEscape.escape(group))}")
                rules.append("\\cmidrule(lr){\(c + 3)-\(end + 3)}")
            } else {
                groupCells.append(contentsOf: Array(repeating: "", count: span))
            }
            c = end + 1
        }
        if !rules.isEmpty {
            out += groupCells.joined(separator: " & ") + " \\\\\n" + rules.joined(separator: " ") + "\n"
        }
        out += (["Rank", "System"] + columns.map { LaTeXEscape.escape(board.header($0).label) }).joined(separator: " & ") + " \\\\\n\\midrule\n"
        for (r, row) in board.rows.enumerated() {
            var cells = [String(row.rank), LaTeXEscape.escape(row.name) + (row.isBaseline ? " (baseline)" : "")]
            for (k, column) in columns.enumerated() {
                let cell = grid[r][k]
                var text = LaTeXEscape.escape(board.displayText(column, cell))
                if cell.best && !text.isEmpty { text = "\\textbf{\(text)}" }
                if let mark = cell.mark {
                    if mark.isGain { text += "$^{\\uparrow}$" }
                    if mark.isLoss { text += "$^{\\downarrow}$" }
                }
                cells.append(text)
            }
            out += cells.joined(separator: " & ") + " \\\\\n"
        }
        out += "\\bottomrule\n\\end{tabular}\n"
        return out
    }

    /// Text for a `%` comment line: line breaks become spaces; marks are named.
    static func comment(_ text: String) -> String {
        text.replacing("\r\n", with: " ").replacing("\n", with: " ").replacing("\r", with: " ")
            .replacing(Leaderboard.gainMark, with: "$^{\\uparrow}$").replacing(Leaderboard.lossMark, with: "$^{\\downarrow}$")
    }
}
