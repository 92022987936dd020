import RevalCore
import RevalFormats

/// Evaluation as a library: qrels, runs in any format reval reads, measure names and
/// settings in; trec_eval's per-topic values and summary out. Every reval command that
/// scores runs goes through here.
///
/// ```swift
/// var settings = EvaluationSettings()
/// settings.completeTopics = true
/// let qrels = try EvaluationPipeline.loadQrels("qrels.txt", settings: settings)
/// let measures = try EvaluationPipeline.measures(["ndcg_cut.10", "map"], settings: settings)
/// let evaluation = try EvaluationPipeline.evaluate(RunInput(path: "bm25.txt"), qrels: qrels,
///                                                  measures: measures, settings: settings)
/// evaluation.summary   // one row per measure, as trec_eval's "all" lines
/// ```
public enum EvaluationPipeline {
    /// Reads qrels in any format reval reads; a folder is a BEIR dataset.
    public static func loadQrels(_ path: String, settings: EvaluationSettings) throws(InputError) -> Qrels {
        try QrelsLoader.read(path: path, format: settings.qrelsFormat, split: settings.split, threads: settings.threads)
    }

    /// The measures for trec_eval or ir_measures names; no names select trec_eval's
    /// default set (`official`). `settings.relevanceLevel` (-l) is the `rel` of ir_measures
    /// names that do not set one (`AP` under -l 2 is `AP(rel=2)`).
    public static func measures(_ names: [String], settings: EvaluationSettings) throws(EvaluationError) -> [any Measure] {
        do {
            return try MeasureSelection.select(names.isEmpty ? ["official"] : names, relevanceLevel: settings.relevanceLevel)
        } catch {
            throw EvaluationError(error, arguments: names)
        }
    }

    /// Evaluates one run file. A run grouped by topic streams (memory holds one batch);
    /// one whose topics come back later is read again whole; stdin and the other formats
    /// are read whole.
    ///
    /// A duplicate document does not throw: `Evaluation.failure` says where it is and
    /// `topics` holds the topics before it, so that `reval eval` can print what trec_eval
    /// prints. Callers that need complete results use `checked(_:)`.
    public static func evaluate(_ run: RunInput, qrels: Qrels, measures: [any Measure],
                                settings: EvaluationSettings) throws(EvaluationError) -> Evaluation {
        do {
            return try RunFileEvaluation(qrels: qrels, measures: measures, settings: settings).evaluate(run)
        } catch {
            throw EvaluationError(error)
        }
    }

    /// `run` opened for `evaluate(_:qrels:measures:settings:)` with the same settings, its
    /// reading begun (`OpenedRun`): opened before the qrels are read, the run's first batches
    /// are read, and decompressed, while they are. Errors opening it come when it is evaluated.
    ///
    /// ```swift
    /// let opened = EvaluationPipeline.open(RunInput(path: "bm25.txt.zst"), settings: settings)
    /// let qrels = try EvaluationPipeline.loadQrels("qrels.txt", settings: settings)
    /// let evaluation = try EvaluationPipeline.evaluate(opened, qrels: qrels, measures: measures, settings: settings)
    /// ```
    public static func open(_ run: RunInput, settings: EvaluationSettings) -> OpenedRun {
        OpenedRun(run, settings: settings, batchBytes: RunFileEvaluation.defaultBatchBytes)
    }

    /// Evaluates a run opened by `open(_:settings:)`, as `evaluate(_:qrels:measures:settings:)` does.
    public static func evaluate(_ opened: OpenedRun, qrels: Qrels, measures: [any Measure],
                                settings: EvaluationSettings) throws(EvaluationError) -> Evaluation {
        do {
            return try RunFileEvaluation(qrels: qrels, measures: measures, settings: settings).evaluate(opened)
        } catch {
            throw EvaluationError(error)
        }
    }

    /// Evaluates several run files, in parallel, in the order given.
    public static func evaluate(_ runs: [RunInput], qrels: Qrels, measures: [any Measure],
                                settings: EvaluationSettings) throws(EvaluationError) -> [Evaluation] {
        let workers = max(1, min(settings.threads, runs.count))
        var perRun = settings
        perRun.threads = max(1, settings.threads / workers)
        let results = parallelMap(runs.count, threads: workers) { k -> Result<Evaluation, EvaluationError> in
            Result { () throws(EvaluationError) -> Evaluation in
                try evaluate(runs[k], qrels: qrels, measures: measures, settings: perRun)
            }
        }
        return try results.map { result throws(EvaluationError) -> Evaluation in try result.get() }
    }

    /// Evaluates a run already in memory (a fused run, say).
    public static func evaluate(run: Run, qrels: Qrels, measures: [any Measure],
                                settings: EvaluationSettings) -> Evaluation {
        let cleaned = settings.ignoreIdenticalIDs ? run.removingTopicDocuments() : run
        return Evaluator.evaluate(run: cleaned, qrels: qrels, measures: measures,
                                  options: settings.options, threads: settings.threads)
    }

    /// `evaluation`, or the error for the duplicate document it stopped at.
    public static func checked(_ evaluation: Evaluation, run: RunInput, qrels: Qrels) throws(EvaluationError) -> Evaluation {
        if let failure = evaluation.failure {
            throw EvaluationError(failure, runPath: run.path, qrelsPath: qrels.source)
        }
        return evaluation
    }
}

extension Run {
    /// The run without documents whose id equals their topic's id.
    func removingTopicDocuments() -> Run {
        var cleaned = Run(source: source)
        cleaned.tag = tag
        for topic in topics { cleaned.append(block: topic.removingTopicDocuments()) }
        return cleaned
    }
}
