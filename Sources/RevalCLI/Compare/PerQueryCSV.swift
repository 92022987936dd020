import RevalEval

/// `--per-query FILE`: one row per measure and topic, with every run's value and the
/// difference of every comparison (system − baseline), at full precision.
///
/// ```text
/// measure,topic,BM25,BM25_RM3,BM25_RM3 - BM25
/// ndcg_cut_10,1037798,0.3057328351907532,0.4010240000000000,0.0952911648092468
/// ```
enum PerQueryCSV {
    static func write(_ report: CompareReport, table: ResultsTable) -> String {
        let comparisons = report.sections.first?.comparisons ?? []
        let position = Dictionary(report.runs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let pairs = comparisons.compactMap { c in position[c.baseline].flatMap { b in position[c.system].map { (b, $0) } } }
        var out = (["measure", "topic"] + report.runs + pairs.map { "\(report.runs[$0.1]) - \(report.runs[$0.0])" })
            .map(CompareText.csv).joined(separator: ",") + "\n"
        for section in report.sections {
            let values = report.runs.map { table.values(run: $0, measure: section.measure) ?? [] }
            for (t, topic) in table.topics.enumerated() {
                var fields = [CompareText.csv(section.measure), CompareText.csv(topic)]
                fields += values.map { CompareText.csv(t < $0.count ? $0[t] : nil) }
                for (baseline, system) in pairs where t < values[baseline].count && t < values[system].count {
                    fields.append(CompareText.csv(values[system][t] - values[baseline][t]))
                }
                out += fields.joined(separator: ",") + "\n"
            }
        }
        return out
    }
}
