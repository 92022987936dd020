#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Options of one evaluation, trec_eval's flags in typed form.
public struct EvaluationOptions: Sendable {
    /// How each topic's documents are ranked and judged (-M, -J, -l).
    public var ranking: RankingOptions
    /// Average over every qrels topic; topics missing from the run score 0 (-c).
    public var completeTopics: Bool
    /// What every measure may read (-l, -N).
    public var context: EvalContext

    /// Options from trec_eval's flags; `documentsInCollection` is -N.
    public init(ranking: RankingOptions = RankingOptions(), completeTopics: Bool = false,
                documentsInCollection: Int = 0) {
        self.ranking = ranking
        self.completeTopics = completeTopics
        self.context = EvalContext(relevanceLevel: ranking.relevanceLevel,
                                   documentsInCollection: documentsInCollection)
    }
}

/// The values of every selected measure for one topic.
public struct TopicEvaluation: Sendable {
    /// The topic id.
    public var topic: String
    /// values[m][k]: value k of measure m.
    public var values: [[Double]]
    /// Text values (relstring), per measure.
    public var texts: [String?]
    /// True when the topic has no line in the run and was scored as empty (-c).
    public var missingFromRun: Bool
}

/// What evaluating one topic of a run gave.
public enum TopicOutcome: Sendable {
    case evaluated(TopicEvaluation)
    case failed(EvaluationFailure)
    /// The topic has no judgments; trec_eval ignores such topics.
    case notInQrels
}

/// Why an evaluation stopped part way.
public enum EvaluationFailure: Error, Sendable, Equatable {
    /// A document appears twice in one topic of the run.
    case duplicateInRun(DuplicateDocument)
    /// A document is judged twice for one topic of the qrels.
    case duplicateInQrels(topic: String, docno: String, firstLine: Int, line: Int)
    /// A topic's preference judgments cannot all hold (-R prefs, qrels_prefs).
    case inconsistentPreferences(PreferenceError)
}

/// The result of evaluating a run: per-topic values in trec_eval's topic order and the
/// summary over topics.
public struct Evaluation: Sendable {
    /// The measures evaluated, in print order.
    public var measures: [any ReportedMeasure]
    /// Per-topic values, in trec_eval's order (topic ids by bytes).
    public var topics: [TopicEvaluation]
    /// Summary value per measure and value index (nil where a measure has no summary).
    public var summary: [[Double]]
    /// The run's tag (the last field of its first line), printed as `runid`.
    public var runTag: String
    /// Qrels topics with no results in the run, left out (without -c).
    public var skippedTopics: [String]
    /// Set when evaluation stopped; `topics` then holds the topics before the failing one.
    public var failure: EvaluationFailure?
    /// True when the values are z-scores (-Z, `Evaluation.standardized(by:completeTopics:)`):
    /// trec_eval then prints every number as `Z<name>` with `%6.4f`.
    public var standardized = false
    /// The run reader's warnings (`Run.warnings`), as `FILE:LINE: message`.
    public var warnings: [String] = []
}

/// Smallest value the geometric means take per topic, as trec_eval's MIN_GEO_MEAN.
public let minimumGeometricMeanValue = 0.00001

/// Evaluates runs against qrels with trec_eval's semantics.
///
/// ```swift
/// let measures = try MeasureCatalog.select(["official"])
/// let result = Evaluator.evaluate(run: run, qrels: qrels, measures: measures)
/// ```
public enum Evaluator {
    /// Evaluates a whole run held in memory, over `threads` threads.
    public static func evaluate(run: Run, qrels: Qrels, measures: [any Measure],
                                options: EvaluationOptions = EvaluationOptions(),
                                threads: Int = 1) -> Evaluation {
        let outcomes = evaluateTopics(run.topics, qrels: qrels, measures: measures, options: options, threads: threads)
        var byTopic: [String: TopicOutcome] = [:]
        for (topic, outcome) in zip(run.topics, outcomes) { byTopic[topic.topic] = outcome }
        var evaluation = assemble(byTopic, qrels: qrels, measures: measures, options: options, runTag: run.tag)
        evaluation.warnings = run.warnings
        return evaluation
    }

    /// Evaluates topics independently, in parallel; results are in the order given.
    public static func evaluateTopics(_ topics: [TopicRun], qrels: Qrels, measures: [any Measure],
                                      options: EvaluationOptions, threads: Int) -> [TopicOutcome] {
        parallelMap(topics.count, threads: threads) { k in
            evaluate(topics[k], qrels: qrels, measures: measures, options: options)
        }
    }

    /// Evaluates one topic of a run.
    public static func evaluate(_ topicRun: TopicRun, qrels: Qrels, measures: [any Measure],
                                options: EvaluationOptions) -> TopicOutcome {
        guard let judgments = qrels[topicRun.topic] else { return .notInQrels }
        if let dup = judgments.duplicate {
            return .failed(.duplicateInQrels(topic: topicRun.topic, docno: dup.docno,
                                             firstLine: dup.firstLine, line: dup.line))
        }
        do {
            let ranking = try topicRun.judged(by: judgments, options: options.ranking)
            return .evaluated(TopicEvaluation(
                topic: topicRun.topic,
                values: measures.map { $0.evaluate(ranking, options.context) },
                texts: measures.map { $0.text(ranking, options.context) },
                missingFromRun: false))
        } catch {
            return .failed(.duplicateInRun(error))
        }
    }

    /// Puts per-topic outcomes in trec_eval's order (qrels topics by bytes), scores qrels
    /// topics missing from the run (-c) or lists them as skipped, stops at the first
    /// failure in that order, and computes the summary.
    public static func assemble(_ outcomes: [String: TopicOutcome], qrels: Qrels, measures: [any Measure],
                                options: EvaluationOptions, runTag: String) -> Evaluation {
        var result = Evaluation(measures: measures, topics: [], summary: [], runTag: runTag,
                                skippedTopics: [], failure: nil)
        for topicID in qrels.sortedTopicIDs {
            let judgments = qrels[topicID]!
            switch outcomes[topicID] {
            case .evaluated(let evaluation)?:
                result.topics.append(evaluation)
            case .failed(let failure)?:
                result.failure = failure
            case .notInQrels?, nil:
                if !options.completeTopics {
                    result.skippedTopics.append(topicID)
                } else if let dup = judgments.duplicate {
                    result.failure = .duplicateInQrels(topic: topicID, docno: dup.docno,
                                                       firstLine: dup.firstLine, line: dup.line)
                } else {
                    result.topics.append(missingTopic(topicID, judgments, measures, options))
                }
            }
            if result.failure != nil { break }
        }
        result.summary = summarize(result.topics, measures, qrels, options)
        return result
    }

    /// trec_eval 10.0 scores a qrels topic absent from the run (under -c) against a run
    /// of one document that is in no qrels, then sets num_ret, utility, relstring, unj
    /// and rbp_resid back to zero. Most measures are then 0; num_rel, yaap and ideal_dcg
    /// are not.
    static func missingTopic(_ topic: String, _ judgments: QrelsTopic, _ measures: [any Measure],
                             _ options: EvaluationOptions) -> TopicEvaluation {
        let keepsPlaceholder = !options.ranking.judgedOnly && (options.ranking.maxRetrieved ?? 1) > 0
        let rels = keepsPlaceholder ? [nonpoolRelevance] : []
        let level = options.ranking.relevanceLevel
        let ranking = JudgedRanking(
            rels: rels, numRelRet: 0, numRel: judgments.relevantCount(atLevel: level),
            numNonpool: rels.count, numUnjudgedInPool: 0,
            levelCounts: judgments.levelCounts(), relevanceLevel: level)
        let values = measures.map { m -> [Double] in
            m.zeroForMissingTopic ? m.valueNames.map { _ in 0 } : m.evaluate(ranking, options.context)
        }
        let texts = measures.map { $0.style.format == .quotedText ? "" : nil }
        return TopicEvaluation(topic: topic, values: values, texts: texts, missingFromRun: true)
    }

    static func summarize(_ topics: [TopicEvaluation], _ measures: [any Measure], _ qrels: Qrels,
                          _ options: EvaluationOptions) -> [[Double]] {
        let n = options.completeTopics ? qrels.topics.count : topics.count
        return summarize(topics, measures, topicCount: n) { measure in
            guard measure.name == "num_rel" && measure is TrecMeasure && options.completeTopics else { return nil }
            // trec_eval counts grades >= 1 over all qrels topics here, whatever -l says.
            return Double(qrels.topics.reduce(0) { $0 + $1.relevantCount(atLevel: 1) })
        }
    }

    /// The summary of each measure over `topics`, averaged over `n` topics (trec_eval's
    /// denominator: with -c the number of judged topics); `fixedSum` gives a summed
    /// measure's value when it does not come from the topics (num_rel under -c).
    static func summarize(_ topics: [TopicEvaluation], _ measures: [any ReportedMeasure], topicCount n: Int,
                          fixedSum: (any ReportedMeasure) -> Double? = { _ in nil }) -> [[Double]] {
        measures.enumerated().map { m, measure in
            (0..<measure.valueNames.count).map { k in
                switch measure.style.summary {
                case .none:
                    return 0
                case .topicCount:
                    return Double(n)
                case .sum:
                    if let fixed = fixedSum(measure) { return fixed }
                    var sum = 0.0
                    for t in topics { sum += t.values[m][k] }
                    return sum
                case .mean:
                    var sum = 0.0
                    for t in topics { sum += t.values[m][k] }
                    return n > 0 ? sum / Double(n) : sum
                case .geometricMean:
                    var sum = 0.0
                    for t in topics {
                        let v = t.values[m][k]
                        sum += log(v > minimumGeometricMeanValue ? v : minimumGeometricMeanValue)
                    }
                    sum += Double(n - topics.count) * log(minimumGeometricMeanValue)
                    return n > 0 ? exp(sum / Double(n)) : sum
                }
            }
        }
    }
}
