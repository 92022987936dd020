#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard normal distribution, computed as `scipy.special.ndtr` does (Cephes `ndtr`):
///
/// Φ(x) = ½ + ½·erf(x/√2) when |x/√2| < 1/√2, else ½·erfc(|x|/√2), reflected for x > 0.
public enum StandardNormal {
    /// Φ(x) = P(Z ≤ x).
    public static func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let scaled = x * 0.707_106_781_186_547_524_40
        let magnitude = abs(scaled)
        if magnitude < 0.707_106_781_186_547_524_40 { return 0.5 + 0.5 * erf(scaled) }
        let tail = 0.5 * erfc(magnitude)
        return scaled > 0 ? 1 - tail : tail
    }

    /// 1 − Φ(x) = Φ(−x).
    public static func sf(_ x: Double) -> Double { cdf(-x) }

    /// The two-sided p-value of a z statistic: 2·Φ(−|z|), as scipy's `_get_pvalue`.
    public static func twoSidedP(_ z: Double) -> Double { 2 * sf(abs(z)) }
}
