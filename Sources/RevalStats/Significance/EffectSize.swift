#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Cohen's d_z for paired samples (Cohen 1988, §2.3.5; Lakens 2013, eq. 6):
///
/// d_z = d̄ / s_d, s_d = √(Σ(dᵢ − d̄)² / (n − 1)),
///
/// the mean difference in units of the differences' standard deviation (numpy's
/// `d.mean() / d.std(ddof=1)`). nil, with a note, for fewer than 2 topics or s_d = 0.
public struct EffectSize: Sendable {
    public let cohensDz: Double?
    public let note: String?

    public init(_ scores: PairedScores) {
        guard scores.count >= 2 else {
            (cohensDz, note) = (nil, "effect size needs at least 2 topics")
            return
        }
        let d = scores.differences
        let sd = sqrt(PairwiseSum.variance(d, ddof: 1))
        let value = PairwiseSum.mean(d) / sd
        if value.isFinite {
            (cohensDz, note) = (value, nil)
        } else {
            (cohensDz, note) = (nil, sd == 0 && d.allSatisfy { $0 == 0 }
                ? "effect size undefined: all differences are zero"
                : "effect size infinite: every topic has the same non-zero difference")
        }
    }
}
