import RevalCore
import RevalFormats
import RevalYAML

/// The rows and columns the text and Markdown outputs share, with numbers rounded for
/// reading: milliseconds to 3 decimals, QPS to 2, money to 6, quality to 4 (as trec_eval).
extension CostReport {
    struct Column {
        var header: String
        var numeric: Bool
        var cells: [String]
    }

    func columns() -> [Column] {
        var columns: [Column] = [Column(header: "system", numeric: false, cells: systems.map(\.name))]
        columns.append(Column(header: "queries", numeric: true, cells: systems.map { system in
            system.latency.queries.map(String.init) ?? (system.latency.computed ? "-" : "stated")
        }))
        let latency: [(String, KeyPath<LatencyFigures, Double?>)] = [
            ("mean ms", \.mean), ("p50 ms", \.p50), ("p90 ms", \.p90), ("p95 ms", \.p95), ("p99 ms", \.p99), ("max ms", \.max),
        ]
        for (header, path) in latency {
            columns.append(Column(header: header, numeric: true, cells: systems.map { Self.fixed($0.latency[keyPath: path], 3) }))
        }
        columns.append(Column(header: "QPS", numeric: true, cells: systems.map { Self.fixed($0.qps, 2) }))
        columns.append(Column(header: "cost/1M queries", numeric: true, cells: systems.map { system in
            guard let cost = system.costPerMillion else { return "-" }
            return Self.fixed(cost, 6) + " " + (system.currency ?? "")
        }))
        if axis == .memory || systems.contains(where: { $0.profile.memoryBytes != nil }) {
            columns.append(Column(header: "memory", numeric: true, cells: systems.map { system in
                system.profile.memoryBytes.map(ByteCount.describe) ?? "-"
            }))
        }
        for (m, measure) in measures.enumerated() {
            columns.append(Column(header: measure, numeric: true, cells: systems.map { system in
                guard m < system.quality.count, let value = system.quality[m] else { return "-" }
                return Self.quality(value)
            }))
        }
        columns.append(Column(header: "frontier", numeric: false, cells: systems.map { system in
            system.pareto.map { $0 ? "yes" : "no" } ?? "-"
        }))
        if !budget.isEmpty {
            columns.append(Column(header: "in budget", numeric: false, cells: systems.map { system in
                system.withinBudget.map { $0 ? "yes" : "no" } ?? "-"
            }))
        }
        return columns
    }

    /// The sentences above and below the table.
    var ruleDescription: String {
        switch rule {
        case .linear: return "linear (numpy's default: interpolated between the two nearest ranks)"
        case .nearestRank: return "nearest rank (the k-th smallest, k = ceil(q*n/100))"
        }
    }

    var frontierDescription: String {
        let measure = measures.first ?? "quality"
        let currency = systems.compactMap(\.currency).first ?? "money"
        return "\(measure) against \(axis.title(currency: currency))"
    }

    var budgetDescription: String {
        var limits: [String] = []
        if let p95 = budget.maxP95Milliseconds { limits.append("p95 <= \(Self.trimmed(p95)) ms") }
        if let cost = budget.maxCostPerMillion { limits.append("cost <= \(Self.trimmed(cost)) per million queries") }
        if let memory = budget.maxMemoryBytes { limits.append("memory <= \(ByteCount.describe(memory))") }
        return limits.joined(separator: ", ")
    }

    var bestSentence: String {
        guard let best else { return "Best under budget (\(budgetDescription)): none; no system keeps it." }
        let system = systems[best]
        let quality = system.quality.first.flatMap { $0 }.map { " (\(measures.first ?? "") \(Self.quality($0)))" } ?? ""
        return "Best under budget (\(budgetDescription)): \(system.name)\(quality)."
    }

    /// One line per system on its hardware, price and concurrency.
    var hardwareLines: [String] {
        systems.map { system in
            let profile = system.profile
            var parts: [String] = []
            if let hardware = profile.hardware {
                parts.append(hardware.name)
                if let price = hardware.pricePerHour {
                    parts.append("\(Self.trimmed(price)) \(hardware.currency)/hour")
                } else {
                    parts.append("no price stated")
                }
            } else {
                parts.append("no hardware stated")
            }
            parts.append("concurrency \(profile.concurrency)")
            if let gpu = profile.gpu ?? profile.hardware?.gpu { parts.append("GPU \(gpu)") }
            if !system.latency.computed {
                parts.append(profile.latencySummary != nil ? "latency as stated in the profile" : "QPS as stated in the profile")
            } else if system.qpsStated {
                parts.append("QPS as stated")
            }
            return "\(system.name): " + parts.joined(separator: ", ")
        }
    }

    static func fixed(_ value: Double?, _ decimals: Int) -> String {
        guard let value, value.isFinite else { return "-" }
        return formatC("%.\(decimals)f", value)
    }

    static func quality(_ value: Double) -> String {
        value.isFinite ? String(formatFixed4(value).drop(while: { $0 == " " })) : "-"
    }

    /// The shortest text of `value` ("0.0832", "20").
    static func trimmed(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
