#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Wilcoxon signed-rank test (Wilcoxon 1945), two-sided, exactly as
/// `scipy.stats.wilcoxon(system, baseline)` with its defaults in scipy 1.17
/// (`zero_method='wilcox'`, `correction=False`, `method='auto'`; scipy/stats/_wilcoxon.py):
///
/// - zero differences are dropped; the m non-zero |dᵢ| are ranked, ties sharing their
///   average rank; R⁺ and R⁻ are the rank sums of the positive and negative differences;
/// - more than 50 pairs (counting zeros) → **normal**: z = (R⁺ − m(m+1)/4) / σ,
///   σ² = (m(m+1)(2m+1) − Σ(t³ − t)/2) / 24 over the tie groups of size t, p = 2·Φ(−|z|);
/// - at most 50 pairs, no ties and no zeros → **exact**: p = min(1, 2·min(P(R⁺ ≥ ⌊r⁺⌋), P(R⁺ ≤ ⌈r⁺⌉)))
///   under ``WilcoxonNullDistribution``;
/// - ties or zeros and at most 13 pairs → **permutation**: all 2ⁿ sign assignments of the
///   n differences (scipy's `permutation_test`, exact for 2ⁿ ≤ 9,999), p =
///   min(1, 2·min(#{R⁺* ≤ r⁺ + γ}, #{R⁺* ≥ r⁺ − γ}) / 2ⁿ), γ = 100·2⁻⁵²·r⁺;
/// - otherwise → **normal**, as above.
///
/// The reported statistic is W = min(R⁺, R⁻), as scipy's. When every difference is zero the
/// test does not exist (p nil, with a note; scipy returns 1 for up to 13 pairs and NaN above).
///
/// ```swift
/// let test = WilcoxonSignedRank(PairedScores(baseline: [0, 0, 0], system: [1, -2, 3]))
/// test.method   // .exact; R⁺ = 1 + 3 = 4, p = 2·P(R⁺ ≥ 4) = 2·3/8 = 0.75
/// ```
public struct WilcoxonSignedRank: Sendable {
    public enum Method: String, Sendable {
        case exact
        case permutation
        case normal
    }

    /// Pairs, zeros included.
    public let n: Int
    /// Non-zero differences.
    public let nonZero: Int
    public let rankSumPositive: Double
    public let rankSumNegative: Double
    /// z of the normal approximation (nil for the other methods).
    public let z: Double?
    public let p: Double?
    public let method: Method
    public let note: String?

    /// W = min(R⁺, R⁻).
    public var statistic: Double { min(rankSumPositive, rankSumNegative) }

    public init(_ scores: PairedScores) {
        let d = scores.differences
        n = d.count
        let nonZeroDifferences = d.filter { $0 != 0 }
        nonZero = nonZeroDifferences.count
        let ranking = AverageRanks(nonZeroDifferences.map(abs))
        var positive = 0.0, negative = 0.0
        for (value, rank) in zip(nonZeroDifferences, ranking.ranks) {
            if value > 0 { positive += rank } else { negative += rank }
        }
        rankSumPositive = positive
        rankSumNegative = negative
        let hasZeros = nonZero < n
        let method: Method = n > 50 ? .normal : !(ranking.hasTies || hasZeros) ? .exact : n <= 13 ? .permutation : .normal
        self.method = method
        guard nonZero > 0 else {
            (z, p, note) = (nil, nil, n == 0 ? "Wilcoxon test needs at least 1 topic" : "Wilcoxon test undefined: all differences are zero")
            return
        }
        note = nil
        switch method {
        case .normal:
            let m = Double(nonZero)
            let ties = ranking.tieGroups.reduce(0.0) { $0 + Double($1) * Double($1) * Double($1) - Double($1) }
            let sigma = sqrt((m * (m + 1) * (2 * m + 1) - ties / 2) / 24)
            let statistic = (positive - m * (m + 1) * 0.25) / sigma
            z = statistic
            p = StandardNormal.twoSidedP(statistic)
        case .exact:
            let null = WilcoxonNullDistribution(n: nonZero)
            let below = null.cdf(Int(positive.rounded(.up)))
            let above = null.sf(Int(positive.rounded(.down)))
            z = nil
            p = min(1, 2 * min(above, below))
        case .permutation:
            z = nil
            p = Self.permutationP(d, ranks: ranking.ranks, observed: positive)
        }
    }

    /// All 2ⁿ sign assignments of the n differences (zeros included, as scipy enumerates
    /// them); R⁺* of an assignment is the sum of the ranks it makes positive.
    static func permutationP(_ d: [Double], ranks: [Double], observed: Double) -> Double {
        // The rank of each difference, 0 for zeros (they never count as positive).
        var rankOf: [Double] = []
        var next = 0
        for value in d {
            if value == 0 {
                rankOf.append(0)
            } else {
                rankOf.append(ranks[next])
                next += 1
            }
        }
        let gamma = abs(100 * Double.ulpOfOne * observed)
        var atMost = 0, atLeast = 0
        let total = 1 << d.count
        for assignment in 0..<total {
            var sum = 0.0
            for (i, rank) in rankOf.enumerated() where rank > 0 {
                // Bit i set: difference i has its sign flipped.
                let positive = (d[i] > 0) != ((assignment >> i) & 1 == 1)
                if positive { sum += rank }
            }
            if sum <= observed + gamma { atMost += 1 }
            if sum >= observed - gamma { atLeast += 1 }
        }
        return min(1, 2 * Double(min(atMost, atLeast)) / Double(total))
    }
}
