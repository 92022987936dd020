// Fulfilled over possible preferences, all groups pooled: prefs_simp, prefs_simp_ret,
// prefs_simp_imp (trec_eval's m_prefs_simp*.c). A pair two judges agree on counts twice;
// a pair they disagree on counts once each way, so a topic may not reach 1.

extension PreferenceMeasureCatalog {
    /// fulfilled / possible over every preference; a pair with neither document retrieved
    /// counts as not fulfilled.
    static let simple = TrecPreferenceMeasure("prefs_simp") { c in
        ratio(c.groups.reduce(0) { $0 + $1.fulfilled }, c.groups.reduce(0) { $0 + $1.possible })
    }

    /// The same over preferences whose two documents were both retrieved.
    static let simpleRetrieved = TrecPreferenceMeasure("prefs_simp_ret") { c in
        ratio(c.groups.reduce(0) { $0 + $1.fulfilledRetrieved }, c.groups.reduce(0) { $0 + $1.possibleRetrieved })
    }

    /// The same over preferences with at least one document retrieved.
    static let simpleImplied = TrecPreferenceMeasure("prefs_simp_imp") { c in
        ratio(c.groups.reduce(0) { $0 + $1.fulfilled },
              c.groups.reduce(0) { $0 + $1.possibleRetrieved + $1.possibleImplied })
    }

    /// fulfilled / possible, 0 when nothing is possible.
    static func ratio(_ fulfilled: Int, _ possible: Int) -> Double {
        possible != 0 ? Double(fulfilled) / Double(possible) : 0
    }
}
