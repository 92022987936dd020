#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The paired two-sided t-test, as `scipy.stats.ttest_rel(system, baseline)` (Student 1908;
/// scipy 1.17 `ttest_1samp` on the differences):
///
/// t = d̄ / √(s²/n), s² = Σ(dᵢ − d̄)² / (n − 1), p = P(|T| ≥ |t|) for T ~ Student-t with
/// n − 1 degrees of freedom (``StudentT``).
///
/// Means and sums of squares are added in numpy's order (``PairwiseSum``), so t agrees with
/// scipy to the last bit or two. With fewer than 2 topics, or all differences zero, t and p
/// do not exist (nil, with a note). When every difference is the same non-zero value s² = 0,
/// t is infinite (nil, with a note) and p is 0, as scipy gives.
///
/// ```swift
/// let test = PairedTTest(PairedScores(baseline: [0.1, 0.2, 0.3], system: [0.2, 0.4, 0.3]))
/// test.t   // 1.7320508075688774
/// test.p   // ≈ 0.2254033307585166 = 1 − √(3/5)
/// ```
public struct PairedTTest: Sendable {
    public let n: Int
    public let degreesOfFreedom: Int
    public let t: Double?
    public let p: Double?
    /// Why t or p is missing.
    public let note: String?

    public init(_ scores: PairedScores) {
        n = scores.count
        degreesOfFreedom = max(0, n - 1)
        guard n >= 2 else {
            (t, p, note) = (nil, nil, "t-test needs at least 2 topics")
            return
        }
        let d = scores.differences
        let mean = PairwiseSum.mean(d)
        // scipy: var = mean((d − d̄)²) · n/(n − 1); denominator √(var/n).
        let n = Double(self.n)
        let variance = PairwiseSum.mean(d.map { ($0 - mean) * ($0 - mean) }) * (n / (n - 1))
        let statistic = mean / sqrt(variance / n)
        if statistic.isNaN {
            (t, p, note) = (nil, nil, "t-test undefined: all differences are zero")
        } else if statistic.isInfinite {
            (t, p, note) = (nil, 0, "t is infinite: every topic has the same non-zero difference")
        } else {
            t = statistic
            p = min(1, StudentT.twoSidedP(statistic, degreesOfFreedom: n - 1))
            note = nil
        }
    }
}
