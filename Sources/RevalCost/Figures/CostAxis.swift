/// What "cost" means on the frontier, the plot and `quality_per_cost`.
public enum CostAxis: String, Sendable, CaseIterable {
    /// Money per million queries (the default).
    case money
    /// 95th-percentile latency, ms.
    case p95
    /// 99th-percentile latency, ms.
    case p99
    /// Memory while serving, bytes (`memory_bytes`).
    case memory

    /// The axis title with its unit.
    public func title(currency: String) -> String {
        switch self {
        case .money: return "\(currency) per million queries"
        case .p95: return "p95 latency (ms)"
        case .p99: return "p99 latency (ms)"
        case .memory: return "memory (bytes)"
        }
    }

    /// The field `cost` of `system` on this axis.
    func value(_ system: SystemCost) -> Double? {
        switch self {
        case .money: return system.costPerMillion
        case .p95: return system.latency.p95
        case .p99: return system.latency.p99
        case .memory: return system.profile.memoryBytes.map(Double.init)
        }
    }
}
