/// The exact null distribution of the Wilcoxon signed-rank statistic R⁺ (the sum of the
/// ranks of the positive differences) for n differences without ties or zeros: each of the
/// 2ⁿ sign assignments of the ranks 1…n is equally likely, so P(R⁺ = k) = cₙ(k) / 2ⁿ where
/// cₙ(k) counts the subsets of {1, …, n} summing to k, by the recurrence
/// cₙ(k) = cₙ₋₁(k) + cₙ₋₁(k − n) (Wilcoxon 1945; scipy's `_get_wilcoxon_distr`).
///
/// Counts are exact integers (n ≤ 53) and every probability is a count divided by a power
/// of two, so the sums below are exact and equal scipy's float results bit for bit.
///
/// ```swift
/// let null = WilcoxonNullDistribution(n: 3)   // R⁺ ∈ {0, 1, 2, 3, 3, 4, 5, 6}
/// null.cdf(1)   // 2/8 = 0.25
/// ```
public struct WilcoxonNullDistribution: Sendable {
    public let n: Int
    /// counts[k] = the number of subsets of {1…n} with sum k, k = 0 … n(n+1)/2.
    public let counts: [UInt64]

    public init(n: Int) {
        precondition(n >= 0 && n <= 53, "exact Wilcoxon distribution for 0 ≤ n ≤ 53")
        self.n = n
        var counts: [UInt64] = [1]
        for k in stride(from: 1, through: n, by: 1) {
            var next = counts + [UInt64](repeating: 0, count: k)
            for (sum, c) in counts.enumerated() { next[sum + k] += c }
            counts = next
        }
        self.counts = counts
    }

    private var total: Double { Double(sign: .plus, exponent: n, significand: 1) }

    /// P(R⁺ ≤ k).
    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= counts.count - 1 { return 1 }
        return Double(counts[...k].reduce(0, +)) / total
    }

    /// P(R⁺ ≥ k).
    public func sf(_ k: Int) -> Double {
        if k <= 0 { return 1 }
        if k >= counts.count { return 0 }
        return Double(counts[k...].reduce(0, +)) / total
    }
}
