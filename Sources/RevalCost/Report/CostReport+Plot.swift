import RevalPlot

/// The report as a plot: the first measure's quality against cost on the report's axis
/// (log scale), the frontier drawn as the steps of what quality each cost can buy, each
/// system labelled.
extension CostReport {
    /// The SVG document; `title` heads it (the dataset, say).
    public func svg(title: String? = nil) -> String {
        let measure = measures.first ?? "quality"
        let currency = systems.compactMap(\.currency).first ?? "money"
        var xLabel = axis.title(currency: currency)
        if axis == .memory { xLabel = "memory (GiB)" }
        var plot = ScatterPlot(title: title ?? "\(measure) against \(axis.title(currency: currency))",
                               xLabel: xLabel + ", log scale", yLabel: measure)
        plot.subtitle = "Latency percentiles: \(rule == .linear ? "linear (numpy's default)" : "nearest rank")"
            + (qualityTopics.map { ". Quality: \($0)." } ?? ".")
        var left: [String] = []
        for system in systems {
            let quality = system.quality.first ?? nil
            guard var cost = axis.value(system), cost > 0, let quality, quality.isFinite else {
                left.append("\(system.name) (\(missingReason(system)))")
                continue
            }
            if axis == .memory { cost /= 1_073_741_824 }
            if system.pareto == true { plot.line.append(plot.points.count) }
            plot.points.append(ScatterPlot.Point(
                label: system.name, x: cost, y: quality, emphasized: system.pareto == true,
                tooltip: "\(system.name): \(measure) \(Self.quality(quality)), \(axisCostText(system))"))
        }
        if !left.isEmpty { plot.notes.append("Not drawn: " + left.joined(separator: "; ")) }
        return plot.svg()
    }

    func axisCostText(_ system: SystemCost) -> String {
        switch axis {
        case .money: return "\(Self.fixed(system.costPerMillion, 6)) \(system.currency ?? "") per million queries"
        case .p95: return "p95 \(Self.fixed(system.latency.p95, 3)) ms"
        case .p99: return "p99 \(Self.fixed(system.latency.p99, 3)) ms"
        case .memory: return "memory \(system.profile.memoryBytes.map { String($0) } ?? "-") bytes"
        }
    }

    func missingReason(_ system: SystemCost) -> String {
        if (system.quality.first ?? nil) == nil { return "no quality" }
        switch axis {
        case .money:
            if system.profile.hardware?.pricePerHour == nil { return "no price_per_hour" }
            return system.costPerMillion == 0 ? "cost 0 cannot be placed on a log scale" : "no latency"
        case .p95: return system.latency.p95 == 0 ? "p95 of 0 ms" : "no p95 latency"
        case .p99: return system.latency.p99 == 0 ? "p99 of 0 ms" : "no p99 latency"
        case .memory: return system.profile.memoryBytes == 0 ? "memory 0" : "no memory_bytes"
        }
    }
}
