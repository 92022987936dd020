#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RevalCore
import RevalFormats

/// Per-topic values of several runs over one topic set, looked up by run name, topic id
/// and printed measure name (`ndcg_cut_10`, `map`, `nDCG@10`), at full precision.
///
/// The topic set is every topic of the qrels, in trec_eval's order (ids ascending by
/// bytes). A topic that a run lacks is scored as trec_eval's `-c` scores it: 0 for nearly
/// every measure (trec_eval 10.0 scores a one-document placeholder run, so `num_rel`,
/// `ideal_dcg` and `yaap` keep their qrels-only values). So every run is paired with every
/// other on the same topics, which is what significance tests and split tables need.
///
/// ```swift
/// let table = try ResultsTable.evaluate(qrels: qrels, runs: [RunInput(path: "bm25.txt"),
///                                       RunInput(path: "dense.txt")],
///                                       measures: ["ndcg_cut.10"], settings: EvaluationSettings())
/// table.mean(run: "bm25.txt", measure: "ndcg_cut_10")            // trec_eval -c's "all" value
/// table.paired("bm25.txt", "dense.txt", measure: "ndcg_cut_10")  // two aligned vectors
/// table.restricted(to: ["1037798", "104861"]).mean(run: "bm25.txt", measure: "ndcg_cut_10")
/// ```
public struct ResultsTable: Sendable {
    /// Run names, in the order given.
    public private(set) var runs: [String]
    /// Topic ids, trec_eval's order.
    public private(set) var topics: [String]
    /// Printed measure names, in the order of the measures' selection. Text and run-tag
    /// measures (relstring, runid) have no numbers and are left out.
    public private(set) var measures: [String]
    /// How each measure's values combine into its summary, aligned with `measures`.
    public private(set) var summaryStyles: [MeasureStyle.Summary]
    /// values[run][measure][topic].
    var values: [[[Double]]]
    /// Per run, the topics it lacked (scored by the -c rule).
    var missing: [Set<String>]
    /// The -l the table was evaluated with: the `rel` of ir_measures names without one,
    /// which `printedNames(of:)` needs (`AP` is printed `AP(rel=2)` under -l 2).
    public internal(set) var relevanceLevel = 1
    /// trec_eval's own summary lines per run and measure, kept while the table covers
    /// every topic it was evaluated on (a subset recomputes them).
    var evaluatedSummaries: [[Double?]]?
    private var runIndex: [String: Int]
    private var measureIndex: [String: Int]
    private var topicIndex: [String: Int]

    /// A table of evaluations made over the same qrels with `completeTopics` on.
    /// Measures print under several names share a row per name; a name printed twice
    /// (`Rprec` and `Rprec(rel=1)`) keeps its first row.
    public init(evaluations: [Evaluation], runNames: [String]) {
        precondition(evaluations.count == runNames.count, "one name per evaluation")
        let first = evaluations.first
        var names: [String] = []
        var styles: [MeasureStyle.Summary] = []
        var slots: [(measure: Int, value: Int)] = []
        var seen = Set<String>()
        for (m, measure) in (first?.measures ?? []).enumerated() {
            guard measure.style.format == .real || measure.style.format == .integer else { continue }
            for (k, name) in measure.valueNames.enumerated() where seen.insert(name).inserted {
                names.append(name)
                styles.append(measure.style.summary)
                slots.append((m, k))
            }
        }
        let table = evaluations.map { evaluation in
            slots.map { slot in evaluation.topics.map { $0.values[slot.measure][slot.value] } }
        }
        self.init(runs: runNames, topics: first?.topics.map(\.topic) ?? [], measures: names,
                  summaryStyles: styles, values: table,
                  missing: evaluations.map { Set($0.topics.filter(\.missingFromRun).map(\.topic)) })
        evaluatedSummaries = evaluations.map { evaluation in
            slots.map { slot -> Double? in
                slot.measure < evaluation.summary.count && slot.value < evaluation.summary[slot.measure].count
                    ? evaluation.summary[slot.measure][slot.value] : nil
            }
        }
    }

    init(runs: [String], topics: [String], measures: [String], summaryStyles: [MeasureStyle.Summary],
         values: [[[Double]]], missing: [Set<String>]) {
        self.runs = runs
        self.topics = topics
        self.measures = measures
        self.summaryStyles = summaryStyles
        self.values = values
        self.missing = missing
        runIndex = Dictionary(runs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        measureIndex = Dictionary(measures.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        topicIndex = Dictionary(topics.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Evaluates every run once (runs in parallel) over every qrels topic (`-c` is forced
    /// on), and fails on the first run, in the order given, that cannot be read or holds
    /// a document twice.
    /// Two different files with one name would be one row of the table: that is an error
    /// (exit 2).
    public static func evaluate(qrels: Qrels, runs: [RunInput], measures names: [String],
                                settings: EvaluationSettings) throws(EvaluationError) -> ResultsTable {
        var pathOfName: [String: String] = [:]
        for run in runs {
            if let other = pathOfName[run.name], other != run.path {
                throw EvaluationError("two runs are named '\(run.name)' (\(other) and \(run.path)); "
                    + "expected one name per run (RunInput.distinctlyNamed names them by path)", exitCode: 2)
            }
            pathOfName[run.name] = run.path
        }
        var complete = settings
        complete.completeTopics = true
        let measures = try EvaluationPipeline.measures(names, settings: complete)
        let evaluations = try EvaluationPipeline.evaluate(runs, qrels: qrels, measures: measures, settings: complete)
        var checked: [Evaluation] = []
        for (run, evaluation) in zip(runs, evaluations) {
            checked.append(try EvaluationPipeline.checked(evaluation, run: run, qrels: qrels))
        }
        var table = ResultsTable(evaluations: checked, runNames: runs.map(\.name))
        table.relevanceLevel = settings.relevanceLevel
        return table
    }

    /// One run's values of one measure, aligned with `topics`; nil for an unknown run or
    /// measure.
    public func values(run: String, measure: String) -> [Double]? {
        guard let r = runIndex[run], let m = measureIndex[measure] else { return nil }
        return values[r][m]
    }

    /// One value; nil for an unknown run, topic or measure.
    public func value(run: String, topic: String, measure: String) -> Double? {
        guard let r = runIndex[run], let m = measureIndex[measure], let t = topicIndex[topic] else { return nil }
        return values[r][m][t]
    }

    /// The summary over this table's topics as trec_eval -c prints it: the mean for most
    /// measures, the geometric mean (values floored at 1e-5) for `gm_*`, the sum for
    /// counts, the number of topics for `num_q`. nil for an unknown run or measure, or a
    /// measure without a summary. Over every evaluated topic it is trec_eval's own summary
    /// line (so `num_rel` under `-c -l 2` counts grades >= 1, as trec_eval does); over a
    /// subset, the same rule on the subset's values (`num_rel` then sums the per-topic
    /// counts at the table's level).
    public func mean(run: String, measure: String) -> Double? {
        guard let r = runIndex[run], let m = measureIndex[measure] else { return nil }
        if summaryStyles[m] == .none { return nil }
        if let evaluated = evaluatedSummaries?[r][m] { return evaluated }
        return Self.summary(values[r][m], summaryStyles[m])
    }

    /// Two runs' values of one measure on the same topics, in `topics` order.
    public func paired(_ a: String, _ b: String, measure: String) -> (a: [Double], b: [Double])? {
        guard let x = values(run: a, measure: measure), let y = values(run: b, measure: measure) else { return nil }
        return (x, y)
    }

    /// Topics of the table that `run` lacked, scored by the -c rule, in `topics` order.
    public func missingTopics(run: String) -> [String] {
        guard let r = runIndex[run] else { return [] }
        return topics.filter { missing[r].contains($0) }
    }

    /// The printed names `name` selects (`P.5,10` → `P_5`, `P_10`), in this table.
    public func printedNames(of name: String) -> [String] {
        guard let selected = try? MeasureSelection.select([name], relevanceLevel: relevanceLevel) else { return [] }
        return selected.flatMap(\.valueNames).filter { measureIndex[$0] != nil }
    }

    static func summary(_ values: [Double], _ style: MeasureStyle.Summary) -> Double? {
        switch style {
        case .none:
            return nil
        case .topicCount:
            return Double(values.count)
        case .sum:
            var sum = 0.0
            for v in values { sum += v }
            return sum
        case .mean:
            var sum = 0.0
            for v in values { sum += v }
            return values.isEmpty ? 0 : sum / Double(values.count)
        case .geometricMean:
            var sum = 0.0
            for v in values { sum += log(v > minimumGeometricMeanValue ? v : minimumGeometricMeanValue) }
            return values.isEmpty ? 0 : exp(sum / Double(values.count))
        }
    }
}
