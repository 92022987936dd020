/// Latency figures in milliseconds given in a profile when no per-query file exists
/// (`latency_ms: {mean: 3.3, p50: 0.7, p95: 13.1}`). reval cannot know which percentile rule
/// produced them; outputs say "as stated".
public struct LatencySummary: Sendable, Equatable {
    public var mean: Double?
    public var p50: Double?
    public var p90: Double?
    public var p95: Double?
    public var p99: Double?
    public var max: Double?

    public init(mean: Double? = nil, p50: Double? = nil, p90: Double? = nil, p95: Double? = nil,
                p99: Double? = nil, max: Double? = nil) {
        self.mean = mean
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.max = max
    }
}
