#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), for a, b > 0, without the cancellation
/// of the three large log-gamma terms.
///
/// With p = min(a, b), q = max(a, b) and Stirling's formula
/// log Γ(x) = (x − ½)·log x − x + log √(2π) + δ(x), where δ(x) ~ Σ B₂ₖ / (2k(2k−1)·x²ᵏ⁻¹):
/// - p ≥ 10: log B = −½·log q + log √(2π) + δ(p) + δ(q) − δ(p+q) + (p − ½)·log(p/(p+q)) + q·log1p(−p/(p+q));
/// - p < 10 ≤ q: log B = log Γ(p) + δ(q) − δ(p+q) + p − p·log(p+q) + (q − ½)·log1p(−p/(p+q));
/// - both < 10: log(Γ(p)·Γ(q)/Γ(p+q)).
///
/// The same case split as R's `lbeta` (Morris' algorithm in nmath), written from the
/// formulas above; δ is summed from its asymptotic series, which for x ≥ 10 is exact to
/// below 10⁻¹⁷.
enum LogBeta {
    static func value(_ a: Double, _ b: Double) -> Double {
        let p = min(a, b), q = max(a, b)
        let sum = p + q
        if p >= 10 {
            let correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(sum)
            return -0.5 * log(q) + logSqrtTwoPi + correction + (p - 0.5) * log(p / sum) + q * log1p(-p / sum)
        }
        if q >= 10 {
            let correction = stirlingCorrection(q) - stirlingCorrection(sum)
            return lgamma(p) + correction + p - p * log(sum) + (q - 0.5) * log1p(-p / sum)
        }
        return log(tgamma(p) * (tgamma(q) / tgamma(sum)))
    }

    static let logSqrtTwoPi = 0.918_938_533_204_672_741_78

    /// δ(x) = log Γ(x) − ((x − ½)·log x − x + log √(2π)) for x ≥ 10: the Stirling series
    /// 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹) − 691/(360360x¹¹)
    /// + 1/(156x¹³) − 3617/(122400x¹⁵).
    static func stirlingCorrection(_ x: Double) -> Double {
        let inverse = 1 / x
        let s = inverse * inverse
        let coefficients: [Double] = [
            1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188,
            -691.0 / 360_360, 1.0 / 156, -3617.0 / 122_400,
        ]
        var sum = 0.0
        for c in coefficients.reversed() { sum = sum * s + c }
        return sum * inverse
    }
}
