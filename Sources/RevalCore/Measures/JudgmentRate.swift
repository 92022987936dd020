// Judgment rate: ir_measures' `Judged@k` (its own implementation, from OpenNIR).

extension ModernMeasure {
    /// Judged documents among the first k retrieved, divided by how many of the first k
    /// were retrieved (min(k, num_ret)); 0 when nothing is retrieved. A document counts as
    /// judged when the qrels give it a grade of 0 or more. With no cutoff, the whole ranking.
    static func judgmentRate(_ r: JudgedRanking, cutoff: Int?) -> Double {
        let n = min(cutoff ?? r.numRet, r.numRet)
        guard n > 0 else { return 0 }
        var judged = 0
        for i in 0..<n where r.rels[i] >= 0 { judged += 1 }
        return Double(judged) / Double(n)
    }
}
