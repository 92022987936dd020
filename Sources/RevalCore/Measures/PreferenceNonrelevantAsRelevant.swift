// prefs_avgjg_Rnonrel and prefs_avgjg_Rnonrel_ret (trec_eval's m_prefs_avgjg_Rnonrel*.c):
// prefs_avgjg as if each group had judged exactly as many non-relevant documents (level 0)
// as relevant ones (level > 0), R. With N < R non-relevant documents, R - N fulfilled
// preferences are added per retrieved relevant document; with N > R, only the first R
// non-relevant documents (by id: rank, then docno) are kept and the group is counted again.
// With one group of two levels this is akin to bpref.
//
// The recount follows trec_eval exactly, including two of its quirks: with one sub-group,
// the kept non-relevant documents are also paired with the whole non-relevant class itself
// (each such pair counts as possible, and as fulfilled when the first ranks higher); and
// the `_ret` variant keeps the first R non-relevant documents among the retrieved, where R
// is the group's relevant count (retrieved or not) in the partial-order case.

extension PreferenceMeasureCatalog {
    /// Over every preference; a pair with neither document retrieved counts as not fulfilled.
    static let groupAverageNonrelevantAsRelevant = TrecPreferenceMeasure("prefs_avgjg_Rnonrel") { c in
        var sum = 0.0
        for group in c.groups {
            let r = group.relevant, n = group.nonrelevant
            if r >= n {
                let fulfilled = group.fulfilled + group.relevantRetrieved * (r - n)
                let possible = group.possible + group.relevant * (r - n)
                sum += Double(fulfilled) / Double(possible)
            } else {
                let (fulfilled, possible) = recount(group, c, retrievedOnly: false)
                sum += Double(fulfilled) / Double(possible)
            }
        }
        // 0/0 (a group with nothing to count) makes the sum NaN, and NaN > 0 is false.
        return sum > 0 ? sum / Double(c.groups.count) : 0
    }

    /// Over preferences with both documents retrieved, R and N counting retrieved documents.
    static let groupAverageNonrelevantAsRelevantRetrieved = TrecPreferenceMeasure("prefs_avgjg_Rnonrel_ret") { c in
        var sum = 0.0
        for group in c.groups {
            let r = group.relevantRetrieved, n = group.nonrelevantRetrieved
            if r >= n {
                let fulfilled = group.fulfilledRetrieved + group.relevantRetrieved * (r - n)
                // trec_eval adds relevant (not relevantRetrieved) × (R - N) here.
                let possible = group.possibleRetrieved + group.relevant * (r - n)
                sum += Double(fulfilled) / Double(possible)
            } else {
                let (fulfilled, possible) = recount(group, c, retrievedOnly: true)
                sum += Double(fulfilled) / Double(possible)
            }
        }
        return sum > 0 ? sum / Double(c.groups.count) : 0
    }

    /// (fulfilled, possible) of a group with more non-relevant than relevant documents,
    /// keeping only the first R non-relevant ones.
    static func recount(_ group: PreferenceGroup, _ c: PreferenceCounts, retrievedOnly: Bool) -> (Int, Int) {
        let njr = c.judgedRetrieved
        var fulfilled = 0, possible = 0
        switch group.order {
        case .classes(let classes):
            // The kept non-relevant class: the first R ids of the last (lowest) class.
            let keep = retrievedOnly ? group.relevantRetrieved : group.relevant
            let kept = classes.last.map { Array($0.ids.prefix(keep)) } ?? []
            func count(_ higher: [Int], _ lower: [Int]) {
                for p1 in higher {
                    if retrievedOnly && p1 >= njr { break }
                    for p2 in lower {
                        if retrievedOnly && p2 >= njr { break }
                        if p1 < p2 && (retrievedOnly || p1 < njr) { fulfilled += 1 } else { possible += 1 }
                    }
                }
            }
            // Pairs between classes, leaving out the last class ...
            for a in classes.indices {
                for b in classes.indices where b > a && b < classes.count - 1 { count(classes[a].ids, classes[b].ids) }
            }
            // ... then every class, the last one included, against the kept documents.
            for higher in classes { count(higher.ids, kept) }
        case .partial(let matrix, let levels):
            let nj = retrievedOnly ? njr : c.judged
            // The (R+1)th non-relevant document and all after it are left out.
            var firstDropped = 0
            var seen = 0
            while firstDropped < nj {
                if levels[firstDropped] == 0 {
                    seen += 1
                    if seen == group.relevant + 1 { break }
                }
                firstDropped += 1
            }
            let total = c.judged
            func dropped(_ i: Int) -> Bool { i >= firstDropped && levels[i] == 0 }
            for i in 0..<njr where !dropped(i) {
                for j in 0..<i where !dropped(j) && matrix[i, j] { possible += 1 }
                for j in (i + 1)..<njr where !dropped(j) && matrix[i, j] { fulfilled += 1 }
                if !retrievedOnly {
                    for j in njr..<total where !dropped(j) && matrix[i, j] { fulfilled += 1 }
                }
            }
            if !retrievedOnly {
                for i in njr..<total where !dropped(i) {
                    for j in 0..<total where !dropped(j) && matrix[i, j] { possible += 1 }
                }
            }
        }
        return (fulfilled, possible + fulfilled)
    }
}
