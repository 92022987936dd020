// Measures built for incomplete judgments: bpref, gm_bpref, infAP.
// Documents not in the pool (-1) and pooled but unjudged documents (-2) are skipped.

extension MeasureCatalog {
    /// Buckley and Voorhees' bpref: for each judged relevant retrieved document,
    /// 1 - min(nonrelevant above it, R) / min(judged nonrelevant, R); summed, divided by R.
    static let bpref = Entry("bpref") { r, _, _ in [binaryPreference(r)] }

    /// bpref per topic, geometric mean over topics (summary only).
    static let gmBpref = Entry("gm_bpref", .none, .geometric) { r, _, _ in [binaryPreference(r)] }

    /// Yilmaz and Aslam's inferred AP (CIKM 2006), with trec_eval's epsilon of 0.00001.
    static let infAP = Entry("infAP") { r, _, _ in
        let epsilon = 0.00001
        var nonrelSoFar = 0, relSoFar = 0, unjudgedSoFar = 0
        var sum = 0.0
        for j in 0..<r.numRet {
            let rel = r.rels[j]
            if rel == nonpoolRelevance { continue }
            if rel == unjudgedRelevance { unjudgedSoFar += 1; continue }
            if rel >= 0 && rel < r.relevanceLevel {
                nonrelSoFar += 1
                continue
            }
            relSoFar += 1
            if j == 0 {
                sum += 1.0
            } else {
                let fj = Double(j)
                sum += 1.0 / (fj + 1.0)
                    + (fj / (fj + 1.0))
                    * (Double(relSoFar - 1 + nonrelSoFar + unjudgedSoFar) / fj)
                    * ((Double(relSoFar - 1) + epsilon) / (Double(relSoFar - 1 + nonrelSoFar) + 2 * epsilon))
            }
        }
        return [r.numRel > 0 ? sum / Double(r.numRel) : sum]
    }

    static func binaryPreference(_ r: JudgedRanking) -> Double {
        var judgedNonrel = 0
        for lc in r.levelCounts where lc.level < r.relevanceLevel { judgedNonrel += lc.count }
        var nonrelSoFar = 0
        var sum = 0.0
        for j in 0..<r.numRet {
            let rel = r.rels[j]
            if rel < 0 { continue }
            if rel < r.relevanceLevel {
                nonrelSoFar += 1
            } else if nonrelSoFar > 0 {
                sum += 1.0 - Double(min(nonrelSoFar, r.numRel)) / Double(min(judgedNonrel, r.numRel))
            } else {
                sum += 1.0
            }
        }
        return r.numRel > 0 ? sum / Double(r.numRel) : sum
    }
}
