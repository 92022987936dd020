import RevalCore
import RevalEval
import RevalStats

/// What `reval compare` found: the comparisons of every measure, in measure order, and the
/// warnings about the inputs.
struct CompareReport {
    struct MeasureSection {
        var measure: String
        var comparisons: [PairComparison]
    }

    var settings: ComparisonSettings
    var topicCount: Int
    var runs: [String]
    var sections: [MeasureSection]
    var warnings: [String]

    var comparisons: [PairComparison] { sections.flatMap(\.comparisons) }

    static func build(table: ResultsTable, options: CompareOptions) throws(CompareError) -> CompareReport {
        let topics = table.topics
        guard !topics.isEmpty else { throw CompareError("\(options.runs[0].path): the qrels hold no topic to compare on") }
        var lacking: [(run: String, count: Int)] = []
        for run in options.runs {
            let missing = table.missingTopics(run: run.name).count
            if missing == topics.count {
                throw CompareError("\(run.path): no topic of the qrels in this run (\(topics.count) qrels topics); expected a run for these qrels")
            }
            lacking.append((run.path, missing))
        }
        var warnings: [String] = []
        if lacking.contains(where: { $0.count > 0 }) {
            let counts = lacking.map { "\($0.run) lacks \($0.count)" }.joined(separator: ", ")
            warnings.append("runs lack some of the \(topics.count) qrels topics, scored 0 there (trec_eval's -c rule): \(counts)")
        }
        var sections: [MeasureSection] = []
        for measure in orderedMeasures(table, names: options.measureNames) {
            guard let m = table.measures.firstIndex(of: measure) else { continue }
            let style = table.summaryStyles[m]
            guard style != .none && style != .topicCount else { continue }
            let systems = options.runs.map { run in
                SystemScores(name: run.name, values: table.values(run: run.name, measure: measure) ?? [],
                             mean: table.mean(run: run.name, measure: measure) ?? .nan)
            }
            var rows = MeasureComparison.compare(
                measure: measure, topics: topics, systems: systems, pairs: options.pairs, settings: options.comparison)
            if style == .geometricMean {
                for k in rows.indices {
                    rows[k].notes.append("the means are geometric (as trec_eval prints them); the tests and the difference use the per-topic values")
                }
            }
            sections.append(MeasureSection(measure: measure, comparisons: rows))
        }
        guard !sections.isEmpty else {
            throw CompareError("-m selects no measure with per-topic values to compare (\(options.measureNames.joined(separator: ", "))); expected a measure such as ndcg_cut.10 or map")
        }
        return CompareReport(settings: options.comparison, topicCount: topics.count, runs: options.runs.map(\.name),
                             sections: sections, warnings: warnings)
    }

    /// The table's measures in the order of the -m names (a name may stand for several
    /// printed measures, `P.5,10` for `P_5` and `P_10`), then any others in table order.
    static func orderedMeasures(_ table: ResultsTable, names: [String]) -> [String] {
        var ordered: [String] = []
        var seen = Set<String>()
        for name in names {
            for printed in table.printedNames(of: name) where seen.insert(printed).inserted { ordered.append(printed) }
        }
        for measure in table.measures where seen.insert(measure).inserted { ordered.append(measure) }
        return ordered
    }
}
