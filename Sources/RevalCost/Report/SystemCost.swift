/// One system's derived figures: latency, throughput, money, quality and its place on the
/// frontier (docs/cost.md defines each).
public struct SystemCost: Sendable {
    public var profile: EfficiencyProfile
    public var name: String { profile.name }
    public var latency: LatencyFigures
    /// Queries per second: stated in the profile, or concurrency × 1000 / mean latency (ms).
    public var qps: Double?
    /// Whether `qps` was stated in the profile rather than derived.
    public var qpsStated: Bool
    /// Money per million queries in `currency`:
    /// price_per_hour × (mean latency in s / concurrency) / 3600 × 10⁶, or, with no mean
    /// latency, price_per_hour × 10⁶ / (3600 × QPS). Nil without a price.
    public var costPerMillion: Double?
    public var currency: String?
    /// Quality per measure, aligned with `CostReport.measures`; nil when not scored.
    public var quality: [Double?]
    /// The first measure's quality divided by the cost on the report's axis.
    public var qualityPerCost: Double?
    /// On the frontier (true), dominated (false), or not placed (nil: quality or cost unknown).
    public var pareto: Bool?
    /// Whether the system keeps the budget; nil when no budget was given.
    public var withinBudget: Bool?
    /// How the latency rows and the run's topics matched; nil without both.
    public var coverage: LatencyCoverage?
}

/// What a system brings to the cost report: its profile, the latency rows when it has a
/// file, its quality per measure, and how the rows matched its run.
public struct SystemInput: Sendable {
    public var profile: EfficiencyProfile
    public var latency: LatencyTable?
    public var quality: [Double?]
    public var coverage: LatencyCoverage?

    public init(profile: EfficiencyProfile, latency: LatencyTable?, quality: [Double?], coverage: LatencyCoverage? = nil) {
        self.profile = profile
        self.latency = latency
        self.quality = quality
        self.coverage = coverage
    }
}

/// How a latency file's queries match a run's topics.
public struct LatencyCoverage: Sendable, Equatable {
    /// Latency rows for topics the run does not have.
    public var rowsWithoutRunTopic: Int
    /// Run topics with no latency row.
    public var runTopicsWithoutRow: Int
    /// Latency rows whose topic the run has.
    public var matched: Int

    public init(latency: LatencyTable, runTopics: Set<String>) {
        let rows = Set(latency.queries)
        matched = rows.intersection(runTopics).count
        rowsWithoutRunTopic = rows.count - matched
        runTopicsWithoutRow = runTopics.count - matched
    }

    public var isComplete: Bool { rowsWithoutRunTopic == 0 && runTopicsWithoutRow == 0 }
}
