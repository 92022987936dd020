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
