/// Quantiles by numpy's default rule (`numpy.quantile(..., method='linear')`, Hyndman and
/// Fan's definition 7): for q in [0, 1] and sorted values v₀ ≤ … ≤ vₙ₋₁, h = (n − 1)·q,
/// j = ⌊h⌋, g = h − j, and the quantile is vⱼ + g·(vⱼ₊₁ − vⱼ), computed as numpy's `_lerp`
/// does: vⱼ₊₁ − (vⱼ₊₁ − vⱼ)·(1 − g) when g ≥ ½. h ≥ n − 1 gives the largest value.
public enum Quantile {
    /// The q-quantile of `sorted` (ascending, not empty).
    ///
    /// ```swift
    /// Quantile.linear(sorted: [1, 2, 3, 4], 0.5)   // 2.5
    /// ```
    public static func linear(sorted: [Double], _ q: Double) -> Double {
        let n = sorted.count
        let h = Double(n - 1) * q
        if h >= Double(n - 1) { return sorted[n - 1] }
        if h < 0 { return sorted[0] }
        let j = h.rounded(.down)
        let gamma = h - j
        let low = sorted[Int(j)], high = sorted[Int(j) + 1]
        let difference = high - low
        return gamma >= 0.5 ? high - difference * (1 - gamma) : low + difference * gamma
    }
}
