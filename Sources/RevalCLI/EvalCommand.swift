import ArgumentParser
import RevalCore
import RevalEval
import RevalFormats

/// `reval eval`: trec_eval's command line, flags, output and exit codes.
public struct EvalCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a run against qrels, as trec_eval 10.0 does (same flags, same output).",
        discussion: """
            Replace `trec_eval ARGS` with `reval eval ARGS`: the same arguments print the same \
            bytes and end with the same exit code. Invoked through a link named `trec_eval`, \
            reval behaves as `reval eval`.

            Examples:
              reval eval qrels.txt run.txt
              reval eval -q -m ndcg_cut.10 -m map -c qrels.txt run.txt
              zcat run.gz | reval eval -m all_trec qrels.txt -
              reval eval -m nDCG@10 -m 'RR(rel=2)@10' -m map qrels.txt run.txt
              reval eval -q -m all_prefs -R prefs prefs.txt run.txt
              reval eval -q -m all_trec -Z zscores.txt qrels.txt run.txt

            Measures (-m): \(MeasureCatalog.entries.map(\.name).joined(separator: " "))
            With -R prefs or qrels_prefs: \(PreferenceMeasureCatalog.entries.map(\.name).joined(separator: " ")).
            With -R qrels_jg: \(JudgmentGroupMeasureCatalog.entries.map(\.name).joined(separator: " ")).
            runid and num_q go with every format.
            Nicknames: official (the default), all_trec, set; with -R prefs or qrels_prefs: all_prefs, prefs; \
            with -R qrels_jg: qrels_jg.
            ir_measures names (quote them for the shell): \(ModernMeasure.familyNames.joined(separator: " ")), \
            written as nDCG@10, AP(rel=2), nDCG(dcg='exp-log2')@10, RBP(p=0.9); they print after \
            the trec_eval measures (docs/measures.md).
            Differences from trec_eval are listed in docs/compatibility.md.
            """
    )

    /// The usage line, with the command's full name (`reval eval`).
    static var usage: String { Reval.usageString(for: EvalCommand.self) }

    @Flag(name: [.customShort("q"), .customLong("query_eval_wanted")],
          help: "Also print a line per topic and measure.")
    var perQuery = false

    @OptionGroup var evaluation: EvaluationFlags

    @Flag(name: [.customShort("n"), .customLong("nosummary")], help: "Do not print the summary over topics.")
    var noSummary = false

    @Option(name: [.customShort("R", allowingJoined: true), .customLong("Rel_info_format")],
            help: ArgumentHelp("Relevance file format: qrels (the default), prefs (preferences), qrels_prefs (qrels read as preferences) or qrels_jg (qrels of several judgment groups).", valueName: "format"))
    var relevanceFormat: String?

    @Option(name: [.customShort("T", allowingJoined: true), .customLong("Results_format")],
            help: ArgumentHelp("Run file format; only 'trec_results'.", valueName: "format"))
    var resultsFormat: String?

    @Option(name: [.customShort("Z", allowingJoined: true), .customLong("Zscore")],
            help: ArgumentHelp("Print z-scores, (value - mean) / sd, with the mean and sd of each topic and measure from this file of lines 'topic measure mean sd'.", valueName: "file"))
    var zscoreFile: String?

    @Option(name: [.customShort("D", allowingJoined: true), .customLong("Debug_level")],
            help: ArgumentHelp("trec_eval's debug output (not supported).", valueName: "level"))
    var debugLevel: String?

    @Flag(name: [.customShort("o"), .customLong("Output_old_results_format")],
          help: "Accepted and ignored, as in trec_eval.")
    var oldFormat = false

    @Flag(name: [.customShort("v"), .customLong("version")], help: "Print the version to stderr and exit.")
    var version = false

    @Option(name: .customLong("format"),
            help: ArgumentHelp("Output: trec (trec_eval's text, the default), json, jsonl, csv or tsv. Machine formats carry full precision.", valueName: "format"))
    var outputFormat: String = "trec"

    @Argument(help: ArgumentHelp("The qrels file, then one or more run files ('-' reads a run from stdin). Several runs print one after another, as separate trec_eval calls would.",
                                 valueName: "file"))
    var files: [String] = []

    public init() {}

    public func run() throws {
        let code = execute().write()
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs the evaluation and returns what it prints.
    public func execute() -> CommandOutput {
        var out = CommandOutput()
        if version {
            out.stderr = revalVersionLine + "\n"
            return out
        }
        do {
            let settings = try settings()
            if needsRelevanceFormatPath {
                try executeWithRelevanceFormat(settings, into: &out)
                return out
            }
            let measures = try EvaluationPipeline.measures(evaluation.measureNames, settings: settings)
            let runs = RunInput.distinctlyNamed(Array(files.dropFirst()))
            // Opened first, so that the first run's first batches are read (and decompressed)
            // while the qrels are. (An input read once cannot be both: `checkInputsReadOnce`.)
            let first = EvaluationPipeline.open(runs[0], settings: Self.perRun(settings, runs: runs.count))
            let qrels = try InputHints.loadQrels(files[0], runs: Array(files.dropFirst()), settings: settings)
            let results = parallelResults(runs, first: first, qrels: qrels, measures: measures, settings: settings)
            let reporter = EvalReporter(perQuery: perQuery, summary: !noSummary, outputFormat: outputFormat,
                                        qrels: qrels, severalRuns: runs.count > 1)
            reporter.report(results, runs: runs, into: &out)
        } catch let failed as CommandFailed {
            return failed.output
        } catch let error as EvaluationError {
            out.error(error.description, exitCode: error.exitCode)
        } catch let error as InputError {
            out.error(error.description, exitCode: error.exitCode)
        } catch let error as FlagError {
            out.error(error.description, exitCode: 1)
        } catch {
            out.error("\(error)", exitCode: 2)
        }
        return out
    }

    /// Each run's evaluation or error, in argument order; the runs are evaluated in parallel.
    private func parallelResults(_ runs: [RunInput], first: OpenedRun, qrels: Qrels, measures: [any Measure],
                                 settings: EvaluationSettings) -> [Result<Evaluation, EvaluationError>] {
        let perRun = Self.perRun(settings, runs: runs.count)
        return parallelMap(runs.count, threads: Self.workers(settings, runs: runs.count)) { k in
            Result { () throws(EvaluationError) -> Evaluation in
                if k == 0 { return try EvaluationPipeline.evaluate(first, qrels: qrels, measures: measures, settings: perRun) }
                return try EvaluationPipeline.evaluate(runs[k], qrels: qrels, measures: measures, settings: perRun)
            }
        }
    }

    /// How many runs are evaluated at once: one per thread, up to the number of runs.
    private static func workers(_ settings: EvaluationSettings, runs: Int) -> Int {
        max(1, min(settings.threads, runs))
    }

    /// The settings of each run's evaluation: the threads shared among the runs evaluated at once.
    private static func perRun(_ settings: EvaluationSettings, runs: Int) -> EvaluationSettings {
        var perRun = settings
        perRun.threads = max(1, settings.threads / workers(settings, runs: runs))
        return perRun
    }

    private func fail(_ message: String, _ code: Int32) -> CommandFailed {
        var out = CommandOutput()
        out.error(message, exitCode: code)
        return CommandFailed(output: out)
    }

    private func settings() throws -> EvaluationSettings {
        try evaluation.checkMeasureNames()
        guard files.count >= 2 else {
            throw fail("expected 2 files (qrels, then run), got \(files.count)\n\(Self.usage)", 1)
        }
        try checkRelevanceFormat()
        if let format = resultsFormat, format != "trec_results" {
            throw fail("unknown results format '\(format)' for -T (only trec_results)", 2)
        }
        if outputFormat != "trec" && EvaluationWriter.Format(rawValue: outputFormat) == nil {
            throw fail("unknown output format '\(outputFormat)' for --format (trec, json, jsonl, csv, tsv)", 1)
        }
        if debugLevel != nil { throw fail("-D (trec_eval's debug output) is not supported", 2) }
        try evaluation.checkSplit(qrels: files[0])
        try checkInputsReadOnce()
        return try evaluation.settings()
    }

    /// Standard input or a pipe named twice (`reval eval - -`) would give all its bytes to
    /// the first reader and none to the second: an error, before anything is read.
    private func checkInputsReadOnce() throws {
        for j in files.indices.dropFirst() where !canReadTwice(files[j]) {
            if let i = files[..<j].firstIndex(where: { sameInput($0, files[j]) }) {
                throw fail("\(files[j]): the same input as \(files[i]), which can be read only once "
                    + "(standard input or a pipe); give each its own file", 2)
            }
        }
    }
}
