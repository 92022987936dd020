/// The `leaderboard:` section: where reports go and in which formats.
public struct LeaderboardSettings: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable {
        case markdown, csv, json, html, latex

        /// The file name ending.
        public var fileExtension: String {
            switch self {
            case .markdown: return "md"
            case .csv: return "csv"
            case .json: return "json"
            case .html: return "html"
            case .latex: return "tex"
            }
        }
    }

    /// The file name without ending, relative to the output folder (`dl19` → `dl19.md`, ...).
    public var output: String
    public var formats: [Format] = Format.allCases

    public init(output: String) { self.output = output }
}
