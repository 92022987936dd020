import RevalCore

/// A checked fusion setting: the method, its parameters and one weight per run.
///
/// The checks are those of `reval fuse`: at least two runs; k ≥ 0 (RRF only); one weight
/// per run, finite and not negative, summing to 1 for `cc`; a lower bound per run for
/// `tmm` and for `tmm` only; no normalisation for RRF, which reads ranks; a positive depth.
///
/// ```swift
/// let rrf = try Fusion(method: .rrf, runCount: 2)                        // k = 60
/// let cc = try Fusion(method: .cc, runCount: 2, weights: [0.2, 0.8])    // minmax
/// let tm2c2 = try Fusion(method: .cc, runCount: 2, normalization: .tmm,
///                        weights: [0.2, 0.8], lowerBounds: [0, -1])
/// ```
public struct Fusion: Sendable {
    public let method: FusionMethod
    /// `.none` for RRF; `.minmax` by default for the score methods.
    public let normalization: ScoreNormalization
    /// RRF's k.
    public let k: Double
    /// One weight per run, in the order the runs are given.
    public let weights: [Double]
    /// One lower bound per run for `tmm`; empty otherwise.
    public let lowerBounds: [Double]
    /// Documents kept per topic of the fused run.
    public let depth: Int

    public var runCount: Int { weights.count }

    public static let defaultK = 60.0
    public static let defaultDepth = 1000

    public init(method: FusionMethod, runCount: Int, normalization: ScoreNormalization? = nil,
                k: Double? = nil, weights: [Double]? = nil, lowerBounds: [Double]? = nil,
                depth: Int = Fusion.defaultDepth) throws(FusionError) {
        guard runCount >= 2 else {
            throw FusionError("fusion needs at least two runs, got \(runCount)")
        }
        if let k {
            guard method == .rrf else { throw FusionError("--k applies to --method rrf only") }
            guard k.isFinite && k >= 0 else {
                throw FusionError("--k must be a number ≥ 0, got \(k)")
            }
        }
        guard depth > 0 else { throw FusionError("--depth must be a positive integer, got \(depth)") }
        let chosenNormalization: ScoreNormalization
        if method == .rrf {
            if let normalization {
                throw FusionError("--norm \(normalization.rawValue) does not apply to rrf, which fuses ranks, not scores")
            }
            chosenNormalization = .none
        } else {
            chosenNormalization = normalization ?? .minmax
        }
        if chosenNormalization == .tmm {
            guard let lowerBounds else {
                throw FusionError("--norm tmm needs the lowest score each run can give: --lower L1,L2,... (one per run)")
            }
            guard lowerBounds.count == runCount else {
                throw FusionError("--lower has \(lowerBounds.count) value\(lowerBounds.count == 1 ? "" : "s") for \(runCount) runs; expected one per run")
            }
            if let bad = lowerBounds.first(where: { !$0.isFinite }) {
                throw FusionError("--lower must be finite numbers, got \(bad)")
            }
        } else if lowerBounds != nil {
            throw FusionError("--lower applies to --norm tmm only")
        }
        let chosenWeights: [Double]
        if let weights {
            guard weights.count == runCount else {
                throw FusionError("--weights has \(weights.count) value\(weights.count == 1 ? "" : "s") for \(runCount) runs; expected one per run")
            }
            if let bad = weights.first(where: { !$0.isFinite || $0 < 0 }) {
                throw FusionError("--weights must be finite numbers ≥ 0, got \(bad)")
            }
            if method == .cc {
                let sum = weights.reduce(0, +)
                guard abs(sum - 1) <= 1e-9 else {
                    throw FusionError("--weights must sum to 1 for cc (a convex combination), got \(weights.map { "\($0)" }.joined(separator: " + ")) = \(formatC("%.10g", sum))")
                }
            }
            chosenWeights = weights
        } else {
            chosenWeights = [Double](repeating: method == .cc ? 1 / Double(runCount) : 1, count: runCount)
        }
        self.method = method
        self.normalization = chosenNormalization
        self.k = k ?? Fusion.defaultK
        self.weights = chosenWeights
        self.lowerBounds = chosenNormalization == .tmm ? (lowerBounds ?? []) : []
        self.depth = depth
    }

    /// The same setting with other weights (tuning); the weights are not checked again.
    public func with(weights: [Double]) -> Fusion {
        Fusion(method: method, normalization: normalization, k: k, weights: weights,
               lowerBounds: lowerBounds, depth: depth)
    }

    private init(method: FusionMethod, normalization: ScoreNormalization, k: Double, weights: [Double],
                 lowerBounds: [Double], depth: Int) {
        self.method = method
        self.normalization = normalization
        self.k = k
        self.weights = weights
        self.lowerBounds = lowerBounds
        self.depth = depth
    }
}
