/// Latency in milliseconds over a system's queries: the mean, four percentiles and the
/// largest value, each nil when neither a latency file nor the profile gives it.
public struct LatencyFigures: Sendable, Equatable {
    /// Rows in the latency file; nil for figures stated in the profile.
    public var queries: Int?
    public var mean: Double?
    public var p50: Double?
    public var p90: Double?
    public var p95: Double?
    public var p99: Double?
    public var max: Double?
    /// Whether the figures were computed by reval (from a latency file) or stated.
    public var computed: Bool

    public init(queries: Int? = nil, mean: Double? = nil, p50: Double? = nil, p90: Double? = nil,
                p95: Double? = nil, p99: Double? = nil, max: Double? = nil, computed: Bool) {
        self.queries = queries
        self.mean = mean
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.max = max
        self.computed = computed
    }

    /// The figures of `milliseconds` (not empty) under `rule`. The mean is the sum in file
    /// order divided by n.
    ///
    /// ```swift
    /// let f = LatencyFigures(of: [4, 1, 3, 2], rule: .linear)
    /// f.mean   // 2.5
    /// f.p50    // 2.5
    /// ```
    public init(of milliseconds: [Double], rule: PercentileRule) {
        let sorted = milliseconds.sorted()
        self.init(queries: milliseconds.count,
                  mean: milliseconds.reduce(0, +) / Double(milliseconds.count),
                  p50: rule.percentile(50, of: sorted), p90: rule.percentile(90, of: sorted),
                  p95: rule.percentile(95, of: sorted), p99: rule.percentile(99, of: sorted),
                  max: sorted.last, computed: true)
    }

    /// Figures as a profile states them.
    public init(stated summary: LatencySummary) {
        self.init(mean: summary.mean, p50: summary.p50, p90: summary.p90, p95: summary.p95,
                  p99: summary.p99, max: summary.max, computed: false)
    }
}
