/// The test whose p-value decides significance in a comparison.
public enum SignificanceTest: String, Sendable, CaseIterable {
    /// ``PairedTTest``.
    case t
    /// ``RandomizationTest``.
    case randomization
    /// ``WilcoxonSignedRank``.
    case wilcoxon
    /// The p dual to the percentile ``BootstrapInterval``.
    case bootstrap
    /// ``RandomizedTukeyHSD`` across all the systems compared; already family-wise.
    case tukey
}

/// How systems are compared: which test decides, the correction, and the Monte Carlo sizes.
///
/// ```swift
/// var settings = ComparisonSettings()
/// settings.test = .randomization
/// settings.correction = .holm
/// settings.permutations = 100_000
/// ```
public struct ComparisonSettings: Sendable, Equatable {
    public var test: SignificanceTest = .t
    /// Over the comparisons of one measure; not applied to Tukey HSD.
    public var correction: PValueCorrection = .holm
    /// Significant when the adjusted p ≤ alpha.
    public var alpha: Double = 0.05
    /// Random sign assignments of the randomization test (and trials of Tukey HSD).
    public var permutations: Int = 100_000
    /// Resamples of the bootstrap.
    public var bootstrapResamples: Int = 10_000
    /// Confidence of the bootstrap interval.
    public var confidence: Double = 0.95
    public var seed: UInt64 = 1
    public var threads: Int = 1

    public init() {}

    /// The correction actually applied: none for Tukey HSD.
    public var effectiveCorrection: PValueCorrection { test == .tukey ? .none : correction }
}

/// One system's per-topic values of one measure and its summary as `reval eval` prints it.
public struct SystemScores: Sendable {
    public var name: String
    /// Aligned with the topics of the comparison.
    public var values: [Double]
    /// The summary over all topics (the mean, or the geometric mean for gm_ measures).
    public var mean: Double

    public init(name: String, values: [Double], mean: Double) {
        self.name = name
        self.values = values
        self.mean = mean
    }
}
