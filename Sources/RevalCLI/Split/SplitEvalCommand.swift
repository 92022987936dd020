import ArgumentParser
import RevalCore
import RevalEval
import RevalFormats
import RevalSplits

/// `reval split eval`: every measure of every run per bucket and side, macro and pooled
/// averages, gaps, and the full-qrels value.
public struct SplitEvalCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate runs on the interpolate and extrapolate sides of each bucket.",
        discussion: """
            The split is a ReSTTest bucket folder (--buckets DIR, with DIR/bucket-K/\
            {interpolate,extrapolate}.*qrel*) or a split file (--split FILE: TSV \
            qid<TAB>label or qid<TAB>bucket<TAB>label, or the output of `reval split make`).

            Positional files: with --split, the full qrels and then the runs. With --buckets, \
            the full qrels may come first (told from a run by its content: 4 fields per line); \
            without it the full qrels is the union of the bucket files (ReSTTest's two sides \
            partition the judged topics). The bucket files must judge their topics as the full \
            qrels does.

            Each run is evaluated once over the full qrels with trec_eval's -c rule (a topic \
            the run lacks scores 0); a side's value is the mean over its topics, the number \
            trec_eval -c prints for qrels holding just that side. Per side: the macro average \
            over buckets (each bucket weighs the same, as ReSTTest reports) and the pooled \
            value (every bucket-topic pair once); gap = interpolate - extrapolate, relative \
            gap = gap / interpolate. Sides with fewer than 5 topics are warned about.

            Examples:
              reval split eval -m ndcg_cut.10 --buckets Qrels/dl19-passage/resttest \\
                  Qrels/dl19-passage/qrels.dl19-passage.txt bm25.txt
              reval split eval -m ndcg_cut.10 -m map --split split.tsv qrels.txt a.txt b.txt
              reval split eval -m ndcg_cut.10 --buckets resttest --bucket-filter trec20 \\
                  --bucket-run 1=model1.run ... --bucket-run 5=model5.run qrels.txt
            """
    )

    @OptionGroup var evaluation: EvaluationFlags

    @Option(name: .customLong("buckets"),
            help: ArgumentHelp("A ReSTTest bucket folder: DIR/bucket-K/{interpolate,extrapolate}.*qrel*.", valueName: "dir"))
    var bucketFolder: String?

    @Option(name: .customLong("bucket-filter"),
            help: ArgumentHelp("With --buckets: use the side files whose names contain this (trec19, trec20, dev).", valueName: "text"))
    var bucketFilter: String?

    @Option(name: .customLong(SplitEvalArguments.splitFileOption),
            help: ArgumentHelp("A split file: TSV qid<TAB>label or qid<TAB>bucket<TAB>label (with a header: reval split make's output).", valueName: "file"))
    var splitFile: String?

    @Option(name: .customLong("bucket-run"),
            help: ArgumentHelp("K=RUN: bucket K's run, from the model trained without bucket K (K: bucket name or number). Give one per bucket.", valueName: "K=run"))
    var bucketRuns: [String] = []

    @Option(name: .customLong("bucket-runs-name"),
            help: ArgumentHelp("The name the --bucket-run runs have together in the output.", valueName: "name"))
    var bucketRunsName = "per-bucket runs"

    @Option(name: .customLong("format"),
            help: ArgumentHelp("Output: text (the default), json, csv or markdown. JSON and CSV carry full precision.", valueName: "format"))
    var outputFormat = "text"

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Write the report to this file (written whole or not at all) instead of stdout.", valueName: "file"))
    var output = "-"

    @Argument(help: ArgumentHelp("[QRELS] RUN [RUN...]: the full qrels (required with --split), then the runs.", valueName: "file"))
    var files: [String] = []

    public init() {}

    public func run() throws {
        let code = execute().write()
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs the evaluation and returns what it prints.
    public func execute() -> CommandOutput {
        var out = CommandOutput()
        do {
            let report = try evaluate(into: &out)
            for warning in report.warnings { out.warning(warning) }
            guard let format = SplitReport.Format(rawValue: outputFormat) else {
                throw FlagError("unknown format '\(outputFormat)' for --format (text, json, csv, markdown)")
            }
            var text = ""
            SplitReport.write(report, format: format, into: &text)
            if output == "-" {
                out.stdout = text
            } else {
                try AtomicFile.write(text.rawBytes, to: output)
            }
        } catch let error as InputError {
            out.error(error.description, exitCode: 2)
        } catch let error as EvaluationError {
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

    private func evaluate(into out: inout CommandOutput) throws -> SplitEvaluation {
        guard SplitReport.Format(rawValue: outputFormat) != nil else {
            throw FlagError("unknown format '\(outputFormat)' for --format (text, json, csv, markdown)")
        }
        let settings = try evaluation.settings()
        let (split, qrels, runPaths) = try splitAndQrels(settings: settings)
        let bucketRunPaths = try bucketRunAssignments(split)
        guard !runPaths.isEmpty || !bucketRunPaths.isEmpty else {
            throw FlagError("no runs: give one or more run files (or --bucket-run K=RUN for every bucket)")
        }
        let inputs = SplitEvalArguments.runInputs(runPaths + split.buckets.compactMap { bucketRunPaths[$0.name] })
        let table = try ResultsTable.evaluate(qrels: qrels, runs: inputs, measures: evaluation.measureNames, settings: settings)
        for input in inputs {
            let missing = table.missingTopics(run: input.name)
            if !missing.isEmpty {
                out.warning("\(input.path): \(missing.count) of the \(table.topics.count) qrels topics have no results "
                                + "(first: '\(missing[0])'); they score 0 (trec_eval's -c rule)")
            }
        }
        let name = { (path: String) in inputs.first { $0.path == path }?.name ?? path }
        var entries = runPaths.map { SplitEvaluation.Entry.run(name($0)) }
        if !bucketRunPaths.isEmpty {
            entries.append(.perBucket(name: bucketRunsName, runs: bucketRunPaths.mapValues(name)))
        }
        return SplitEvaluation(split: split, table: table, entries: entries)
    }

    /// The split, the full qrels, and the run files among the positional arguments.
    private func splitAndQrels(settings: EvaluationSettings) throws -> (Split, Qrels, [String]) {
        switch (bucketFolder, splitFile) {
        case (nil, nil):
            throw FlagError("give the split: --buckets DIR (a ReSTTest folder) or --split FILE (a split file)")
        case (.some, .some):
            throw FlagError("give --buckets or --split, not both")
        case (nil, .some(let file)):
            if bucketFilter != nil { throw FlagError("--bucket-filter works with --buckets only") }
            guard let qrelsPath = files.first else {
                throw FlagError("--split needs the full qrels as the first file, then the runs")
            }
            let split = try SplitFileReader.read(path: file)
            return (split, try EvaluationPipeline.loadQrels(qrelsPath, settings: settings), Array(files.dropFirst()))
        case (.some(let folder), nil):
            let buckets = try BucketFolderReader.read(folder: folder, filter: bucketFilter)
            if let first = files.first, try SplitEvalArguments.looksLikeQrels(first, settings: settings) {
                let qrels = try EvaluationPipeline.loadQrels(first, settings: settings)
                try buckets.checkJudgments(against: qrels)
                return (buckets.split, qrels, Array(files.dropFirst()))
            }
            return (buckets.split, try buckets.unionQrels(), files)
        }
    }

    /// bucket name → run path, from the --bucket-run options; every bucket or none.
    private func bucketRunAssignments(_ split: Split) throws(FlagError) -> [String: String] {
        guard !bucketRuns.isEmpty else { return [:] }
        var assigned: [String: String] = [:]
        for option in bucketRuns {
            guard let equals = option.firstIndex(of: "="), equals != option.startIndex,
                  option.index(after: equals) != option.endIndex else {
                throw FlagError("--bucket-run '\(option)': expected K=RUN (a bucket name or number, '=', a run file)")
            }
            let key = String(option[..<equals]), path = String(option[option.index(after: equals)...])
            guard let bucket = split[bucket: key] ?? split[bucket: "bucket-" + key] else {
                throw FlagError("--bucket-run '\(option)': no bucket '\(key)' in \(split.source) "
                                    + "(buckets: \(split.buckets.map(\.name).joined(separator: ", ")))")
            }
            if assigned[bucket.name] != nil {
                throw FlagError("--bucket-run: bucket '\(bucket.name)' is given twice; expected one run per bucket")
            }
            assigned[bucket.name] = path
        }
        let missing = split.buckets.map(\.name).filter { assigned[$0] == nil }
        if !missing.isEmpty {
            throw FlagError("--bucket-run: no run for \(missing.joined(separator: ", ")); expected one run per bucket")
        }
        return assigned
    }
}
