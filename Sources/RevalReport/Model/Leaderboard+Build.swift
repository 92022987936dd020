import RevalCore
import RevalCost
import RevalEval
import RevalExperiment
import RevalSplits

extension Leaderboard {
    /// The leaderboard of an evaluated experiment. `generator` names the program in the
    /// footer ("reval 0.1.0"). Deterministic: the same results give the same leaderboard
    /// for any thread count.
    public static func build(_ results: ExperimentResults, generator: String,
                             threads: Int = defaultThreadCount()) -> Leaderboard {
        let experiment = results.experiment
        let measures = experiment.printedMeasures
        var groups: [String] = []
        for spec in experiment.datasets {
            if let group = spec.group, !groups.contains(group) { groups.append(group) }
        }
        let ungrouped = experiment.datasets.filter { $0.group == nil }.count
        let datasets = results.datasets.map { d in
            Dataset(name: d.spec.name, topics: d.topicCount, group: d.spec.group, hasSplit: d.split != nil,
                    splitBuckets: d.split.map { evaluation in evaluation.runs.first?.buckets.count ?? 0 } ?? 0,
                    hasCost: d.cost != nil,
                    currency: d.cost?.systems.compactMap(\.currency).first)
        }
        var aboutKeys: [String] = []
        for system in experiment.systems {
            for (key, _) in system.about where !aboutKeys.contains(key) { aboutKeys.append(key) }
        }
        let marks = comparisons(results, measures: measures, threads: threads)
        var rows: [Row] = []
        for system in experiment.systems {
            var row = Row(name: system.name, rank: 0, isBaseline: system.name == experiment.baseline,
                          scores: [], missingTopics: [], average: [], groupAverages: [], marks: [], splits: [],
                          cost: [], about: aboutKeys.map { key in system.about.first { $0.key == key }?.value },
                          expected: [])
            for (d, dataset) in results.datasets.enumerated() {
                let table = dataset.table
                let hasRun = table.runs.contains(system.name)
                row.scores.append(measures.map { hasRun ? table.mean(run: system.name, measure: $0) : nil })
                row.missingTopics.append(hasRun ? table.missingTopics(run: system.name).count : nil)
                row.marks.append(measures.indices.map { m in marks[d][m][system.name] })
                row.splits.append(hasRun ? splitCells(dataset.split, system: system.name, measures: measures) : nil)
                row.cost.append(costCells(dataset.cost, system: system.name))
            }
            row.groupAverages = groups.map { group in
                measures.indices.map { m in
                    mean(results.datasets.indices.filter { results.datasets[$0].spec.group == group }.map { row.scores[$0][m] })
                }
            }
            row.average = measures.indices.map { m in
                let units = results.datasets.indices.filter { results.datasets[$0].spec.group == nil }.map { row.scores[$0][m] }
                    + row.groupAverages.map { $0[m] }
                return mean(units)
            }
            row.expected = system.expected.map { score in
                let actual = results.dataset(score.dataset)?.table.mean(run: system.name, measure: score.printedName)
                let reproduced = actual.map { abs($0 - score.value) <= score.roundingTolerance } ?? false
                return ExpectedCheck(dataset: score.dataset, measure: score.printedName, expectedText: score.text,
                                     expected: score.value, actual: actual, reproduced: reproduced)
            }
            rows.append(row)
        }
        rank(&rows)
        return Leaderboard(title: experiment.title, measures: measures, datasets: datasets, groups: groups,
                           averagedUnits: ungrouped + groups.count, aboutKeys: aboutKeys,
                           baseline: experiment.baseline, significance: experiment.significance,
                           costAxis: experiment.cost.axis, percentileRule: experiment.cost.percentile, rows: rows,
                           topicDifferences: topicDifferences(results, measure: measures[0]),
                           experimentName: experiment.file.split(separator: "/").last.map(String.init) ?? experiment.file,
                           generator: generator, inputs: results.inputs, warnings: results.warnings)
    }

    /// The mean of values that are all present; nil when any is missing or there are none.
    static func mean(_ values: [Double?]) -> Double? {
        guard !values.isEmpty else { return nil }
        var sum = 0.0
        for value in values {
            guard let value else { return nil }
            sum += value
        }
        return sum / Double(values.count)
    }

    /// Orders rows by the first measure's average (highest first, equal averages by name
    /// and sharing a rank), then the rows without an average, by name.
    static func rank(_ rows: inout [Row]) {
        rows.sort { a, b in
            switch (a.average.first ?? nil, b.average.first ?? nil) {
            case let (x?, y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return byteOrderLess(a.name, b.name)
            }
        }
        for k in rows.indices {
            if k > 0, let value = rows[k].average.first ?? nil, value == rows[k - 1].average.first ?? nil {
                rows[k].rank = rows[k - 1].rank
            } else {
                rows[k].rank = k + 1
            }
        }
    }

    /// marks[dataset][measure][system].
    static func comparisons(_ results: ExperimentResults, measures: [String], threads: Int) -> [[[String: Mark]]] {
        results.datasets.map { dataset in
            measures.map { measure in
                var marks: [String: Mark] = [:]
                for c in results.comparisons(dataset: dataset.spec.name, measure: measure, threads: threads) {
                    marks[c.system] = Mark(p: c.p, adjustedP: c.adjustedP, significant: c.significant, difference: c.difference)
                }
                return marks
            }
        }
    }

    static func splitCells(_ split: SplitEvaluation?, system: String, measures: [String]) -> SplitCells? {
        guard let split, let run = split.runs.first(where: { $0.name == system }) else { return nil }
        func aligned(_ values: [Double?]?) -> [Double?] {
            measures.map { name in split.measures.firstIndex(of: name).flatMap { values?[$0] } }
        }
        return SplitCells(interpolate: aligned(run.macro.side(SplitLabel.interpolate)?.values),
                          extrapolate: aligned(run.macro.side(SplitLabel.extrapolate)?.values),
                          gap: aligned(run.macro.gap))
    }

    static func costCells(_ report: CostReport?, system: String) -> CostCells? {
        guard let cost = report?.systems.first(where: { $0.name == system }) else { return nil }
        return CostCells(p95Milliseconds: cost.latency.p95, qps: cost.qps, costPerMillion: cost.costPerMillion,
                         currency: cost.currency, pareto: cost.pareto)
    }

    /// The first measure's per-topic differences of every system against the baseline.
    static func topicDifferences(_ results: ExperimentResults, measure: String) -> [TopicDifferences] {
        guard let baseline = results.experiment.baseline else { return [] }
        var all: [TopicDifferences] = []
        for dataset in results.datasets {
            let table = dataset.table
            guard let base = table.values(run: baseline, measure: measure) else { continue }
            for system in table.runs where system != baseline {
                guard let values = table.values(run: system, measure: measure) else { continue }
                let order = table.topics.indices.sorted { i, j in
                    let di = values[i] - base[i], dj = values[j] - base[j]
                    return di != dj ? di > dj : byteOrderLess(table.topics[i], table.topics[j])
                }
                all.append(TopicDifferences(dataset: dataset.spec.name, system: system, measure: measure,
                                            topics: order.map { table.topics[$0] },
                                            differences: order.map { values[$0] - base[$0] }))
            }
        }
        return all
    }
}
