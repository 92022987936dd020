import RevalCore
import RevalEval
import RevalExperiment
import RevalStats

extension GateReport {
    /// The share of a threshold's room under which a passing criterion is a near miss.
    public static let nearMissShare = 0.10
    /// How many losing topics a failure lists.
    public static let worstTopicCount = 10

    /// Judges `gate` on the evaluated experiment: one verdict per (check, dataset). The
    /// paired test of `not_significantly_worse` is the experiment's `significance.test` on
    /// the candidate and the baseline alone (a family of one: no correction), with its
    /// seed and permutations, so p does not depend on the thread count.
    public static func judge(_ results: ExperimentResults, gate: GateSpec, generator: String,
                             threads: Int = defaultThreadCount()) -> GateReport {
        let experiment = results.experiment
        let settings = experiment.significance
        var verdicts: [GateVerdict] = []
        var warnings = results.warnings
        for check in gate.checks {
            for dataset in check.datasets {
                guard let table = results.dataset(dataset)?.table,
                      let candidateValues = table.values(run: gate.candidate, measure: check.printedName),
                      let candidateMean = table.mean(run: gate.candidate, measure: check.printedName) else {
                    warnings.append("\(dataset): no \(check.printedName) values for \(gate.candidate); check \(check.index) skipped")
                    continue
                }
                var baselineValues: [Double]?
                var baselineMean: Double?
                if let baseline = gate.comparedBaseline {
                    baselineValues = table.values(run: baseline, measure: check.printedName)
                    baselineMean = table.mean(run: baseline, measure: check.printedName)
                }
                let judge = CriterionJudge(candidate: gate.candidate, baseline: gate.comparedBaseline, candidateMean: candidateMean,
                                           candidateValues: candidateValues, baselineMean: baselineMean,
                                           baselineValues: baselineValues, significance: settings, threads: threads)
                var criteria: [GateCriterion] = []
                if let min = check.min { criteria.append(judge.min(min)) }
                if let drop = check.maxDrop, let c = judge.maxDrop(drop) { criteria.append(c) }
                if let drop = check.maxRelativeDrop, let c = judge.maxRelativeDrop(drop) { criteria.append(c) }
                if check.notSignificantlyWorse, let c = judge.notSignificantlyWorse() { criteria.append(c) }
                if let tolerance = check.reproduce,
                   let expected = experiment.system(gate.candidate)?.expected.first(where: { $0.dataset == dataset && $0.printedName == check.printedName }) {
                    criteria.append(judge.reproduce(tolerance, expected: expected))
                }
                var verdict = GateVerdict(check: check.index, dataset: dataset, measure: check.measure, printedName: check.printedName,
                                          candidate: gate.candidate, baseline: gate.comparedBaseline, candidateMean: candidateMean,
                                          baselineMean: baselineMean, topics: table.topics.count, criteria: criteria,
                                          worstTopics: [], location: check.location)
                if !verdict.passed, let baselineValues {
                    verdict.worstTopics = worstTopics(table.topics, candidate: candidateValues, baseline: baselineValues)
                }
                verdicts.append(verdict)
            }
        }
        return GateReport(title: experiment.title, experiment: experiment.file, generator: generator, candidate: gate.candidate,
                          baseline: gate.comparedBaseline, significance: "\(CriterionJudge.testName(settings.test)), alpha \(ReportNumber.full(settings.alpha))",
                          verdicts: verdicts, warnings: warnings)
    }

    /// The topics with candidate < baseline, largest loss first, at most `worstTopicCount`;
    /// equal losses keep the topics' order.
    static func worstTopics(_ topics: [String], candidate: [Double], baseline: [Double]) -> [TopicLoss] {
        var losses: [(Int, TopicLoss)] = []
        for k in topics.indices where k < candidate.count && k < baseline.count && candidate[k] < baseline[k] {
            losses.append((k, TopicLoss(topic: topics[k], candidate: candidate[k], baseline: baseline[k], difference: candidate[k] - baseline[k])))
        }
        losses.sort { $0.1.difference != $1.1.difference ? $0.1.difference < $1.1.difference : $0.0 < $1.0 }
        return losses.prefix(worstTopicCount).map(\.1)
    }
}

/// The arithmetic of each criterion on one dataset.
struct CriterionJudge {
    var candidate: String
    var baseline: String?
    var candidateMean: Double
    var candidateValues: [Double]
    var baselineMean: Double?
    var baselineValues: [Double]?
    var significance: SignificanceSettings
    var threads: Int

    static func testName(_ test: SignificanceSettings.Test) -> String {
        switch test {
        case .t: return "paired t-test"
        case .randomization: return "randomization test"
        case .wilcoxon: return "Wilcoxon signed-rank test"
        case .tukey: return "randomised Tukey HSD"
        }
    }

    func min(_ threshold: GateThreshold) -> GateCriterion {
        let margin = candidateMean - threshold.value
        let passed = candidateMean >= threshold.value
        let summary = "\(q(candidateMean)) \(passed ? ">=" : "<") \(threshold.text) (margin \(signed(margin)))"
        return GateCriterion(kind: .min, setting: threshold.text, threshold: threshold.value, actual: candidateMean, margin: margin,
                             passed: passed, nearMiss: passed && margin < GateReport.nearMissShare * abs(threshold.value),
                             summary: summary)
    }

    func maxDrop(_ threshold: GateThreshold) -> GateCriterion? {
        guard let baseline, let baselineMean else { return nil }
        let floor = baselineMean - threshold.value
        let margin = candidateMean - floor
        let passed = candidateMean >= floor
        let summary = "\(q(candidateMean)) \(passed ? ">=" : "<") \(baseline) \(q(baselineMean)) - \(threshold.text) = \(q(floor)) (margin \(signed(margin)))"
        var criterion = GateCriterion(kind: .maxDrop, setting: threshold.text, threshold: floor, actual: candidateMean, margin: margin,
                                      passed: passed, nearMiss: passed && margin < GateReport.nearMissShare * threshold.value,
                                      summary: summary)
        criterion.difference = candidateMean - baselineMean
        return criterion
    }

    func maxRelativeDrop(_ threshold: GateThreshold) -> GateCriterion? {
        guard let baseline, let baselineMean else { return nil }
        let floor = baselineMean * (1 - threshold.value)
        let margin = candidateMean - floor
        let passed = candidateMean >= floor
        let summary = "\(q(candidateMean)) \(passed ? ">=" : "<") \(baseline) \(q(baselineMean)) * (1 - \(threshold.text)) = \(q(floor)) (margin \(signed(margin)))"
        var criterion = GateCriterion(kind: .maxRelativeDrop, setting: threshold.text, threshold: floor, actual: candidateMean,
                                      margin: margin, passed: passed,
                                      nearMiss: passed && margin < GateReport.nearMissShare * baselineMean * threshold.value,
                                      summary: summary)
        criterion.difference = candidateMean - baselineMean
        return criterion
    }

    func notSignificantlyWorse() -> GateCriterion? {
        guard let baseline, let baselineMean, let baselineValues, baselineValues.count == candidateValues.count else { return nil }
        let difference = candidateMean - baselineMean
        let alpha = significance.alpha
        let name = Self.testName(significance.test)
        var criterion = GateCriterion(kind: .notSignificantlyWorse, setting: "true", threshold: alpha, actual: nil, margin: nil,
                                      passed: true, nearMiss: false, summary: "")
        criterion.difference = difference
        criterion.test = name
        let alphaText = ReportNumber.full(alpha)
        guard difference < 0 else {
            criterion.summary = "\(signed(difference)) against \(baseline): not lower"
            return criterion
        }
        let (p, note) = pValue(baseline: baselineValues)
        guard let p else {
            criterion.summary = "\(signed(difference)) against \(baseline), \(name) gives no p (\(note ?? "no test")): not significant"
            return criterion
        }
        criterion.actual = p
        criterion.margin = p - alpha
        criterion.passed = p >= alpha
        criterion.nearMiss = criterion.passed && p < alpha * (1 + GateReport.nearMissShare)
        criterion.summary = criterion.passed
            ? "\(signed(difference)) against \(baseline), \(name) p = \(ReportNumber.pValue(p)) >= alpha \(alphaText): not significantly worse"
            : "\(signed(difference)) against \(baseline), \(name) p = \(ReportNumber.pValue(p)) < alpha \(alphaText): significantly worse"
        return criterion
    }

    func reproduce(_ tolerance: GateThreshold, expected: ExpectedScore) -> GateCriterion {
        let distance = abs(candidateMean - expected.value)
        let margin = tolerance.value - distance
        let passed = distance <= tolerance.value
        let summary = "|\(fine(candidateMean)) - expected \(expected.text)| = \(fine(distance)) \(passed ? "<=" : ">") \(tolerance.text) (margin \(fine(margin, signed: true)))"
        var criterion = GateCriterion(kind: .reproduce, setting: tolerance.text, threshold: tolerance.value, actual: distance,
                                      margin: margin, passed: passed,
                                      nearMiss: passed && margin < GateReport.nearMissShare * tolerance.value, summary: summary)
        criterion.expected = expected.value
        criterion.expectedText = expected.text
        return criterion
    }

    func pValue(baseline: [Double]) -> (Double?, String?) {
        let scores = PairedScores(baseline: baseline, system: candidateValues)
        switch significance.test {
        case .t:
            let test = PairedTTest(scores)
            return (test.p, test.note)
        case .randomization:
            let test = RandomizationTest(scores, permutations: significance.permutations, seed: significance.seed, threads: threads)
            return (test.p, test.note)
        case .wilcoxon:
            let test = WilcoxonSignedRank(scores)
            return (test.p, test.note)
        case .tukey:
            let test = RandomizedTukeyHSD(scores: [baseline, candidateValues], permutations: significance.permutations,
                                          seed: significance.seed, threads: threads)
            return (test.p(0, 1), test.note)
        }
    }

    func q(_ value: Double) -> String { ReportNumber.quality(value) }
    func signed(_ value: Double) -> String { ReportNumber.difference(value) }

    /// Six decimals, for reproduction, whose tolerances are a few ten-thousandths.
    func fine(_ value: Double, signed: Bool = false) -> String {
        (signed && value >= 0 ? "+" : "") + formatC("%.6f", value)
    }
}
