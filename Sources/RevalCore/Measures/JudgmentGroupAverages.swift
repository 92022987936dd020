// Qrels measures averaged over judgment groups: map_avgjg, P_avgjg, Rprec_mult_avgjg
// (trec_eval's m_map_avgjg.c, m_P_avgjg.c, m_Rprec_mult_avgjg.c), for -R qrels_jg.

/// A qrels measure averaged over judgment groups: its values for each group's judgments,
/// summed in group order and divided by the number of groups (when above 1), as
/// m_map_avgjg.c, m_P_avgjg.c and m_Rprec_mult_avgjg.c do.
public struct GroupAveragedMeasure: JudgmentGroupMeasure {
    public let name: String
    public let valueNames: [String]
    public var style: MeasureStyle { .real }
    /// The measure computed per group (map, P, Rprec_mult).
    public let base: TrecMeasure

    public func evaluate(_ rankings: [JudgedRanking], _ context: EvalContext) -> [Double] {
        var sums = [Double](repeating: 0, count: valueNames.count)
        for ranking in rankings {
            for (k, v) in base.evaluate(ranking, context).enumerated() { sums[k] += v }
        }
        if rankings.count > 1 {
            for k in sums.indices { sums[k] /= Double(rankings.count) }
        }
        return sums
    }
}
