// Rank-biased precision (Moffat and Zobel, TOIS 2008) with binary gains, and its residual
// as the paper defines it. Graded RBP is trec_eval's rbp (RankBiasedPrecision.swift).

extension ModernMeasure {
    /// (1 − p) · Σ_i g_i · p^(i−1), g_i = 1 when the grade at rank i is at least `level`,
    /// else 0: ir_measures' `RBP(rel=N)` (computed there by cwl_eval).
    static func binaryRankBiasedPrecision(_ r: JudgedRanking, persistence p: Double, level: Int) -> Double {
        var sum = 0.0, weight = 1.0
        for rel in r.rels {
            if rel >= 0 && rel >= level { sum += weight }
            weight *= p
        }
        return (1 - p) * sum
    }

    /// The most RBP could still grow: the weight of the unjudged ranks plus everything
    /// below the last retrieved rank n, p^n + (1 − p) · Σ over unjudged ranks i of p^(i−1).
    /// Unlike trec_eval's rbp_resid, this is p^n (not 0) when every document is judged.
    static func rankBiasedResidual(_ r: JudgedRanking, persistence p: Double) -> Double {
        var unjudged = 0.0, weight = 1.0
        for rel in r.rels {
            if rel < 0 { unjudged += weight }
            weight *= p
        }
        return weight + (1 - p) * unjudged
    }
}
