// Preference counts: prefs_num_prefs_poss, prefs_num_prefs_ful, prefs_num_prefs_ful_ret
// (trec_eval's m_prefs_num_prefs_*.c). Summed over topics in the summary, not averaged.

extension PreferenceMeasureCatalog {
    /// Every preference of the topic, whether or not its documents were retrieved.
    static let numPrefsPossible = TrecPreferenceMeasure("prefs_num_prefs_poss", .count) { c in
        Double(c.groups.reduce(0) { $0 + $1.possible })
    }

    /// Preferences fulfilled: both documents retrieved in the preferred order, or only the
    /// preferred one retrieved.
    static let numPrefsFulfilled = TrecPreferenceMeasure("prefs_num_prefs_ful", .count) { c in
        Double(c.groups.reduce(0) { $0 + $1.fulfilled })
    }

    /// Preferences fulfilled with both documents retrieved.
    static let numPrefsFulfilledRetrieved = TrecPreferenceMeasure("prefs_num_prefs_ful_ret", .count) { c in
        Double(c.groups.reduce(0) { $0 + $1.fulfilledRetrieved })
    }
}
