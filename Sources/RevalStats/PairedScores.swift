/// Two systems' scores on the same topics, in the same order: the input of every paired
/// test. Differences are system − baseline, so a positive difference is a gain of the
/// system (scipy's `ttest_rel(system, baseline)` and `wilcoxon(system, baseline)`).
///
/// ```swift
/// let scores = PairedScores(baseline: [0.2, 0.5, 0.4], system: [0.3, 0.5, 0.6])
/// scores.differences   // [0.09999999999999998, 0.0, 0.19999999999999996]
/// ```
public struct PairedScores: Sendable {
    public let baseline: [Double]
    public let system: [Double]
    /// system[i] − baseline[i].
    public let differences: [Double]

    /// `baseline` and `system` must have the same length (one value per topic).
    public init(baseline: [Double], system: [Double]) {
        precondition(baseline.count == system.count, "paired scores need one value per topic on both sides")
        self.baseline = baseline
        self.system = system
        differences = zip(system, baseline).map { $0 - $1 }
    }

    /// The number of topics.
    public var count: Int { differences.count }

    /// mean(differences), summed in numpy's order (``PairwiseSum``); nil with no topics.
    public var meanDifference: Double? { count == 0 ? nil : PairwiseSum.mean(differences) }
}
