import ArgumentParser
import RevalCore
import RevalEval
import RevalFormats
import RevalStats

/// `reval compare`: paired significance tests of runs against a baseline (or of every pair)
/// on every measure, over all the topics of the qrels.
public struct CompareCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Paired significance tests between runs: t, randomization, Wilcoxon, bootstrap, Tukey HSD.",
        discussion: """
            Compares each RUN with BASELINE (or every pair, --all-pairs) on every -m measure \
            (default: ndcg_cut.10 and map), on every topic of the qrels: a topic missing from \
            a run scores 0 (trec_eval's -c rule), so all runs are paired on one topic set. \
            Every table shows the t-test, the randomization test, the Wilcoxon signed-rank \
            test and the bootstrap interval; --test names the one whose p, after \
            --correction over the comparisons of a measure, decides significance. Monte \
            Carlo results depend only on --seed, never on the thread count. Definitions and \
            advice: docs/statistics.md.

            Examples:
              reval compare qrels.txt bm25.txt rm3.txt splade.txt
              reval compare -m ndcg_cut.10 -l 2 --test randomization q.txt a.txt b.txt
              reval compare --all-pairs --test tukey --format json q.txt a.txt b.txt c.txt
              reval compare --per-query topics.csv --name BM25 --name RM3 q.txt a b
            """
    )

    @OptionGroup var evaluation: EvaluationFlags

    @Flag(name: .customLong("all-pairs"), help: "Compare every pair of runs, not each run with the baseline.")
    var allPairs = false

    @Option(name: .customLong("test"),
            help: ArgumentHelp("The test whose p decides significance: t, randomization, wilcoxon, bootstrap or tukey (default t).", valueName: "test"))
    var test: String = "t"

    @Option(name: .customLong("correction"),
            help: ArgumentHelp("Multiple-comparison correction over the comparisons of a measure: holm, bonferroni, bh or none (default holm; Tukey HSD needs none).", valueName: "method"))
    var correction: String = "holm"

    @Option(name: .customLong("alpha"), help: ArgumentHelp("Significance level for the adjusted p (default 0.05).", valueName: "level"))
    var alpha: String = "0.05"

    @Option(name: .customLong("permutations"),
            help: ArgumentHelp("Random sign flips of the randomization test, trials of Tukey HSD (default 100000).", valueName: "N"))
    var permutations: String = "100000"

    @Option(name: .customLong("bootstrap"), help: ArgumentHelp("Bootstrap resamples (default 10000).", valueName: "B"))
    var bootstrap: String = "10000"

    @Option(name: .customLong("confidence"), help: ArgumentHelp("Confidence of the bootstrap interval (default 0.95).", valueName: "level"))
    var confidence: String = "0.95"

    @Option(name: .customLong("seed"), help: ArgumentHelp("Seed of the random streams (default 1).", valueName: "n"))
    var seed: String = "1"

    @Option(name: .customLong("format"), help: ArgumentHelp("Output: text (default), json, csv or markdown.", valueName: "format"))
    var format: String = "text"

    @Option(name: .customLong("per-query"),
            help: ArgumentHelp("Also write every topic's value for every run, and the differences, to this CSV file.", valueName: "file"))
    var perQueryFile: String?

    @Option(name: .customLong("name"),
            help: ArgumentHelp("The name of a run in the output, in the order of the runs (baseline first). Repeatable; default: the file name.", valueName: "name"))
    var names: [String] = []

    @Argument(help: ArgumentHelp("The qrels, the baseline run, then one or more runs.", valueName: "file"))
    var files: [String] = []

    public init() {}

    public func run() throws {
        let code = execute().write()
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs the comparison and returns what it prints. Every failure exits 2.
    public func execute() -> CommandOutput {
        var out = CommandOutput()
        do {
            let options = try CompareOptions(self)
            let qrels = try EvaluationPipeline.loadQrels(files[0], settings: options.evaluation)
            let table = try ResultsTable.evaluate(
                qrels: qrels, runs: options.runs, measures: options.measureNames, settings: options.evaluation)
            let report = try CompareReport.build(table: table, options: options)
            for warning in report.warnings { out.warning(warning) }
            if let path = perQueryFile {
                try AtomicFile.write(PerQueryCSV.write(report, table: table).rawBytes, to: path)
            }
            out.stdout = CompareWriter.write(report, format: options.format)
        } catch let error as CompareError {
            out.error(error.description, exitCode: 2)
        } catch let error as EvaluationError {
            out.error(error.description, exitCode: 2)
        } catch let error as InputError {
            out.error(error.description, exitCode: 2)
        } catch let error as OutputError {
            out.error(error.description, exitCode: 2)
        } catch let error as FlagError {
            out.error(error.description, exitCode: 2)
        } catch {
            out.error("\(error)", exitCode: 2)
        }
        return out
    }
}

/// A `reval compare` input that cannot be used; `description` is the line after `reval: `.
struct CompareError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
