import RevalCore
import RevalEval
import RevalStats

/// One system against the baseline on one dataset and measure: the means, the difference,
/// the p-value of the experiment's paired test and that p adjusted over its family (every
/// system compared with the baseline on this dataset and measure).
public struct BaselineComparison: Sendable, Equatable {
    public var dataset: String
    /// Printed name.
    public var measure: String
    public var baseline: String
    public var system: String
    /// Topics paired (every qrels topic: the -c rule).
    public var topics: Int
    public var baselineMean: Double?
    public var systemMean: Double?
    /// systemMean − baselineMean.
    public var difference: Double?
    /// The p-value of `significance.test`; nil when the test does not exist (fewer than 2
    /// topics, no difference at all), with the reason in `note`.
    public var p: Double?
    /// `p` after the family's correction (Tukey's p as it is).
    public var adjustedP: Double?
    /// adjustedP < alpha.
    public var significant: Bool
    public var note: String?
}

extension ExperimentResults {
    /// Every other system with a run on `dataset` against `baseline` (default: the
    /// experiment's) on `measure`, in the experiment's system order, with p-values adjusted
    /// over exactly these comparisons. Empty when the baseline has no run there.
    ///
    /// ```swift
    /// let family = results.comparisons(dataset: "dl19-passage", measure: "ndcg_cut_10")
    /// family.map(\.significant)   // one mark per system against BM25
    /// ```
    public func comparisons(dataset name: String, measure: String, baseline: String? = nil,
                            threads: Int = defaultThreadCount()) -> [BaselineComparison] {
        guard let baseline = baseline ?? experiment.baseline, let dataset = dataset(name),
              let base = dataset.table.values(run: baseline, measure: measure) else { return [] }
        let table = dataset.table
        let settings = experiment.significance
        let others = table.runs.filter { $0 != baseline }
        var comparisons = others.map { system -> BaselineComparison in
            let baselineMean = table.mean(run: baseline, measure: measure)
            let systemMean = table.mean(run: system, measure: measure)
            let difference = baselineMean.flatMap { b in systemMean.map { $0 - b } }
            return BaselineComparison(dataset: name, measure: measure, baseline: baseline, system: system,
                                      topics: base.count, baselineMean: baselineMean, systemMean: systemMean,
                                      difference: difference, p: nil, adjustedP: nil, significant: false, note: nil)
        }
        guard !comparisons.isEmpty else { return [] }
        if settings.test == .tukey {
            let scores = [base] + others.map { table.values(run: $0, measure: measure) ?? [] }
            let tukey = RandomizedTukeyHSD(scores: scores, permutations: settings.permutations, seed: settings.seed,
                                           threads: threads)
            for k in comparisons.indices {
                comparisons[k].p = tukey.p(0, k + 1)
                comparisons[k].adjustedP = comparisons[k].p
                comparisons[k].note = tukey.note
            }
        } else {
            for k in comparisons.indices {
                let scores = PairedScores(baseline: base, system: table.values(run: others[k], measure: measure) ?? [])
                switch settings.test {
                case .t:
                    let test = PairedTTest(scores)
                    (comparisons[k].p, comparisons[k].note) = (test.p, test.note)
                case .randomization:
                    let test = RandomizationTest(scores, permutations: settings.permutations, seed: settings.seed, threads: threads)
                    (comparisons[k].p, comparisons[k].note) = (test.p, test.note)
                case .wilcoxon:
                    let test = WilcoxonSignedRank(scores)
                    (comparisons[k].p, comparisons[k].note) = (test.p, test.note)
                case .tukey:
                    break
                }
            }
            let adjusted = settings.correction.statsCorrection.adjust(comparisons.map(\.p))
            for k in comparisons.indices { comparisons[k].adjustedP = adjusted[k] }
        }
        for k in comparisons.indices {
            comparisons[k].significant = comparisons[k].adjustedP.map { $0 < settings.alpha } ?? false
        }
        return comparisons
    }
}

extension SignificanceSettings.Correction {
    var statsCorrection: PValueCorrection {
        switch self {
        case .holm: return .holm
        case .bonferroni: return .bonferroni
        case .bh: return .benjaminiHochberg
        case .none: return .none
        }
    }
}
