import ArgumentParser
import RevalCore
import RevalCost
import RevalEval
import RevalFormats
import RevalYAML

/// `reval cost`: latency, throughput, money per query and quality of systems described by
/// efficiency profiles, their Pareto frontier, and the best one under a budget.
public struct CostCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Price systems: latency percentiles, QPS, money per million queries, quality, the Pareto frontier.",
        discussion: """
            Each PROFILE (YAML, or the same keys as JSON) names one system's run, its \
            per-query latency file and the hardware it ran on (docs/cost.md lists every key). \
            Quality is scored over every qrels topic (-c: a topic a run lacks scores 0); the \
            first measure is the one the frontier and the budget use (default ndcg_cut.10).

            Examples:
              reval cost Qrels/cacm/qrels.cacm.txt Qrels/cacm/*.profile.yaml
              reval cost -m nDCG@10 -m map --format json QRELS a.profile.yaml b.profile.yaml
              reval cost --percentile nearest-rank --cost-axis p99 --plot cost.svg QRELS *.profile.yaml
              reval cost --hardware hardware.yaml --max-p95-ms 50 --max-cost-per-million 1 QRELS *.profile.yaml
            """
    )

    @OptionGroup var evaluation: EvaluationFlags

    @Option(name: .customLong("format"),
            help: ArgumentHelp("Output: text (the default), json, csv or markdown. json and csv carry full precision.", valueName: "format"))
    var outputFormat: String = "text"

    @Option(name: .customLong("plot"),
            help: ArgumentHelp("Also draw quality against cost (log scale) with the frontier, as a self-contained SVG file.", valueName: "file.svg"))
    var plot: String?

    @Option(name: .customLong("plot-title"), help: ArgumentHelp("The plot's title (default: the profiles' dataset).", valueName: "text"))
    var plotTitle: String?

    @Option(name: .customLong("percentile"),
            help: ArgumentHelp("Percentile rule: linear (numpy's default) or nearest-rank (the k-th smallest, k = ceil(q*n/100)).", valueName: "rule"))
    var percentile: String = "linear"

    @Option(name: .customLong("cost-axis"),
            help: ArgumentHelp("What cost is for the frontier and the plot: money (per million queries), p95, p99 or memory.", valueName: "axis"))
    var costAxis: String = "money"

    @Option(name: .customLong("hardware"),
            help: ArgumentHelp("Hardware catalogue (YAML or JSON) for profiles that name their hardware (hardware: c6i.large).", valueName: "file"))
    var hardwareCatalogue: String?

    @Option(name: .customLong("max-p95-ms"), help: ArgumentHelp("Budget: the largest p95 latency allowed, in ms.", valueName: "ms"))
    var maxP95: String?

    @Option(name: .customLong("max-cost-per-million"),
            help: ArgumentHelp("Budget: the most money per million queries allowed, in the profiles' currency.", valueName: "amount"))
    var maxCost: String?

    @Option(name: .customLong("max-memory"),
            help: ArgumentHelp("Budget: the most memory allowed (memory_bytes), in bytes or with a unit: 8GiB, 512MB.", valueName: "size"))
    var maxMemory: String?

    @Argument(help: ArgumentHelp("The qrels file, then one or more efficiency profiles.", valueName: "file"))
    var files: [String] = []

    public init() {}

    /// The measure used when no -m is given.
    static let defaultMeasure = "ndcg_cut.10"

    public func run() throws {
        let code = execute().write()
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs the command and returns what it prints.
    public func execute() -> CommandOutput {
        var out = CommandOutput()
        do throws(CostError) {
            let options = try parsedOptions()
            let report = try CostRunner(options: options).report(warnings: { out.warning($0) })
            let printed: String
            switch options.format {
            case "json": printed = report.json()
            case "csv": printed = report.csv()
            case "markdown": printed = report.markdown()
            default: printed = report.text()
            }
            // The plot first: when it cannot be written, nothing is printed and the exit is 2.
            if let plot {
                let title = plotTitle ?? CostRunner.commonDataset(report).map { "\($0): quality against cost" }
                do {
                    try AtomicFile.write(Array(report.svg(title: title).utf8), to: plot)
                } catch {
                    throw CostError(error.description, exitCode: 2)
                }
            }
            out.stdout = printed
        } catch {
            out.error(error.description, exitCode: error.exitCode)
        }
        return out
    }

    /// The options checked and typed; any bad value is an error naming the flag.
    func parsedOptions() throws(CostError) -> CostRunner.Options {
        guard files.count >= 2 else {
            throw CostError("expected the qrels file and one or more profiles, got \(files.count) file\(files.count == 1 ? "" : "s")\n\(Reval.usageString(for: CostCommand.self))")
        }
        guard ["text", "json", "csv", "markdown"].contains(outputFormat) else {
            throw CostError("unknown output format '\(outputFormat)' for --format; expected text, json, csv or markdown")
        }
        guard let rule = PercentileRule(rawValue: percentile) else {
            throw CostError("unknown percentile rule '\(percentile)' for --percentile; expected linear or nearest-rank")
        }
        guard let axis = CostAxis(rawValue: costAxis) else {
            throw CostError("unknown cost axis '\(costAxis)' for --cost-axis; expected money, p95, p99 or memory")
        }
        var budget = Budget()
        budget.maxP95Milliseconds = try Self.limit(maxP95, flag: "--max-p95-ms", unit: "milliseconds")
        budget.maxCostPerMillion = try Self.limit(maxCost, flag: "--max-cost-per-million", unit: "an amount of money")
        if let maxMemory {
            switch ByteCount.parse(maxMemory) {
            case .success(let bytes): budget.maxMemoryBytes = bytes
            case .failure(let invalid): throw CostError("--max-memory: \(invalid.reason)")
            }
        }
        let settings: EvaluationSettings
        do {
            settings = try evaluation.settings()
        } catch {
            throw CostError(error.description)
        }
        let measures = evaluation.measureNames.isEmpty ? [Self.defaultMeasure] : evaluation.measureNames
        return CostRunner.Options(qrels: files[0], profiles: Array(files.dropFirst()), measures: measures,
                                  settings: settings, rule: rule, axis: axis, budget: budget,
                                  hardwareCatalogue: hardwareCatalogue, format: outputFormat)
    }

    /// A budget limit: a plain decimal number of 0 or more.
    static func limit(_ text: String?, flag: String, unit: String) throws(CostError) -> Double? {
        guard let text else { return nil }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "-" || $0 == "+") }),
              let value = Double(text), value.isFinite else {
            throw CostError("\(flag) needs a number (\(unit)), got '\(text)'")
        }
        guard value >= 0 else { throw CostError("\(flag) needs a number of 0 or more, got '\(text)'") }
        return value
    }
}
