import ArgumentParser
import RevalCore
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

            Measures (-m): \(MeasureCatalog.entries.map(\.name).joined(separator: " "))
            Nicknames: official (the default), all_trec, set.
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

    @Option(name: [.customShort("m", allowingJoined: true), .customLong("measure")],
            help: ArgumentHelp("A trec_eval measure or nickname, with optional parameters (map, P.5,10, all_trec), or an ir_measures name (nDCG@10, AP(rel=2), RBP(p=0.9)). Repeatable.", valueName: "measure"))
    var measures: [String] = []

    @Flag(name: [.customShort("c"), .customLong("complete_rel_info_wanted")],
          help: "Average over every qrels topic; topics missing from the run score 0.")
    var completeTopics = false

    @Option(name: [.customShort("l", allowingJoined: true), .customLong("level_for_rel")],
            help: ArgumentHelp("Lowest grade that counts as relevant (default 1).", valueName: "level"))
    var relevanceLevel: String?

    @Flag(name: [.customShort("n"), .customLong("nosummary")], help: "Do not print the summary over topics.")
    var noSummary = false

    @Flag(name: [.customShort("J"), .customLong("Judged_docs_only")],
          help: "Drop retrieved documents without a judgment, then re-rank.")
    var judgedOnly = false

    @Option(name: [.customShort("M", allowingJoined: true), .customLong("Max_retrieved_per_topic")],
            help: ArgumentHelp("Keep the top N documents of each topic after ranking.", valueName: "N"))
    var maxRetrieved: String?

    @Option(name: [.customShort("N", allowingJoined: true), .customLong("Number_docs_in_coll")],
            help: ArgumentHelp("Number of documents in the collection (for utility).", valueName: "N"))
    var documentsInCollection: String?

    @Option(name: [.customShort("R", allowingJoined: true), .customLong("Rel_info_format")],
            help: ArgumentHelp("Relevance file format; only 'qrels' is supported yet.", valueName: "format"))
    var relevanceFormat: String?

    @Option(name: [.customShort("T", allowingJoined: true), .customLong("Results_format")],
            help: ArgumentHelp("Run file format; only 'trec_results'.", valueName: "format"))
    var resultsFormat: String?

    @Option(name: [.customShort("Z", allowingJoined: true), .customLong("Zscore")],
            help: ArgumentHelp("Z-score file (not supported yet).", valueName: "file"))
    var zscoreFile: String?

    @Option(name: [.customShort("D", allowingJoined: true), .customLong("Debug_level")],
            help: ArgumentHelp("trec_eval's debug output (not supported).", valueName: "level"))
    var debugLevel: String?

    @Flag(name: [.customShort("o"), .customLong("Output_old_results_format")],
          help: "Accepted and ignored, as in trec_eval.")
    var oldFormat = false

    @Flag(name: [.customShort("v"), .customLong("version")], help: "Print the version to stderr and exit.")
    var version = false

    @Option(name: .customLong("threads"),
            help: ArgumentHelp("Threads to use (default: all processors, or REVAL_THREADS). Output is the same for any number.", valueName: "n"))
    var threads: Int?

    @Option(name: .customLong("qrels-format"),
            help: ArgumentHelp("Qrels format: trec (also MS MARCO qrels) or beir. Default: detected from the content; a folder is a BEIR dataset.", valueName: "format"))
    var qrelsFormat: String?

    @Option(name: .customLong("run-format"),
            help: ArgumentHelp("Run format: trec, msmarco (qid pid rank) or beir (results JSON). Default: detected from the content.", valueName: "format"))
    var runFormat: String?

    @Option(name: .customLong("split"),
            help: ArgumentHelp("Qrels split of a BEIR dataset folder (qrels/<split>.tsv).", valueName: "name"))
    var split: String = "test"

    @Flag(name: .customLong("ignore-identical-ids"),
          help: "Drop retrieved documents whose id equals the query id, as BEIR's evaluation does by default.")
    var ignoreIdenticalIDs = false

    @Option(name: .customLong("format"),
            help: ArgumentHelp("Output: trec (trec_eval's text, the default), json, jsonl, csv or tsv. Machine formats carry full precision.", valueName: "format"))
    var outputFormat: String = "trec"

    @Argument(help: ArgumentHelp("The qrels file, then the run file ('-' reads the run from stdin).",
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
            out.stderr = "reval \(revalVersion) (trec_eval 10.0 compatible)\n"
            return out
        }
        do {
            let settings = try settings()
            let measures = try selectMeasures()
            let qrels = try QrelsLoader.read(path: files[0], format: try format(qrelsFormat, QrelsFormat.init(name:), "--qrels-format"),
                                             split: split)
            let evaluation = try RunEvaluation(
                qrels: qrels, measures: measures, options: settings,
                threads: threads ?? defaultThreadCount(), ignoreIdenticalIDs: ignoreIdenticalIDs
            ).evaluate(runPath: files[1], format: try format(runFormat, RunFormat.init(name:), "--run-format"))
            report(evaluation, qrels: qrels, runSource: files[1], into: &out)
        } catch let failed as CommandFailed {
            return failed.output
        } catch let error as InputError {
            out.error(error.description, exitCode: error.exitCode)
        } catch {
            out.error("\(error)", exitCode: 2)
        }
        return out
    }

    private func report(_ evaluation: Evaluation, qrels: Qrels, runSource: String, into out: inout CommandOutput) {
        if let machine = EvaluationWriter.Format(rawValue: outputFormat) {
            if reportFailure(evaluation, qrels: qrels, runSource: runSource, into: &out) { return }
            warnSkipped(evaluation, into: &out)
            EvaluationWriter.write(evaluation, format: machine, perTopic: perQuery, summary: !noSummary, into: &out.stdout)
            return
        }
        if evaluation.failure != nil {
            // trec_eval prints the topics before the failing one, then stops.
            if perQuery { out.stdout += TrecEvalText.topicLines(evaluation) }
            _ = reportFailure(evaluation, qrels: qrels, runSource: runSource, into: &out)
            return
        }
        warnSkipped(evaluation, into: &out)
        out.stdout += TrecEvalText.write(evaluation, perTopic: perQuery, summary: !noSummary)
    }

    /// Reports a duplicate document (exit 4); true when there was one.
    private func reportFailure(_ evaluation: Evaluation, qrels: Qrels, runSource: String,
                               into out: inout CommandOutput) -> Bool {
        if let failure = evaluation.failure {
            switch failure {
            case .duplicateInRun(let dup):
                out.error("\(runSource):\(dup.line): document '\(dup.docno)' appears twice for topic '\(dup.topic)' (also line \(dup.firstLine))", exitCode: 4)
            case .duplicateInQrels(let topic, let docno, let firstLine, let line):
                out.error("\(qrels.source):\(line): document '\(docno)' is judged twice for topic '\(topic)' (also line \(firstLine))", exitCode: 4)
            }
            return true
        }
        return false
    }

    private func warnSkipped(_ evaluation: Evaluation, into out: inout CommandOutput) {
        if !evaluation.skippedTopics.isEmpty {
            let shown = evaluation.skippedTopics.prefix(10).joined(separator: ", ")
            let more = evaluation.skippedTopics.count > 10 ? ", ..." : ""
            let n = evaluation.skippedTopics.count
            out.warning("\(n) qrels topic\(n == 1 ? " has" : "s have") no results in the run and \(n == 1 ? "was" : "were") left out of the averages (use -c to score \(n == 1 ? "it" : "them") as 0): \(shown)\(more)")
        }
    }

    private func fail(_ message: String, _ code: Int32) -> CommandFailed {
        var out = CommandOutput()
        out.error(message, exitCode: code)
        return CommandFailed(output: out)
    }

    private func format<F>(_ text: String?, _ parse: (String) -> F?, _ flag: String) throws -> F? {
        guard let text else { return nil }
        guard let value = parse(text) else { throw fail("unknown format '\(text)' for \(flag)", 1) }
        return value
    }

    private func integer(_ text: String?, flag: String) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else { throw fail("-\(flag) needs an integer, got '\(text)'", 1) }
        return value
    }

    private func settings() throws -> EvaluationOptions {
        guard files.count == 2 else {
            throw fail("expected 2 files (qrels, then run), got \(files.count)\n\(Self.usage)", 1)
        }
        if let format = relevanceFormat, format != "qrels" {
            let known = ["qrels_prefs", "prefs", "qrels_jg"].contains(format)
            throw fail(known ? "-R \(format) is not supported yet" : "unknown relevance format '\(format)' for -R", 2)
        }
        if let format = resultsFormat, format != "trec_results" {
            throw fail("unknown results format '\(format)' for -T (only trec_results)", 2)
        }
        if zscoreFile != nil { throw fail("-Z (z-scores) is not supported yet", 2) }
        if outputFormat != "trec" && EvaluationWriter.Format(rawValue: outputFormat) == nil {
            throw fail("unknown output format '\(outputFormat)' for --format (trec, json, jsonl, csv, tsv)", 1)
        }
        if debugLevel != nil { throw fail("-D (trec_eval's debug output) is not supported", 2) }
        let level = try integer(relevanceLevel, flag: "l") ?? 1
        let ranking = RankingOptions(maxRetrieved: try integer(maxRetrieved, flag: "M").map { max($0, 0) },
                                     judgedOnly: judgedOnly, relevanceLevel: level)
        return EvaluationOptions(ranking: ranking, completeTopics: completeTopics,
                                 documentsInCollection: try integer(documentsInCollection, flag: "N") ?? 0)
    }

    private func selectMeasures() throws -> [any Measure] {
        do {
            return try MeasureSelection.select(measures.isEmpty ? ["official"] : measures)
        } catch {
            switch error {
            case .unknownMeasure(let name):
                throw fail("unknown measure '\(name)'; see 'reval eval --help' for the list", 1)
            case .emptyParameters(let name):
                throw fail("measure '\(name).' has an empty parameter list", 1)
            case .invalidParameters:
                throw fail(error.description, 2)
            }
        }
    }
}

let revalVersion = "0.1.0"
