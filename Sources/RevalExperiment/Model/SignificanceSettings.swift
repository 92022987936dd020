/// How cells are marked significantly different from the baseline: which paired test
/// decides, which correction for multiple comparisons, and the level. The family of a
/// correction is every system compared with the baseline on one dataset and measure.
public struct SignificanceSettings: Sendable, Equatable {
    public enum Test: String, Sendable, CaseIterable {
        /// Paired two-sided Student t-test.
        case t
        /// Fisher's randomization test (paired sign flips, Monte Carlo).
        case randomization
        /// Wilcoxon signed-rank test.
        case wilcoxon
        /// Randomised Tukey HSD over every system of a dataset (family-wise already: no
        /// further correction).
        case tukey
    }

    public enum Correction: String, Sendable, CaseIterable {
        case holm, bonferroni, bh, none
    }

    public var test: Test = .t
    public var correction: Correction = .holm
    public var alpha: Double = 0.05
    /// Permutations of the randomization and Tukey tests.
    public var permutations: Int = 100_000
    /// Seed of the randomization test's generator.
    public var seed: UInt64 = 0

    public init() {}
}
