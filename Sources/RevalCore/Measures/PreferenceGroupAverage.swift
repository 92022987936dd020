// Fulfilled over possible preferences per judgment group, averaged over the groups:
// prefs_avgjg, prefs_avgjg_ret, prefs_avgjg_imp (trec_eval's m_prefs_avgjg*.c). Every
// group (a judge) weighs the same, however many preferences it gave.

extension PreferenceMeasureCatalog {
    /// Per group fulfilled / possible over every preference; a pair with neither
    /// document retrieved counts as not fulfilled.
    static let groupAverage = TrecPreferenceMeasure("prefs_avgjg") { c in
        groupMean(c) { ($0.fulfilled, $0.possible) }
    }

    /// The same over preferences with both documents retrieved.
    static let groupAverageRetrieved = TrecPreferenceMeasure("prefs_avgjg_ret") { c in
        groupMean(c) { ($0.fulfilledRetrieved, $0.possibleRetrieved) }
    }

    /// The same over preferences with at least one document retrieved.
    static let groupAverageImplied = TrecPreferenceMeasure("prefs_avgjg_imp") { c in
        groupMean(c) { ($0.fulfilled, $0.possibleRetrieved + $0.possibleImplied) }
    }

    /// The mean over all groups of fulfilled / possible; a group with nothing possible
    /// adds 0 but still counts in the mean.
    static func groupMean(_ c: PreferenceCounts, _ share: (PreferenceGroup) -> (Int, Int)) -> Double {
        var sum = 0.0
        for group in c.groups {
            let (fulfilled, possible) = share(group)
            if possible != 0 { sum += Double(fulfilled) / Double(possible) }
        }
        return sum > 0 ? sum / Double(c.groups.count) : 0
    }
}
