/// A measure computed from a topic's preference judgments set against a ranking
/// (trec_eval's prefs_* measures, for `-R prefs` and `-R qrels_prefs`).
///
/// ```swift
/// let simp = PreferenceMeasureCatalog.entry(named: "prefs_simp")!
/// simp.evaluate(counts)   // [fulfilled / possible]
/// ```
public protocol PreferenceMeasure: ReportedMeasure {
    /// Values for one topic, one per `valueNames` entry.
    func evaluate(_ counts: PreferenceCounts) -> [Double]
    /// Whether the measure reads `PreferenceCounts.pairCounts`.
    var needsPairCounts: Bool { get }
}

/// A preference measure of trec_eval: no parameters, one value.
public struct TrecPreferenceMeasure: PreferenceMeasure {
    public let name: String
    public let style: MeasureStyle
    public let needsPairCounts: Bool
    let compute: @Sendable (PreferenceCounts) -> Double

    init(_ name: String, _ style: MeasureStyle = .real, needsPairCounts: Bool = false,
         compute: @escaping @Sendable (PreferenceCounts) -> Double) {
        self.name = name
        self.style = style
        self.needsPairCounts = needsPairCounts
        self.compute = compute
    }

    public var valueNames: [String] { [name] }

    public func evaluate(_ counts: PreferenceCounts) -> [Double] { [compute(counts)] }
}

/// trec_eval's preference measures in its print order (they follow num_nonrel_judged_ret in
/// `te_trec_measures[]`), and the nicknames that select them.
public enum PreferenceMeasureCatalog {
    public static let entries: [TrecPreferenceMeasure] = [
        numPrefsPossible, numPrefsFulfilled, numPrefsFulfilledRetrieved,
        simple, pair, groupAverage, groupAverageNonrelevantAsRelevant,
        simpleRetrieved, pairRetrieved, groupAverageRetrieved, groupAverageNonrelevantAsRelevantRetrieved,
        simpleImplied, pairImplied, groupAverageImplied,
    ]

    /// `all_prefs` and `prefs`, as measures.c defines them (with runid and num_q).
    public static let nicknames: [String: [String]] = [
        "all_prefs": ["runid", "num_q"] + entries.map(\.name),
        "prefs": ["runid", "num_q", "prefs_num_prefs_poss", "prefs_num_prefs_ful", "prefs_num_prefs_ful_ret",
                  "prefs_simp", "prefs_pair", "prefs_avgjg"],
    ]

    public static func entry(named name: String) -> TrecPreferenceMeasure? {
        entries.first { $0.name == name }
    }
}
