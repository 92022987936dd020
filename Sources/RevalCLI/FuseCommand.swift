import ArgumentParser
import RevalCore
import RevalEval
import RevalFormats
import RevalFusion

/// `reval fuse`: fuses two or more runs into one TREC run (RRF, CombSUM, CombMNZ, convex
/// combination), and with `--tune` searches the fusion weights on a grid (docs/fusion.md).
public struct FuseCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fuse",
        abstract: "Fuse runs (RRF, CombSUM, CombMNZ, convex combination) and tune fusion weights.",
        discussion: """
            Per topic, over the union of the runs' documents, ranked as trec_eval ranks \
            (score descending, then docno descending):
              rrf      Σ w / (k + rank)            (--k, default 60; w = 1 by default)
              combsum  Σ w · norm(score)           (w = 1 by default)
              combmnz  combsum × runs that retrieved the document
              cc       Σ w · norm(score), Σ w = 1  (equal weights by default)
            A run without the document adds nothing. --norm (default minmax) is applied per run \
            and topic: none, minmax, zscore, or tmm with --lower bounds. Runs may be in any \
            format reval reads; the fused run is TREC, scores with 17 significant digits, \
            written atomically.

            --tune MEASURE --qrels QRELS tries every weight vector on a grid of --step (two runs: \
            w, 1 - w for w = 0, step, ..., 1), prints the measure for each (every qrels topic \
            counts, as with -c) and writes the run fused with the best. Weights tuned on the \
            topics you report on overstate the result: tune on one topic set, report on another.

            Examples:
              reval fuse --method rrf --output fused.txt bm25 dense
              reval fuse --method cc --weights 0.2,0.8 --output fused.txt bm25 dense
              reval fuse --method cc --norm tmm --lower 0,-1 --output fused.txt bm25 dense
              reval fuse --method cc --tune ndcg_cut.10 --qrels qrels --output best.txt bm25 dense
            Definitions, references and the tuning protocol: docs/fusion.md.
            """
    )

    @Option(help: ArgumentHelp("rrf, combsum, combmnz or cc.", valueName: "method"))
    var method: String

    @Option(help: ArgumentHelp("The fused run's file ('-' for stdout).", valueName: "file"))
    var output: String

    @Option(parsing: .unconditional, help: ArgumentHelp("RRF's k (default 60).", valueName: "k"))
    var k: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("One weight per run, comma-separated (cc: summing to 1).", valueName: "w1,w2,..."))
    var weights: String?

    @Option(help: ArgumentHelp("Score normalisation: none, minmax (the default), zscore or tmm.", valueName: "norm"))
    var norm: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Lowest score each run can give, for --norm tmm.", valueName: "l1,l2,..."))
    var lower: String?

    @Option(help: ArgumentHelp("Documents kept per topic.", valueName: "n"))
    var depth: Int = Fusion.defaultDepth

    @Option(help: ArgumentHelp("Run tag of the fused run.", valueName: "tag"))
    var tag: String = "fused"

    @Option(help: ArgumentHelp("Tune the weights for this measure (trec_eval or ir_measures name, one value: ndcg_cut.10, nDCG@10, map).", valueName: "measure"))
    var tune: String?

    @Option(help: ArgumentHelp("Qrels for --tune.", valueName: "file"))
    var qrels: String?

    @Option(help: ArgumentHelp("Grid step for --tune (default 0.1); must divide 1 into equal parts.", valueName: "step"))
    var step: Double?

    @Option(help: ArgumentHelp("The tuning curve's format: text (the default) or json.", valueName: "format"))
    var format: String?

    @OptionGroup(title: "Evaluation options (for --tune; -c is always on)")
    var evaluation: EvaluationFlags

    @Argument(help: ArgumentHelp("Two or more runs ('-' reads one from stdin; gzip and zstd are read too).", valueName: "run"))
    var runs: [String] = []

    public init() {}

    public func run() throws {
        let code = execute().write()
        if code != 0 { throw ExitCode(code) }
    }

    /// A flag value that cannot be used; exit 2, as for every usage error of `reval fuse`.
    struct UsageError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Runs the command and returns what it prints.
    public func execute() -> CommandOutput {
        var out = CommandOutput()
        do {
            let fusion = try checkedFusion()
            let settings = try checkedSettings()
            if let tune {
                try self.tune(measure: tune, fusion: fusion, settings: settings, into: &out)
            } else {
                try fuse(fusion, settings: settings, into: &out)
            }
        } catch let error as UsageError {
            out.error(error.message, exitCode: 2)
        } catch let error as FlagError {
            out.error(error.description, exitCode: 2)
        } catch let error as FusionError {
            out.error(describe(error), exitCode: error.exitCode)
        } catch let error as InputError {
            out.error(error.description, exitCode: 2)
        } catch let error as OutputError {
            out.error(error.description, exitCode: error.exitCode)
        } catch let error as EvaluationError {
            out.error(error.description, exitCode: error.exitCode == 4 ? 4 : 2)
        } catch {
            out.error("\(error)", exitCode: 2)
        }
        return out
    }

    /// A fusion error as a line: data problems carry the run's file and line.
    func describe(_ error: FusionError) -> String {
        guard let r = error.run, r < runs.count else { return error.message }
        if let line = error.line, line > 0 { return "\(runs[r]):\(line): \(error.message)" }
        return "\(runs[r]): \(error.message)"
    }

    private func checkedFusion() throws -> Fusion {
        guard let method = FusionMethod(rawValue: method.lowercased()) else {
            throw UsageError("unknown fusion method '\(self.method)' for --method; expected rrf, combsum, combmnz or cc")
        }
        guard runs.count >= 2 else {
            throw UsageError("fusion needs at least two runs, got \(runs.count)")
        }
        if runs.filter({ $0 == "-" }).count > 1 {
            throw UsageError("only one run can be read from stdin ('-')")
        }
        var normalization: ScoreNormalization?
        if let norm {
            guard let chosen = ScoreNormalization(rawValue: norm.lowercased()) else {
                throw UsageError("unknown normalisation '\(norm)' for --norm; expected none, minmax, zscore or tmm")
            }
            normalization = chosen
        }
        if tune != nil && weights != nil {
            throw UsageError("--weights and --tune exclude each other: --tune chooses the weights")
        }
        return try Fusion(method: method, runCount: runs.count, normalization: normalization, k: k,
                          weights: try numbers(weights, flag: "--weights"),
                          lowerBounds: try numbers(lower, flag: "--lower"), depth: depth)
    }

    private func checkedSettings() throws -> EvaluationSettings {
        if !evaluation.measureNames.isEmpty {
            throw UsageError("-m does not apply to fuse; name the measure to tune with --tune")
        }
        if tune == nil {
            if qrels != nil { throw UsageError("--qrels applies to --tune only") }
            if step != nil { throw UsageError("--step applies to --tune only") }
            if format != nil { throw UsageError("--format applies to --tune only (the fused run is always TREC)") }
        } else {
            if qrels == nil { throw UsageError("--tune needs the qrels to evaluate with: --qrels FILE") }
            if let format, format != "text" && format != "json" {
                throw UsageError("unknown format '\(format)' for --format; expected text or json")
            }
            if output == "-" { throw UsageError("with --tune the curve goes to stdout: --output must name a file") }
        }
        var settings = try evaluation.settings()
        settings.completeTopics = true
        return settings
    }

    /// A comma-separated list of numbers, or nil when the flag is not given.
    private func numbers(_ text: String?, flag: String) throws -> [Double]? {
        guard let text else { return nil }
        var values: [Double] = []
        for field in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = field.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
            guard let value = Double(String(trimmed)), value.isFinite else {
                throw UsageError("\(flag) needs comma-separated numbers, got '\(text)'")
            }
            values.append(value)
        }
        return values
    }
}
