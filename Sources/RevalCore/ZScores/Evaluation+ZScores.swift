#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Evaluation {
    /// The evaluation with every per-topic value turned into a z-score, and the summary
    /// made from those, as trec_eval's -Z does (trec_eval.c converts each topic's values
    /// before adding them up).
    ///
    /// Every value is looked up by topic and printed name (`P_10`); see
    /// `ZScoreTable.zScore`. The summary then combines the z-scores as it combines raw
    /// values: means are means of z-scores, sums (num_ret, ...) sums of them, and the
    /// geometric means (gm_map, gm_bpref) exp of the mean z-score of the per-topic log
    /// values, which is what trec_eval holds for them. num_q stays the number of topics,
    /// and under -c num_rel stays the raw count of relevant documents, as in trec_eval.
    ///
    /// ```swift
    /// let z = evaluation.standardized(by: table, completeTopics: false)
    /// z.standardized   // true: printed as `Zmap   all   -0.3130`
    /// ```
    public func standardized(by table: ZScoreTable, completeTopics: Bool) -> Evaluation {
        var result = self
        result.standardized = true
        for t in result.topics.indices {
            let topic = result.topics[t].topic
            for (m, measure) in measures.enumerated() {
                let geometric = measure.style.summary == .geometricMean
                for (k, name) in measure.valueNames.enumerated() {
                    var value = result.topics[t].values[m][k]
                    if geometric { value = log(value > minimumGeometricMeanValue ? value : minimumGeometricMeanValue) }
                    result.topics[t].values[m][k] = table.zScore(value, topic: topic, measure: name)
                }
            }
        }
        let n = result.topics.count
        result.summary = measures.enumerated().map { m, measure in
            (0..<measure.valueNames.count).map { k in
                var sum = 0.0
                for topic in result.topics { sum += topic.values[m][k] }
                switch measure.style.summary {
                case .none: return 0
                case .topicCount: return Double(n)
                case .sum:
                    return completeTopics && measure.name == "num_rel" && measure is TrecMeasure ? summary[m][k] : sum
                case .mean: return n > 0 ? sum / Double(n) : sum
                case .geometricMean: return n > 0 ? exp(sum / Double(n)) : sum
                }
            }
        }
        return result
    }
}
