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
