/// Evaluates a run against qrels with several judgment groups per topic, with trec_eval's
/// semantics (`-R qrels_jg`): each topic's ranking is judged by each group as by ordinary
/// qrels (-l, -J and -M apply), and the measures average over the groups.
///
/// ```swift
/// let measures = try MeasureSelection.select(["qrels_jg"], format: .qrelsJudgmentGroups)
/// let evaluation = JudgmentGroupEvaluator.evaluate(run: run, qrels: qrels, measures: measures)
/// ```
///
/// Topics, missing topics and runid/num_q are handled as by `PreferenceEvaluator`.
public enum JudgmentGroupEvaluator {
    public static func evaluate(run: Run, qrels: JudgmentGroupQrels, measures: [any ReportedMeasure],
                                options: EvaluationOptions = EvaluationOptions(), threads: Int = 1) -> Evaluation {
        let usesGroups = measures.contains { $0 is any JudgmentGroupMeasure }
        var present: [(topic: JudgmentGroupTopic, run: TopicRun, missing: Bool)] = []
        var skipped: [String] = []
        for id in qrels.sortedTopicIDs {
            guard let groups = qrels[id] else { continue }
            if let topicRun = run[id] {
                present.append((groups, topicRun, false))
            } else if options.completeTopics {
                var placeholder = TopicRun(topic: id)
                placeholder.append(docno: PreferenceEvaluator.placeholderDocno, score: 1)
                present.append((groups, placeholder, true))
            } else {
                skipped.append(id)
            }
        }
        let outcomes = parallelMap(present.count, threads: threads) { k -> Result<TopicEvaluation, EvaluationFailure> in
            let item = present[k]
            return Result { () throws(EvaluationFailure) -> TopicEvaluation in
                var rankings: [JudgedRanking] = []
                // As in trec_eval, the groups judge the ranking only for a measure that
                // needs them: runid and num_q alone check nothing.
                for group in item.topic.groups where usesGroups {
                    do throws(DuplicateDocument) {
                        rankings.append(try item.run.judged(by: group.judgments, options: options.ranking))
                    } catch {
                        throw .duplicateInRun(error)
                    }
                }
                let values = measures.map { measure -> [Double] in
                    if let averaged = measure as? any JudgmentGroupMeasure { return averaged.evaluate(rankings, options.context) }
                    return judgmentFreeValues(measure)
                }
                return TopicEvaluation(topic: item.topic.topic, values: values, texts: measures.map { _ in nil },
                                       missingFromRun: item.missing)
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
        let n = options.completeTopics ? qrels.topics.count : result.topics.count
        result.summary = Evaluator.summarize(result.topics, measures, topicCount: n)
        return result
    }
}
