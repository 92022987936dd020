/// The forms of relevance information trec_eval reads (its -R flag), each with the measures
/// it can compute.
public enum RelevanceFormat: String, Sendable, CaseIterable {
    /// `topic iteration docno grade` (the default).
    case qrels
    /// `topic group subgroup docno level`: preference judgments.
    case prefs
    /// A qrels file read as preferences: the iteration column is the judgment group.
    case qrelsPrefs = "qrels_prefs"
    /// `topic group docno grade`: qrels from several judgment groups.
    case qrelsJudgmentGroups = "qrels_jg"

    /// The format called `name` on trec_eval's command line (`-R qrels_prefs`).
    public init?(name: String) { self.init(rawValue: name) }

    /// The -R name.
    public var name: String { rawValue }

    /// The formats a measure or nickname named `name` (trec_eval's root name) can be
    /// computed from; empty for an unknown name.
    public static func formats(forMeasure name: String) -> [RelevanceFormat] {
        if name == "runid" || name == "num_q" { return allCases }
        if PreferenceMeasureCatalog.entry(named: name) != nil || PreferenceMeasureCatalog.nicknames[name] != nil {
            return [.prefs, .qrelsPrefs]
        }
        if JudgmentGroupMeasureCatalog.entry(named: name) != nil || JudgmentGroupMeasureCatalog.nicknames[name] != nil {
            return [.qrelsJudgmentGroups]
        }
        if MeasureCatalog.entry(named: name) != nil || MeasureCatalog.nicknames[name] != nil || !MeasureSelection.isTrecEvalArgument(name)
            || ModernMeasure.isFamilyName(name) {
            return [.qrels]
        }
        return []
    }
}
