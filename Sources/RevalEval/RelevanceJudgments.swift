import RevalCore
import RevalFormats

/// Relevance information in any of trec_eval's -R formats, as read from one file.
public enum RelevanceJudgments: Sendable {
    /// `-R qrels` (the default): graded judgments.
    case qrels(Qrels)
    /// `-R prefs` or `-R qrels_prefs`: preference judgments.
    case preferences(PreferenceJudgments)
    /// `-R qrels_jg`: qrels of several judgment groups.
    case judgmentGroups(JudgmentGroupQrels)

    /// The file the judgments came from, for messages.
    public var source: String {
        switch self {
        case .qrels(let qrels): return qrels.source
        case .preferences(let prefs): return prefs.source
        case .judgmentGroups(let qrels): return qrels.source
        }
    }
}
