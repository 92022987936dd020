/// Limits for "the best system under a budget": each one given must hold.
public struct Budget: Sendable, Equatable {
    public var maxP95Milliseconds: Double?
    public var maxCostPerMillion: Double?
    public var maxMemoryBytes: Int64?

    public init(maxP95Milliseconds: Double? = nil, maxCostPerMillion: Double? = nil, maxMemoryBytes: Int64? = nil) {
        self.maxP95Milliseconds = maxP95Milliseconds
        self.maxCostPerMillion = maxCostPerMillion
        self.maxMemoryBytes = maxMemoryBytes
    }

    /// Whether any limit is set.
    public var isEmpty: Bool { maxP95Milliseconds == nil && maxCostPerMillion == nil && maxMemoryBytes == nil }

    /// Whether `system` keeps every limit; a system whose figure for a limit is unknown
    /// does not (it cannot be shown to).
    public func admits(_ system: SystemCost) -> Bool {
        if let limit = maxP95Milliseconds {
            guard let p95 = system.latency.p95, p95 <= limit else { return false }
        }
        if let limit = maxCostPerMillion {
            guard let cost = system.costPerMillion, cost <= limit else { return false }
        }
        if let limit = maxMemoryBytes {
            guard let memory = system.profile.memoryBytes, memory <= limit else { return false }
        }
        return true
    }
}
