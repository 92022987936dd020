import RevalCore

/// One point of a tuning curve: a weight vector and the measure's value for the run fused
/// with it.
public struct TuningPoint: Sendable, Equatable {
    public var weights: [Double]
    public var value: Double

    public init(weights: [Double], value: Double) {
        self.weights = weights
        self.value = value
    }
}

/// The measure's value at every point of a weight grid, in grid order.
public struct TuningCurve: Sendable, Equatable {
    public var points: [TuningPoint]

    public init(points: [TuningPoint]) { self.points = points }

    /// The point with the highest value; the first in grid order among equals.
    public var best: TuningPoint? {
        var best: TuningPoint?
        for point in points where best == nil || point.value > best!.value { best = point }
        return best
    }
}

/// Grid search for fusion weights: fuses every topic with each weight vector of the grid
/// and scores the fused run with `evaluate` (a mean over topics, say nDCG@10 with -c).
///
/// Weights tuned on the topics they are then reported on overstate the result; tune on one
/// topic set and report on another (docs/fusion.md).
///
/// ```swift
/// let grid = try WeightGrid(runs: 2, step: 0.1)
/// let curve = try WeightTuning.curve(pools: pools, fusion: fusion, grid: grid, threads: 2) { run in
///     meanNDCG10(run)
/// }
/// curve.best?.weights    // [0.2, 0.8]
/// ```
public enum WeightTuning {
    public static func curve<E: Error>(pools: [FusionPool], fusion: Fusion, grid: WeightGrid, threads: Int,
                                       evaluate: (Run) throws(E) -> Double) throws(E) -> TuningCurve {
        var points: [TuningPoint] = []
        for weights in grid.points {
            let run = fusedRun(pools: pools, fusion: fusion.with(weights: weights), tag: "tuning", threads: threads)
            points.append(TuningPoint(weights: weights, value: try evaluate(run)))
        }
        return TuningCurve(points: points)
    }

    /// Every pool fused with `fusion`, as one run, topics in pool order.
    public static func fusedRun(pools: [FusionPool], fusion: Fusion, tag: String, threads: Int) -> Run {
        let topics = parallelMap(pools.count, threads: threads) { pools[$0].fused(by: fusion) }
        var run = Run(source: "fused")
        run.tag = tag
        for topic in topics { run.append(block: topic) }
        return run
    }
}
