/// The report as JSON: the keys listed in docs/cost.md, every number at full precision,
/// unknown figures as null (never 0).
extension CostReport {
    public func json() -> String {
        var root: [(String, JSONValue)] = [
            ("percentile", .string(rule.rawValue)),
            ("cost_axis", .string(axis.rawValue)),
            ("frontier_measure", .string(measures.first)),
            ("measures", .array(measures.map { .string($0) })),
            ("systems", .array(systems.map(systemJSON))),
        ]
        if !budget.isEmpty {
            root.append(("budget", .object([
                ("max_p95_ms", .number(budget.maxP95Milliseconds)),
                ("max_cost_per_million", .number(budget.maxCostPerMillion)),
                ("max_memory_bytes", .integer(budget.maxMemoryBytes)),
            ])))
            root.append(("best", .string(best.map { systems[$0].name })))
        }
        return JSONValue.object(root).printed()
    }

    func systemJSON(_ system: SystemCost) -> JSONValue {
        let profile = system.profile
        let latency = system.latency
        var quality: [(String, JSONValue)] = []
        for (measure, value) in zip(measures, system.quality) { quality.append((measure, .number(value))) }
        var members: [(String, JSONValue)] = [
            ("name", .string(system.name)),
            ("profile", .string(profile.file)),
            ("dataset", .string(profile.dataset)),
            ("run", .string(profile.run)),
            ("queries", .integer(latency.queries)),
            ("latency_source", .string(latencySource(system))),
            ("latency_ms", .object([
                ("mean", .number(latency.mean)), ("p50", .number(latency.p50)), ("p90", .number(latency.p90)),
                ("p95", .number(latency.p95)), ("p99", .number(latency.p99)), ("max", .number(latency.max)),
            ])),
            ("qps", .number(system.qps)),
            ("qps_stated", .bool(system.qpsStated)),
            ("cost_per_million", .number(system.costPerMillion)),
            ("currency", .string(system.currency)),
            ("concurrency", .integer(profile.concurrency)),
            ("hardware", hardwareJSON(profile.hardware)),
            ("index_bytes", .integer(profile.indexBytes)),
            ("memory_bytes", .integer(profile.memoryBytes)),
            ("build_seconds", .number(profile.buildSeconds)),
            ("gpu", .string(profile.gpu)),
            ("notes", .string(profile.notes)),
            ("quality", .object(quality)),
            ("quality_per_cost", .number(system.qualityPerCost)),
            ("pareto", .bool(system.pareto)),
        ]
        if !budget.isEmpty { members.append(("within_budget", .bool(system.withinBudget))) }
        if let coverage = system.coverage {
            members.append(("latency_coverage", .object([
                ("matched", .integer(coverage.matched)),
                ("rows_without_run_topic", .integer(coverage.rowsWithoutRunTopic)),
                ("run_topics_without_row", .integer(coverage.runTopicsWithoutRow)),
            ])))
        }
        return .object(members)
    }

    func hardwareJSON(_ hardware: Hardware?) -> JSONValue {
        guard let hardware else { return .null }
        return .object([
            ("catalogue_entry", .string(hardware.catalogueEntry)),
            ("name", .string(hardware.name)),
            ("price_per_hour", .number(hardware.pricePerHour)),
            ("currency", .string(hardware.currency)),
            ("cpu", .string(hardware.cpu)),
            ("vcpus", .integer(hardware.vcpus)),
            ("memory_bytes", .integer(hardware.memoryBytes)),
            ("gpu", .string(hardware.gpu)),
            ("notes", .string(hardware.notes)),
        ])
    }

    /// "file" (computed from a latency file), "stated" (figures in the profile) or "qps"
    /// (only a stated throughput).
    func latencySource(_ system: SystemCost) -> String {
        if system.latency.computed { return "file" }
        return system.profile.latencySummary != nil ? "stated" : "qps"
    }
}
