/// Every system's cost figures, the frontier and the best system under a budget: what
/// `reval cost` prints in each format and draws with `--plot`.
///
/// ```swift
/// let report = try CostReport.build([SystemInput(profile: bm25, latency: table, quality: [0.4895])],
///                                   measures: ["ndcg_cut_10"], rule: .linear, axis: .money, budget: Budget())
/// report.systems[0].qps   // 303.17 for CACM BM25
/// ```
public struct CostReport: Sendable {
    public var systems: [SystemCost]
    /// Quality measures by printed name; the first one is the frontier's and the budget's.
    public var measures: [String]
    public var rule: PercentileRule
    public var axis: CostAxis
    public var budget: Budget
    /// Index into `systems` of the best system under the budget; nil without a budget or
    /// when no system keeps it.
    public var best: Int?
    /// What quality was averaged over, in words ("52 qrels topics, -c"), for the text output.
    public var qualityTopics: String?

    /// The figures of each system under `rule`, the frontier on `axis` and the best system
    /// under `budget`. Throws when money would be compared across currencies.
    public static func build(_ inputs: [SystemInput], measures: [String], rule: PercentileRule, axis: CostAxis,
                             budget: Budget) throws(CostError) -> CostReport {
        var systems = inputs.map { figures(of: $0, rule: rule) }
        if axis == .money || budget.maxCostPerMillion != nil {
            let currencies = Array(Set(systems.compactMap { $0.costPerMillion == nil ? nil : $0.currency })).sorted()
            if currencies.count > 1 {
                throw CostError("profiles price in \(currencies.joined(separator: " and ")); reval does not convert currencies, so money cannot be compared (expected one currency, or --cost-axis p95|p99|memory)")
            }
        }
        let cost = systems.map { axis.value($0) }
        let membership = ParetoFrontier.membership(systems.indices.map { (systems[$0].quality.first ?? nil, cost[$0]) })
        for i in systems.indices {
            systems[i].pareto = membership[i]
            if let quality = systems[i].quality.first ?? nil, let c = cost[i], c > 0, quality.isFinite {
                systems[i].qualityPerCost = quality / c
            }
            systems[i].withinBudget = budget.isEmpty ? nil : budget.admits(systems[i])
        }
        var report = CostReport(systems: systems, measures: measures, rule: rule, axis: axis, budget: budget)
        report.best = budget.isEmpty ? nil : bestIndex(systems, cost: cost, budget: budget)
        return report
    }

    /// The figures of one system.
    static func figures(of input: SystemInput, rule: PercentileRule) -> SystemCost {
        let profile = input.profile
        let latency: LatencyFigures
        if let table = input.latency {
            latency = LatencyFigures(of: table.milliseconds, rule: rule)
        } else if let summary = profile.latencySummary {
            latency = LatencyFigures(stated: summary)
        } else {
            latency = LatencyFigures(computed: false)
        }
        let concurrency = Double(profile.concurrency)
        var qps = profile.qps
        if qps == nil, let mean = latency.mean, mean > 0 { qps = concurrency * 1000 / mean }
        var money: Double?
        if let price = profile.hardware?.pricePerHour {
            if let mean = latency.mean {
                money = price * (mean / 1000 / concurrency) / 3600 * 1e6
            } else if let qps {
                money = price * 1e6 / (3600 * qps)
            }
        }
        return SystemCost(profile: profile, latency: latency, qps: qps, qpsStated: profile.qps != nil,
                          costPerMillion: money, currency: money == nil ? nil : profile.hardware?.currency,
                          quality: input.quality, coverage: input.coverage)
    }

    /// The system of highest first-measure quality among those keeping the budget; ties
    /// go to the lower cost on the axis, then to the earlier system.
    static func bestIndex(_ systems: [SystemCost], cost: [Double?], budget: Budget) -> Int? {
        var best: Int?
        for i in systems.indices where systems[i].withinBudget == true {
            guard let quality = systems[i].quality.first ?? nil, !quality.isNaN else { continue }
            guard let b = best, let bestQuality = systems[b].quality.first ?? nil else {
                best = i
                continue
            }
            if quality > bestQuality {
                best = i
            } else if quality == bestQuality, let c = cost[i], cost[b].map({ c < $0 }) ?? true {
                best = i
            }
        }
        return best
    }
}
