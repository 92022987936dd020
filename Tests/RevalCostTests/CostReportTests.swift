import Foundation
import RevalCost
import RevalFormats
import Testing

/// A priced profile with a latency file on the CACM example's hardware.
func cacmProfile(_ name: String, price: Double? = 0.0832, concurrency: Int = 1, memory: Int64? = nil) -> EfficiencyProfile {
    var p = EfficiencyProfile(file: "\(name).profile.yaml", name: name, concurrency: concurrency)
    p.run = "runs/\(name).txt"
    p.latencyFile = "latency/\(name).tsv"
    p.hardware = Hardware(name: "2 vCPU VM", pricePerHour: price)
    p.memoryBytes = memory
    return p
}

@Suite("Cost report")
struct CostReportTests {
    static func table(_ system: String, _ corpus: String = "cacm") throws -> LatencyTable {
        try LatencyReader.read(path: Paths.qrels("\(corpus)/latency/latency.\(corpus).\(system).tsv"))
    }

    /// CACM BM25 with price 0.0832/h, concurrency 1: the figures (64 rows, mean
    /// 3.298484 ms, linear p50 0.699 ms, QPS 303.17, 0.076232 per million queries), the
    /// other percentiles from numpy 2.4.6 (`np.percentile(x, [90, 95, 99])` = 12.7998,
    /// 13.116, 15.44754), and nDCG@10 0.4895 from trec_eval 10.0
    /// (Qrels/cacm/expected/run.cacm.bm25.all_trec.summary.txt).
    @Test("CACM BM25 and dense: the issue's figures; BM25 on the frontier, dense not")
    func cacm() throws {
        let report = try CostReport.build([
            SystemInput(profile: cacmProfile("bm25"), latency: try Self.table("bm25"), quality: [0.4895]),
            SystemInput(profile: cacmProfile("dense"), latency: try Self.table("dense"), quality: [0.4507]),
        ], measures: ["ndcg_cut_10"], rule: .linear, axis: .money, budget: Budget())
        let bm25 = report.systems[0]
        #expect(bm25.latency.queries == 64)
        // Sum of the 64 latencies is 211.103 ms; 211.103 / 64 = 3.298484375.
        #expect(close(bm25.latency.mean, 3.298484375))
        #expect(close(bm25.latency.p50, 0.699))
        #expect(close(bm25.latency.p90, 12.7998))
        #expect(close(bm25.latency.p95, 13.116))
        #expect(close(bm25.latency.p99, 15.44754))
        #expect(bm25.latency.max == 15.537)
        // QPS = 1 × 1000 / 3.298484375 = 303.1695...
        #expect(close(bm25.qps, 303.16954282980345, 1e-9))
        #expect(Self.rounded(bm25.qps, 2) == "303.17")
        // 0.0832 × (0.003298484375 s / 1) / 3600 × 10⁶ = 0.0762316388...
        #expect(close(bm25.costPerMillion, 0.0762316388888889, 1e-12))
        #expect(Self.rounded(bm25.costPerMillion, 6) == "0.076232")
        #expect(bm25.currency == "USD")
        #expect(bm25.pareto == true)
        #expect(report.systems[1].pareto == false)
        // Dense: mean 222.4925625 ms (numpy), 0.0832 × 0.2224925625 / 3600 × 10⁶ = 5.14205033...
        #expect(close(report.systems[1].costPerMillion, 5.142050333333334, 1e-9))
        // Quality per unit cost: 0.4895 / 0.0762316388... = 6.4212...
        #expect(close(bm25.qualityPerCost, 0.4895 / 0.0762316388888889, 1e-9))
    }

    /// numpy 2.4.6 on the CACM BM25 file: np.sort(x)[ceil(q·64/100) − 1] for q = 50, 90, 95,
    /// 99 is 0.696 (k = 32), 12.81 (k = 58), 13.149 (k = 61), 15.537 (k = 64).
    @Test("CACM BM25 under nearest rank")
    func cacmNearestRank() throws {
        let f = LatencyFigures(of: try Self.table("bm25").milliseconds, rule: .nearestRank)
        #expect(f.p50 == 0.696 && f.p90 == 12.81 && f.p95 == 13.149 && f.p99 == 15.537)
    }

    /// Vaswani BM25, 93 rows: linear p99 has h = 92 × 0.99 = 91.08, between the two largest
    /// latencies (0-based sorted x[91] = 24.139, x[92] = 110.606): 24.139 + 0.08 × 86.467 =
    /// 31.05636, as numpy 2.4.6 gives; nearest rank takes k = ⌈0.99 × 93⌉ = 93, the largest,
    /// 110.606: the docs' "31 ms linear, 111 ms nearest rank". Other figures from numpy.
    @Test("Vaswani BM25: one slow query separates the two rules at p99")
    func vaswaniP99() throws {
        let x = try Self.table("bm25", "vaswani").milliseconds
        #expect(x.count == 93)
        let linear = LatencyFigures(of: x, rule: .linear)
        let nearest = LatencyFigures(of: x, rule: .nearestRank)
        #expect(close(linear.p99, 31.05636, 1e-9))
        #expect(nearest.p99 == 110.606)   // k = ⌈92.07⌉ = 93: the largest
        #expect(close(linear.mean, 6.007967741935485, 1e-9))
        #expect(close(linear.p50, 1.289) && close(linear.p90, 13.5718, 1e-9) && close(linear.p95, 20.09, 1e-9))
        #expect(nearest.p50 == 1.289 && nearest.p90 == 13.607 && nearest.p95 == 20.69)
    }

    @Test("concurrency divides the time a query occupies the machine")
    func concurrency() throws {
        // Mean 100 ms at concurrency 4: QPS = 4 × 1000 / 100 = 40; money =
        // 1.0 × (0.1 s / 4) / 3600 × 10⁶ = 6.9444...
        let table = LatencyTable(file: "l", queries: ["1", "2"], milliseconds: [50, 150])
        let report = try CostReport.build([SystemInput(profile: cacmProfile("x", price: 1.0, concurrency: 4), latency: table, quality: [0.5])],
                                          measures: ["map"], rule: .linear, axis: .money, budget: Budget())
        #expect(close(report.systems[0].qps, 40))
        #expect(close(report.systems[0].costPerMillion, 6.944444444444445, 1e-12))
    }

    @Test("stated figures: a latency summary, or only QPS")
    func stated() throws {
        var summary = EfficiencyProfile(file: "s", name: "s")
        summary.latencySummary = LatencySummary(mean: 20, p95: 50)
        summary.hardware = Hardware(name: "vm", pricePerHour: 0.72)
        var qpsOnly = EfficiencyProfile(file: "q", name: "q")
        qpsOnly.qps = 50
        qpsOnly.hardware = Hardware(name: "vm", pricePerHour: 0.36)
        let report = try CostReport.build([SystemInput(profile: summary, latency: nil, quality: [0.3]),
                                           SystemInput(profile: qpsOnly, latency: nil, quality: [0.2])],
                                          measures: ["map"], rule: .linear, axis: .money, budget: Budget())
        let s = report.systems[0], q = report.systems[1]
        // Summary: QPS 1000 / 20 = 50; money 0.72 × 0.02 / 3600 × 10⁶ = 4.
        #expect(s.latency.queries == nil && !s.latency.computed && s.latency.p95 == 50 && s.latency.p99 == nil)
        #expect(close(s.qps, 50) && close(s.costPerMillion, 4))
        // QPS only: money 0.36 × 10⁶ / (3600 × 50) = 2.
        #expect(q.latency.mean == nil && q.qpsStated && close(q.costPerMillion, 2))
        #expect(s.pareto == true && q.pareto == true)   // a trade-off: s better, q cheaper
    }

    @Test("no price: no money figure (null, never 0), not on the money frontier")
    func noPrice() throws {
        let table = LatencyTable(file: "l", queries: ["1"], milliseconds: [5])
        let report = try CostReport.build([SystemInput(profile: cacmProfile("free", price: nil), latency: table, quality: [0.4])],
                                          measures: ["map"], rule: .linear, axis: .money, budget: Budget())
        #expect(report.systems[0].costPerMillion == nil && report.systems[0].currency == nil)
        #expect(report.systems[0].pareto == nil)
        let json = try Self.object(report.json())
        let system = try #require((json["systems"] as? [[String: Any]])?.first)
        #expect(system["cost_per_million"] is NSNull)
        #expect(system["pareto"] is NSNull)
        #expect(report.text().contains("no price stated"))
        // Latency still counts on a latency axis.
        let p95 = try CostReport.build([SystemInput(profile: cacmProfile("free", price: nil), latency: table, quality: [0.4])],
                                       measures: ["map"], rule: .linear, axis: .p95, budget: Budget())
        #expect(p95.systems[0].pareto == true)
    }

    @Test("money is not compared across currencies")
    func currencies() throws {
        var euro = cacmProfile("euro")
        euro.hardware?.currency = "EUR"
        let table = LatencyTable(file: "l", queries: ["1"], milliseconds: [5])
        let inputs = [SystemInput(profile: cacmProfile("usd"), latency: table, quality: [0.4]),
                      SystemInput(profile: euro, latency: table, quality: [0.5])]
        let message = failure(CostError.self) {
            _ = try CostReport.build(inputs, measures: ["map"], rule: .linear, axis: .money, budget: Budget())
        }
        #expect(message?.hasPrefix("profiles price in EUR and USD; reval does not convert currencies") == true)
        let p99 = try CostReport.build(inputs, measures: ["map"], rule: .linear, axis: .p99, budget: Budget())
        #expect(p99.systems.map(\.pareto) == [false, true])   // same latency, euro better
    }

    @Test("best under a budget: highest quality that keeps every limit, ties to the cheaper")
    func budget() throws {
        // p95 of one-row tables is the row itself.
        func input(_ name: String, ms: Double, quality: Double, memory: Int64? = nil) -> SystemInput {
            SystemInput(profile: cacmProfile(name, memory: memory),
                        latency: LatencyTable(file: name, queries: ["1"], milliseconds: [ms]), quality: [quality])
        }
        let inputs = [input("fast", ms: 5, quality: 0.40, memory: 1 << 30), input("mid", ms: 40, quality: 0.48, memory: 4 << 30),
                      input("mid-slower", ms: 45, quality: 0.48, memory: 2 << 30), input("slow", ms: 400, quality: 0.55)]
        func best(_ budget: Budget) throws -> String? {
            let report = try CostReport.build(inputs, measures: ["ndcg_cut_10"], rule: .linear, axis: .money, budget: budget)
            return report.best.map { report.systems[$0].name }
        }
        #expect(try best(Budget(maxP95Milliseconds: 50)) == "mid")          // mid and mid-slower tie at 0.48; mid is cheaper
        #expect(try best(Budget(maxP95Milliseconds: 10)) == "fast")
        #expect(try best(Budget(maxP95Milliseconds: 1)) == nil)
        #expect(try best(Budget(maxMemoryBytes: 3 << 30)) == "mid-slower")  // slow states no memory: not admitted
        // 0.0832 × 0.04 / 3600 × 10⁶ = 0.924 per million for mid; 0.0832 × 0.4 / 3600 × 10⁶ = 9.24 for slow.
        #expect(try best(Budget(maxCostPerMillion: 1)) == "mid")
        #expect(try best(Budget(maxCostPerMillion: 10)) == "slow")
        let report = try CostReport.build(inputs, measures: ["ndcg_cut_10"], rule: .linear, axis: .money,
                                          budget: Budget(maxP95Milliseconds: 50))
        #expect(report.systems.map(\.withinBudget) == [true, true, true, false])
        #expect(report.text().contains("Best under budget (p95 <= 50 ms): mid (ndcg_cut_10 0.4800)."))
    }

    @Test("JSON: the keys of the issue, full precision")
    func json() throws {
        let report = try CostReport.build([
            SystemInput(profile: cacmProfile("bm25"), latency: try Self.table("bm25"), quality: [0.4895, 0.3391]),
        ], measures: ["ndcg_cut_10", "map"], rule: .nearestRank, axis: .money, budget: Budget())
        let root = try Self.object(report.json())
        #expect(root["percentile"] as? String == "nearest-rank")
        let system = try #require((root["systems"] as? [[String: Any]])?.first)
        #expect(system["name"] as? String == "bm25")
        #expect(system["queries"] as? Int == 64)
        let latency = try #require(system["latency_ms"] as? [String: Double])
        #expect(Set(latency.keys) == ["mean", "p50", "p90", "p95", "p99", "max"])
        #expect(latency["p50"] == 0.696)
        #expect(close(system["qps"] as? Double, 303.16954282980345, 1e-9))
        #expect(close(system["cost_per_million"] as? Double, 0.0762316388888889, 1e-12))
        #expect(system["quality"] as? [String: Double] == ["ndcg_cut_10": 0.4895, "map": 0.3391])
        #expect(system["pareto"] as? Bool == true)
        #expect(root["best"] == nil, "no budget, no best")
    }

    @Test("CSV and Markdown escape hostile names")
    func escaping() throws {
        let table = LatencyTable(file: "l", queries: ["1"], milliseconds: [5])
        let name = "a,\"b\"|*c*\n<d>"
        let report = try CostReport.build([SystemInput(profile: cacmProfile(name), latency: table, quality: [0.5])],
                                          measures: ["P_10"], rule: .linear, axis: .money, budget: Budget())
        let csv = report.csv()
        #expect(csv.contains("\n\"a,\"\"b\"\"|*c*\n<d>\",1,file,linear,5.0,"))
        let markdown = report.markdown()
        #expect(markdown.contains("| a,\"b\"\\|\\*c\\* \\<d\\> |"))
        #expect(!markdown.contains("|*c*"))
        #expect(CostReport.markdownEscape("x_y [z](u) `q`") == "x\\_y \\[z\\](u) \\`q\\`")
        #expect(CostReport.csvField("plain") == "plain")
        #expect(JSONEscape.quoted("q\"\\\n\u{1}") == "\"q\\\"\\\\\\n\\u0001\"")
    }

    @Test("text output: the rule named, numbers rounded for reading")
    func text() throws {
        let report = try CostReport.build([
            SystemInput(profile: cacmProfile("bm25"), latency: try Self.table("bm25"), quality: [0.48952]),
        ], measures: ["ndcg_cut_10"], rule: .linear, axis: .money, budget: Budget())
        let text = report.text()
        #expect(text.hasPrefix("Latency percentiles: linear (numpy's default"))
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("bm25 ") })
        let cells = row.split(separator: " ").map(String.init)
        #expect(cells == ["bm25", "64", "3.298", "0.699", "12.800", "13.116", "15.448", "15.537", "303.17", "0.076232", "USD", "0.4895", "yes"])
    }

    @Test("the plot: an SVG with the systems, the frontier, and the ones it cannot place")
    func plot() throws {
        let table = LatencyTable(file: "l", queries: ["1"], milliseconds: [5])
        let report = try CostReport.build([
            SystemInput(profile: cacmProfile("bm25"), latency: try Self.table("bm25"), quality: [0.4895]),
            SystemInput(profile: cacmProfile("dense"), latency: try Self.table("dense"), quality: [0.4507]),
            SystemInput(profile: cacmProfile("unpriced", price: nil), latency: table, quality: [0.6]),
        ], measures: ["ndcg_cut_10"], rule: .linear, axis: .money, budget: Budget())
        let svg = report.svg(title: "CACM")
        #expect(svg.contains(">bm25</text>") && svg.contains(">dense</text>"))
        #expect(svg.contains("<polyline"))
        #expect(svg.contains("Not drawn: unpriced (no price_per_hour)"))
        #expect(svg.contains("USD per million queries, log scale"))
        #expect(svg == report.svg(title: "CACM"))
    }

    static func rounded(_ value: Double?, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value ?? .nan)
    }

    static func object(_ json: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(value as? [String: Any])
    }
}
