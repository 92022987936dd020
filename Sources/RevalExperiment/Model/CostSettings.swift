import RevalCost

/// The `cost:` section: how efficiency profiles become cost columns.
public struct CostSettings: Sendable, Equatable {
    /// What "cost" means on the frontier and the plot (default: money per million queries).
    public var axis: CostAxis = .money
    /// How latency percentiles are read (default: numpy's linear rule).
    public var percentile: PercentileRule = .linear

    public init() {}
}
