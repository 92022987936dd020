import RevalCore
import RevalEval
import RevalFormats

/// `reval eval` with trec_eval's -R formats other than qrels (prefs, qrels_prefs, qrels_jg)
/// or with -Z: the judgments are read in the format given, the values standardized when
/// asked, and everything printed as for qrels.
extension EvalCommand {
    /// The -R format; nil for a name trec_eval does not know.
    var relevanceFormatChoice: RelevanceFormat? {
        relevanceFormat.map { RelevanceFormat(name: $0) } ?? .qrels
    }

    /// Whether this evaluation needs `executeWithRelevanceFormat`.
    var needsRelevanceFormatPath: Bool {
        relevanceFormatChoice != .qrels || zscoreFile != nil
    }

    /// Checks -R: an unknown format is trec_eval's "Illegal rel_format" (exit 2).
    func checkRelevanceFormat() throws {
        guard relevanceFormatChoice != nil else {
            var out = CommandOutput()
            out.error("unknown relevance format '\(relevanceFormat ?? "")' for -R; expected one of "
                          + RelevanceFormat.allCases.map(\.name).joined(separator: ", "), exitCode: 2)
            throw CommandFailed(output: out)
        }
    }

    /// Evaluates every run against judgments of the -R format, standardizes the values
    /// with the -Z file if given, and prints them.
    func executeWithRelevanceFormat(_ settings: EvaluationSettings, into out: inout CommandOutput) throws {
        let format = relevanceFormatChoice ?? .qrels
        // trec_eval rejects an unknown measure name before reading anything, but finds a
        // measure the format cannot compute only after reading the files.
        let selection = Result { () throws(EvaluationError) in
            try EvaluationPipeline.measures(evaluation.measureNames, format: format, settings: settings)
        }
        if case .failure(let error) = selection, error.exitCode != 4 { throw error }
        let judgments = try EvaluationPipeline.loadJudgments(files[0], format: format, settings: settings)
        let zscores = try zscoreFile.map { path throws(EvaluationError) in try EvaluationPipeline.loadZScores(path) }
        let measures = try selection.get()
        let runs = files.dropFirst().map { RunInput(path: $0) }
        let workers = max(1, min(settings.threads, runs.count))
        var perRun = settings
        perRun.threads = max(1, settings.threads / workers)
        let results = parallelMap(runs.count, threads: workers) { k in
            Result { () throws(EvaluationError) -> Evaluation in
                let raw = try EvaluationPipeline.evaluate(runs[k], judgments: judgments, measures: measures, settings: perRun)
                return zscores.map { raw.standardized(by: $0, completeTopics: settings.completeTopics) } ?? raw
            }
        }
        let qrels: Qrels
        if case .qrels(let graded) = judgments { qrels = graded } else { qrels = Qrels(source: judgments.source) }
        let reporter = EvalReporter(perQuery: perQuery, summary: !noSummary, outputFormat: outputFormat,
                                    qrels: qrels, severalRuns: runs.count > 1)
        reporter.report(results, runs: runs, into: &out)
    }
}
