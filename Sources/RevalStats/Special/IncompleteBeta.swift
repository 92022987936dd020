#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The regularized incomplete beta function
///
/// I_x(a, b) = (1 / B(a, b)) · ∫₀ˣ t^(a−1) (1 − t)^(b−1) dt,
///
/// evaluated by its continued fraction (Abramowitz and Stegun 26.5.8; modified Lentz, as in
/// Numerical Recipes §6.4):
///
/// I_x(a, b) = x^a (1 − x)^b / (a·B(a, b)) · 1/(1 + d₁/(1 + d₂/(1 + …))),
/// d₂ₘ₊₁ = −(a + m)(a + b + m)·x / ((a + 2m)(a + 2m + 1)), d₂ₘ = m(b − m)·x / ((a + 2m − 1)(a + 2m)),
///
/// which converges fast for x < (a + 1)/(a + b + 2); above that, I_x(a, b) = 1 − I₁₋ₓ(b, a).
/// The prefactor is computed in logarithms with ``LogBeta`` so that it stays exact to a few
/// units in the last place for large a and b.
public enum IncompleteBeta {
    /// I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1.
    ///
    /// ```swift
    /// IncompleteBeta.regularized(x: 0.5, a: 2, b: 2)   // 0.5
    /// ```
    public static func regularized(x: Double, a: Double, b: Double) -> Double {
        regularized(x: x, y: 1 - x, logX: log(x), logY: log1p(-x), a: a, b: b)
    }

    /// I_x(a, b) with y = 1 − x and the logarithms of both given by a caller that knows them
    /// more precisely than `1 − x` would (the Student-t distribution does).
    static func regularized(x: Double, y: Double, logX: Double, logY: Double, a: Double, b: Double) -> Double {
        guard a > 0, b > 0, x >= 0, y >= 0, !x.isNaN, !y.isNaN else { return .nan }
        if x == 0 { return 0 }
        if y == 0 { return 1 }
        if x < (a + 1) / (a + b + 2) {
            return prefactor(a: a, b: b, logX: logX, logY: logY) * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - prefactor(a: b, b: a, logX: logY, logY: logX) * continuedFraction(x: y, a: b, b: a) / b
    }

    /// x^a (1 − x)^b / B(a, b).
    static func prefactor(a: Double, b: Double, logX: Double, logY: Double) -> Double {
        exp(a * logX + b * logY - LogBeta.value(a, b))
    }

    /// The continued fraction 1/(1 + d₁/(1 + d₂/(1 + …))) by the modified Lentz method.
    static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let sum = a + b
        var c = 1.0
        var d = 1 - sum * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        var m = 1.0
        while m < 100_000 {
            let twoM = 2 * m
            var step = m * (b - m) * x / ((a - 1 + twoM) * (a + twoM))
            d = 1 + step * d
            if abs(d) < tiny { d = tiny }
            c = 1 + step / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            step = -(a + m) * (sum + m) * x / ((a + twoM) * (a + 1 + twoM))
            d = 1 + step * d
            if abs(d) < tiny { d = tiny }
            c = 1 + step / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let change = d * c
            result *= change
            if abs(change - 1) < 1e-16 { break }
            m += 1
        }
        return result
    }
}
