// Expected reciprocal rank (Chapelle, Metzler, Zhang and Grinspan, CIKM 2009), as gdeval
// computes it (the TREC Web track script that ir_measures runs for `ERR@k`).

extension ModernMeasure {
    /// Highest grade of gdeval's scale: a document of grade g stops the user with
    /// probability (2^g − 1) / 2^4.
    static let errMaximumGrade = 4

    /// ERR = Σ_{i ≤ k} R_i / i · Π_{j < i} (1 − R_j), with R = (2^g − 1) / 16 for grade g
    /// (0 for unjudged documents). Grades above 4 count as 4 (gdeval refuses them).
    /// Not normalised; with no cutoff, the whole ranking.
    static func expectedReciprocalRank(_ r: JudgedRanking, cutoff: Int?) -> Double {
        let n = min(cutoff ?? r.numRet, r.numRet)
        let scale = Double(1 << errMaximumGrade)
        var score = 0.0, notStoppedYet = 1.0
        for i in 0..<n {
            let grade = min(max(r.rels[i], 0), errMaximumGrade)
            let stop = Double((1 << grade) - 1) / scale
            score += stop * notStoppedYet / Double(i + 1)
            notStoppedYet *= 1 - stop
        }
        return score
    }
}
