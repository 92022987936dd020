// Rank-biased precision (Moffat and Zobel, TOIS 2008): rbp and its residual rbp_resid.

extension MeasureCatalog {
    /// (1 - p) · Σ gain(i) · p^(i-1), with persistence p (default 0.9, `rbp.p=0.8`).
    /// Gains are the grades (or `level=gain` pairs); when any gain lies outside [0, 1]
    /// they are rescaled to (gain − min) / (max − min), min and max taken over the gain
    /// table with 0 included (trec_eval 10.0 reads uninitialised locals here; its
    /// published expected outputs correspond to both starting at 0).
    static let rbp = Entry("rbp", .pairs) { r, _, p in
        let persistence = persistenceParameter(p)
        var table = GainTable(pairs: p.pairs, ranking: r)
        var low = 0.0, high = 0.0
        for l in table.levels {
            if l.gain < low { low = l.gain }
            if l.gain > high { high = l.gain }
        }
        if low < 0 || high > 1 {
            for k in table.levels.indices {
                table.levels[k].gain = (table.levels[k].gain - low) / (high - low)
            }
        }
        var sum = 0.0, weight = 1.0
        for i in 0..<r.numRet {
            let gain = table.gain(of: r.rels[i])
            if gain != 0 { sum += gain * weight }
            weight *= persistence
        }
        return [(1.0 - persistence) * sum]
    }

    /// The most rbp could rise if every unjudged retrieved document had gain 1, plus the
    /// tail beyond the run: p^n + (1 - p) · Σ over unjudged ranks of p^(i-1). Printed as 0
    /// when no retrieved document is unjudged, as trec_eval does.
    static let rbpResidual = Entry("rbp_resid", .pairs) { r, _, p in
        let persistence = persistenceParameter(p)
        var sum = 0.0, weight = 1.0
        var unjudged = 0
        for i in 0..<r.numRet {
            if r.rels[i] < 0 {
                unjudged += 1
                sum += weight
            }
            weight *= persistence
        }
        return [unjudged > 0 ? weight + (1 - persistence) * sum : 0]
    }

    static func persistenceParameter(_ p: ParsedParameters) -> Double {
        var persistence = 0.9
        for pair in p.pairs where pair.name == "p" { persistence = pair.value }
        return persistence
    }
}
