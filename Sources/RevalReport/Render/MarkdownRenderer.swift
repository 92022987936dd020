/// The leaderboard as GitHub Markdown: a title, the ranked table (best of each column in
/// bold, significance marks after the values), the notes, published scores, and the
/// footer. Every text from the inputs goes through `MarkdownEscape`.
///
/// ```swift
/// print(MarkdownRenderer.render(board))
/// ```
public enum MarkdownRenderer {
    public static func render(_ board: Leaderboard) -> String {
        var out = ""
        if let title = board.title { out += "# \(MarkdownEscape.escape(title))\n\n" }
        out += table(board)
        let notes = board.notes
        if !notes.isEmpty {
            out += "\n"
            for note in notes { out += "- \(MarkdownEscape.escape(note))\n" }
        }
        let checks = board.expectedChecks
        if !checks.isEmpty {
            out += "\nPublished scores:\n\n| System | Dataset | Measure | Published | reval | Reproduced |\n|---|---|---|---:|---:|---|\n"
            for (system, check) in checks {
                let actual = check.actual.map(ReportNumber.quality) ?? ""
                out += "| \(MarkdownEscape.escape(system)) | \(MarkdownEscape.escape(check.dataset)) | \(MarkdownEscape.escape(check.measure)) | \(MarkdownEscape.escape(check.expectedText)) | \(actual) | \(check.reproduced ? "yes" : "**no**") |\n"
            }
        }
        out += "\n\(MarkdownEscape.escape(board.footer))\n"
        return out
    }

    /// The table alone (what `reval leaderboard` prints).
    public static func table(_ board: Leaderboard) -> String {
        let columns = board.columns
        let grid = board.cellGrid()
        var header = "| Rank | System |"
        var rule = "|---:|---|"
        for column in columns {
            header += " \(MarkdownEscape.escape(board.headerText(column, short: true))) |"
            rule += column.isNumeric ? "---:|" : "---|"
        }
        var out = header + "\n" + rule + "\n"
        for (r, row) in board.rows.enumerated() {
            var line = "| \(row.rank) | \(MarkdownEscape.escape(row.name))\(row.isBaseline ? " (baseline)" : "") |"
            for (c, column) in columns.enumerated() {
                let cell = grid[r][c]
                var text = MarkdownEscape.escape(board.displayText(column, cell))
                if cell.best && !text.isEmpty { text = "**\(text)**" }
                if let mark = cell.mark {
                    if mark.isGain { text += Leaderboard.gainMark }
                    if mark.isLoss { text += Leaderboard.lossMark }
                }
                line += " \(text) |"
            }
            out += line + "\n"
        }
        return out
    }
}
