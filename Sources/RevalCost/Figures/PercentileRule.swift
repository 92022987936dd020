/// How a percentile of n latencies is read off the sorted values x₁ ≤ … ≤ xₙ.
public enum PercentileRule: String, Sendable, CaseIterable {
    /// numpy's default (`numpy.percentile(..., method='linear')`, Hyndman & Fan type 7):
    /// h = (n − 1)·q/100, then x at h interpolated linearly between its neighbours.
    case linear
    /// The k-th smallest value with k = ⌈q·n/100⌉ (at least 1): always a latency that was
    /// measured, never between two.
    case nearestRank = "nearest-rank"

    /// The q-th percentile (0 ≤ q ≤ 100) of `sorted`, which must be ascending; NaN when it
    /// is empty.
    ///
    /// ```swift
    /// PercentileRule.linear.percentile(50, of: [1, 2, 3, 4])       // 2.5
    /// PercentileRule.nearestRank.percentile(50, of: [1, 2, 3, 4])  // 2
    /// ```
    public func percentile(_ q: Double, of sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let n = sorted.count
        switch self {
        case .nearestRank:
            let k = Int((q * Double(n) / 100).rounded(.up))
            return sorted[Swift.min(n, Swift.max(1, k)) - 1]
        case .linear:
            let h = Double(n - 1) * (q / 100)
            let below = Swift.min(n - 1, Swift.max(0, Int(h.rounded(.down))))
            let above = Swift.min(n - 1, below + 1)
            let t = h - Double(below)
            return Self.lerp(sorted[below], sorted[above], t)
        }
    }

    /// numpy's `_lerp`: a + (b − a)·t, computed from b's side when t ≥ 0.5 so that t = 1
    /// gives b exactly; the same bits as numpy.
    static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}
