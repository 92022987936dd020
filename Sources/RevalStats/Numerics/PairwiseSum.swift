/// Sums and means added up in exactly numpy's order, so that reval's t statistics, effect
/// sizes and means agree with scipy's to the last bit.
///
/// numpy's `add.reduce` on a contiguous float64 array (`pairwise_sum` in
/// numpy/_core/src/umath/loops_utils.h.src): fewer than 8 values are added left to right;
/// up to 128 values go into 8 interleaved accumulators r₀…r₇, combined as
/// ((r₀+r₁)+(r₂+r₃))+((r₄+r₅)+(r₆+r₇)), then the last n mod 8 values are added in turn; more
/// than 128 are split at n₂ = ⌊n/2⌋ rounded down to a multiple of 8, and the halves summed so.
public enum PairwiseSum {
    public static func sum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { sum($0) }
    }

    public static func sum(_ values: UnsafeBufferPointer<Double>) -> Double {
        let n = values.count
        if n < 8 {
            var result = 0.0
            for v in values { result += v }
            return result
        }
        if n <= 128 {
            var r = (values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7])
            var i = 8
            let end = n - n % 8
            while i < end {
                r.0 += values[i]; r.1 += values[i + 1]; r.2 += values[i + 2]; r.3 += values[i + 3]
                r.4 += values[i + 4]; r.5 += values[i + 5]; r.6 += values[i + 6]; r.7 += values[i + 7]
                i += 8
            }
            var result = ((r.0 + r.1) + (r.2 + r.3)) + ((r.4 + r.5) + (r.6 + r.7))
            while i < n {
                result += values[i]
                i += 1
            }
            return result
        }
        var half = n / 2
        half -= half % 8
        return sum(UnsafeBufferPointer(rebasing: values[..<half])) + sum(UnsafeBufferPointer(rebasing: values[half...]))
    }

    /// `numpy.mean`: the pairwise sum divided by n (NaN for no values).
    public static func mean(_ values: [Double]) -> Double {
        sum(values) / Double(values.count)
    }

    /// `numpy.var(values, ddof:)`: Σ(x − mean)² / (n − ddof), the squares summed pairwise.
    public static func variance(_ values: [Double], ddof: Int) -> Double {
        let center = mean(values)
        return sum(values.map { ($0 - center) * ($0 - center) }) / Double(values.count - ddof)
    }
}
