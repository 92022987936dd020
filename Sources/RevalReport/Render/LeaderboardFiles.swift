import RevalExperiment
import RevalFormats

/// Writes a leaderboard's files, `<output>.md`, `.csv`, `.json`, `.html` and `.tex` (those of
/// the experiment's `formats`), each atomically: a file is either its old self or complete.
///
/// ```swift
/// let paths = try LeaderboardFiles.write(board, settings: experiment.leaderboard, folder: "Reports")
/// ```
public enum LeaderboardFiles {
    /// The text of `board` in `format`.
    public static func render(_ board: Leaderboard, as format: LeaderboardSettings.Format) -> String {
        switch format {
        case .markdown: return MarkdownRenderer.render(board)
        case .csv: return CSVRenderer.render(board)
        case .json: return JSONRenderer.render(board)
        case .html: return HTMLRenderer.render(board)
        case .latex: return LaTeXRenderer.render(board)
        }
    }

    /// Writes every format into `folder`; returns the paths written, in format order.
    @discardableResult
    public static func write(_ board: Leaderboard, settings: LeaderboardSettings, folder: String) throws(OutputError) -> [String] {
        var paths: [String] = []
        let base = folder == "." ? settings.output : (folder.hasSuffix("/") ? folder : folder + "/") + settings.output
        for format in settings.formats {
            let path = base + "." + format.fileExtension
            try AtomicFile.write(Array(render(board, as: format).utf8), to: path)
            paths.append(path)
        }
        return paths
    }
}
