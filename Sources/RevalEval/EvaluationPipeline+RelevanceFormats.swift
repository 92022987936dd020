import RevalCore
import RevalFormats

/// trec_eval's -R formats and -Z, as a library: the same steps as for qrels, with the
/// judgments read in the format given.
///
/// ```swift
/// let settings = EvaluationSettings()
/// let prefs = try EvaluationPipeline.loadJudgments("prefs.txt", format: .prefs, settings: settings)
/// let measures = try EvaluationPipeline.measures(["all_prefs"], format: .prefs, settings: settings)
/// var evaluation = try EvaluationPipeline.evaluate(RunInput(path: "run.txt"), judgments: prefs,
///                                                  measures: measures, settings: settings)
/// let table = try EvaluationPipeline.loadZScores("zscores.txt")
/// evaluation = evaluation.standardized(by: table, completeTopics: settings.completeTopics)
/// ```
extension EvaluationPipeline {
    /// Reads judgments in `format`; qrels are read as `loadQrels` reads them (any format
    /// reval reads), the other formats as trec_eval's text files (plain, gzip or zstd).
    public static func loadJudgments(_ path: String, format: RelevanceFormat,
                                     settings: EvaluationSettings) throws(InputError) -> RelevanceJudgments {
        switch format {
        case .qrels: return .qrels(try loadQrels(path, settings: settings))
        case .prefs: return .preferences(try PreferencesReader.read(path: path, format: .prefs))
        case .qrelsPrefs: return .preferences(try PreferencesReader.read(path: path, format: .qrelsPrefs))
        case .qrelsJudgmentGroups: return .judgmentGroups(try JudgmentGroupQrelsReader.read(path: path))
        }
    }

    /// The measures `names` select for `format` (no names: trec_eval's default, `official`,
    /// which only qrels can compute).
    public static func measures(_ names: [String], format: RelevanceFormat,
                                settings: EvaluationSettings) throws(EvaluationError) -> [any ReportedMeasure] {
        do {
            return try MeasureSelection.select(names.isEmpty ? ["official"] : names, format: format)
        } catch {
            throw EvaluationError(error)
        }
    }

    /// Evaluates one run file against judgments of any format. Runs against preferences
    /// or judgment groups are read whole. As with qrels, a duplicate document (or, with
    /// preferences, judgments that contradict each other) does not throw: see
    /// `Evaluation.failure`.
    public static func evaluate(_ run: RunInput, judgments: RelevanceJudgments, measures: [any ReportedMeasure],
                                settings: EvaluationSettings) throws(EvaluationError) -> Evaluation {
        switch judgments {
        case .qrels(let qrels):
            return try evaluate(run, qrels: qrels, measures: measures.compactMap { $0 as? any Measure }, settings: settings)
        case .preferences(let prefs):
            let whole = try read(run, settings: settings)
            return PreferenceEvaluator.evaluate(run: whole, preferences: prefs, measures: measures,
                                                options: settings.options, threads: settings.threads)
        case .judgmentGroups(let qrels):
            let whole = try read(run, settings: settings)
            return JudgmentGroupEvaluator.evaluate(run: whole, qrels: qrels, measures: measures,
                                                   options: settings.options, threads: settings.threads)
        }
    }

    /// Reads the reference means and standard deviations of -Z.
    public static func loadZScores(_ path: String) throws(EvaluationError) -> ZScoreTable {
        do {
            return try ZScoresReader.read(path: path)
        } catch {
            throw EvaluationError(error)
        }
    }

    private static func read(_ run: RunInput, settings: EvaluationSettings) throws(EvaluationError) -> Run {
        do {
            let whole = try RunLoader.read(path: run.path, format: settings.runFormat, threads: settings.threads)
            return settings.ignoreIdenticalIDs ? whole.removingTopicDocuments() : whole
        } catch {
            throw EvaluationError(error)
        }
    }
}
