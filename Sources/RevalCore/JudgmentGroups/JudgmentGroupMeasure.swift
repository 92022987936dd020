/// A measure computed from one ranking judged by each judgment group of a topic
/// (trec_eval's *_avgjg measures, for `-R qrels_jg`).
public protocol JudgmentGroupMeasure: ReportedMeasure {
    /// Values for one topic, one per `valueNames` entry, from the ranking judged by each
    /// group in turn.
    func evaluate(_ rankings: [JudgedRanking], _ context: EvalContext) -> [Double]
}
