/// The report as CSV (RFC 4180): one row per system, numbers at full precision, an empty
/// cell for an unknown figure.
extension CostReport {
    public func csv() -> String {
        var header = ["system", "queries", "latency_source", "percentile", "mean_ms", "p50_ms", "p90_ms", "p95_ms",
                      "p99_ms", "max_ms", "qps", "cost_per_million", "currency", "concurrency", "memory_bytes"]
        header += measures
        header += ["quality_per_cost", "pareto"]
        if !budget.isEmpty { header.append("within_budget") }
        var out = header.map(Self.csvField).joined(separator: ",") + "\n"
        func number(_ value: Double?) -> String { value.map { $0.isFinite ? "\($0)" : "" } ?? "" }
        func flag(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "" }
        for system in systems {
            let latency = system.latency
            var cells = [system.name, latency.queries.map(String.init) ?? "", latencySource(system), rule.rawValue,
                         number(latency.mean), number(latency.p50), number(latency.p90), number(latency.p95),
                         number(latency.p99), number(latency.max), number(system.qps), number(system.costPerMillion),
                         system.currency ?? "", String(system.profile.concurrency),
                         system.profile.memoryBytes.map { String($0) } ?? ""]
            cells += measures.indices.map { m in m < system.quality.count ? number(system.quality[m]) : "" }
            cells += [number(system.qualityPerCost), flag(system.pareto)]
            if !budget.isEmpty { cells.append(flag(system.withinBudget)) }
            out += cells.map(Self.csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    /// A field quoted when it holds a comma, a quote or a line end; quotes doubled.
    public static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        var out = "\""
        for character in field {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out + "\""
    }
}
