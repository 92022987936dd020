/// Evaluates a run against preference judgments with trec_eval's semantics (`-R prefs`,
/// `-R qrels_prefs`).
///
/// ```swift
/// let measures = try MeasureSelection.select(["all_prefs"], format: .prefs)
/// let evaluation = PreferenceEvaluator.evaluate(run: run, preferences: prefs, measures: measures)
/// ```
///
/// Topics come in the preferences' order (ids by bytes); a topic of the run without
/// preferences is ignored, and one of the preferences without results is left out (listed
/// in `skippedTopics`) or, with -c, scored against trec_eval's one-document placeholder
/// run. Only -M of the ranking options applies; -l and -J do not, as in trec_eval.
/// Besides preference measures, `measures` may hold runid and num_q: num_q counts 1 per
/// topic and runid prints the run tag; neither reads the judgments.
public enum PreferenceEvaluator {
    public static func evaluate(run: Run, preferences: PreferenceJudgments, measures: [any ReportedMeasure],
                                options: EvaluationOptions = EvaluationOptions(), threads: Int = 1) -> Evaluation {
        let usesPreferences = measures.contains { $0 is any PreferenceMeasure }
        let pairCounts = measures.contains { ($0 as? any PreferenceMeasure)?.needsPairCounts == true }
        var present: [(topic: PreferenceTopic, run: TopicRun, missing: Bool)] = []
        var skipped: [String] = []
        for id in preferences.sortedTopicIDs {
            guard let judgments = preferences[id] else { continue }
            if let topicRun = run[id] {
                present.append((judgments, topicRun, false))
            } else if options.completeTopics {
                var placeholder = TopicRun(topic: id)
                placeholder.append(docno: placeholderDocno, score: 1)
                present.append((judgments, placeholder, true))
            } else {
                skipped.append(id)
            }
        }
        let outcomes = parallelMap(present.count, threads: threads) { k -> Result<TopicEvaluation, EvaluationFailure> in
            let item = present[k]
            return Result { () throws(EvaluationFailure) -> TopicEvaluation in
                // As in trec_eval, the preferences are set against the ranking only for a
                // preference measure: runid and num_q alone check nothing.
                let counts = usesPreferences
                    ? try PreferenceCounts.form(item.run, item.topic, maxRetrieved: options.ranking.maxRetrieved,
                                                withPairCounts: pairCounts)
                    : nil
                return TopicEvaluation(topic: item.topic.topic, values: values(measures, counts),
                                       texts: measures.map { _ in nil }, missingFromRun: item.missing)
            }
        }
        var result = Evaluation(measures: measures, topics: [], summary: [], runTag: run.tag,
                                skippedTopics: skipped, failure: nil)
        result.warnings = run.warnings
        for outcome in outcomes {
            switch outcome {
            case .success(let topic): result.topics.append(topic)
            case .failure(let failure): result.failure = failure
            }
            if result.failure != nil { break }
        }
        let n = options.completeTopics ? preferences.topics.count : result.topics.count
        result.summary = Evaluator.summarize(result.topics, measures, topicCount: n)
        return result
    }

    /// The docno of trec_eval's stand-in run for a topic missing from the run under -c.
    static let placeholderDocno = "ceci_nest_pas_un_docno"

    static func values(_ measures: [any ReportedMeasure], _ counts: PreferenceCounts?) -> [[Double]] {
        measures.map { measure in
            if let preference = measure as? any PreferenceMeasure, let counts { return preference.evaluate(counts) }
            return judgmentFreeValues(measure)
        }
    }
}

/// The per-topic values of runid and num_q, which read no judgments: 1 for num_q (the
/// summary counts topics), 0 otherwise.
func judgmentFreeValues(_ measure: any ReportedMeasure) -> [Double] {
    measure.valueNames.map { _ in measure.style.summary == .topicCount ? 1 : 0 }
}
