// The mean over document pairs of the share of judgment groups whose preference the
// ranking fulfils: prefs_pair, prefs_pair_ret, prefs_pair_imp (trec_eval's m_prefs_pair*.c).
// A pair preferred 3 times one way and 2 times the other, ranked the first way, scores 3/5.
// Equal to prefs_simp when no pair is judged by two groups.

extension PreferenceMeasureCatalog {
    /// Over every judged pair; a pair with neither document retrieved scores 0.
    static let pair = TrecPreferenceMeasure("prefs_pair", needsPairCounts: true) { c in
        pairMean(c, implied: true, notRetrieved: true)
    }

    /// Over pairs with both documents retrieved.
    static let pairRetrieved = TrecPreferenceMeasure("prefs_pair_ret", needsPairCounts: true) { c in
        pairMean(c, implied: false, notRetrieved: false)
    }

    /// Over pairs with at least one document retrieved.
    static let pairImplied = TrecPreferenceMeasure("prefs_pair_imp", needsPairCounts: true) { c in
        pairMean(c, implied: true, notRetrieved: false)
    }

    /// Sums in trec_eval's order: retrieved pairs by rows, then retrieved × not retrieved,
    /// then (counted, scoring 0) the pairs with neither retrieved. Ids below
    /// `judgedRetrieved` are retrieved, and a smaller id ranks higher, so for i < j the
    /// fulfilled share is counts[i, j] / (counts[i, j] + counts[j, i]).
    static func pairMean(_ c: PreferenceCounts, implied: Bool, notRetrieved: Bool) -> Double {
        guard let counts = c.pairCounts else { return 0 }
        let njr = c.judgedRetrieved, nj = c.judged
        var sum = 0.0
        var pairs = 0
        func add(_ i: Int, _ j: Int) {
            let forward = counts[i, j], backward = counts[j, i]
            guard forward != 0 || backward != 0 else { return }
            pairs += 1
            sum += Double(forward) / Double(forward + backward)
        }
        for i in 0..<njr {
            for j in (i + 1)..<njr { add(i, j) }
        }
        if implied {
            for i in 0..<njr {
                for j in njr..<nj { add(i, j) }
            }
        }
        if notRetrieved {
            for i in njr..<nj {
                for j in (i + 1)..<nj where counts[i, j] != 0 || counts[j, i] != 0 { pairs += 1 }
            }
        }
        return pairs != 0 ? sum / Double(pairs) : 0
    }
}
