#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Options of one evaluation, trec_eval's flags in typed form.
public struct EvaluationOptions: Sendable {
    public var ranking: RankingOptions
    /// Average over every qrels topic; topics missing from the run score 0 (-c).
    public var completeTopics: Bool
    public var context: EvalContext

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
    public var topic: String
    /// values[m][k]: value k of measure m.
    public var values: [[Double]]
    /// Text values (relstring), per measure.
    public var texts: [String?]
    /// True when the topic has no line in the run and was scored as empty (-c).
    public var missingFromRun: Bool
}

/// Why an evaluation stopped part way.
public enum EvaluationFailure: Error, Sendable, Equatable {
    /// A document appears twice in one topic of the run.
    case duplicateInRun(DuplicateDocument)
    /// A document is judged twice for one topic of the qrels.
    case duplicateInQrels(topic: String, docno: String, firstLine: Int, line: Int)
}

/// The result of evaluating a run: per-topic values in trec_eval's topic order and the
/// summary over topics.
public struct Evaluation: Sendable {
    public var measures: [TrecMeasure]
    public var topics: [TopicEvaluation]
    /// Summary value per measure and value index (nil where a measure has no summary).
    public var summary: [[Double]]
    public var runTag: String
    /// Qrels topics with no results in the run, left out (without -c).
    public var skippedTopics: [String]
    /// Set when evaluation stopped; `topics` then holds the topics before the failing one.
    public var failure: EvaluationFailure?
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
    public static func evaluate(run: Run, qrels: Qrels, measures: [TrecMeasure],
                                options: EvaluationOptions = EvaluationOptions()) -> Evaluation {
        var result = Evaluation(measures: measures, topics: [], summary: [], runTag: run.tag,
                                skippedTopics: [], failure: nil)
        for topicID in qrels.sortedTopicIDs {
            let judgments = qrels[topicID]!
            let topicRun = run[topicID]
            if topicRun == nil && !options.completeTopics {
                result.skippedTopics.append(topicID)
                continue
            }
            if let dup = judgments.duplicate {
                result.failure = .duplicateInQrels(topic: topicID, docno: dup.docno,
                                                   firstLine: dup.firstLine, line: dup.line)
                break
            }
            guard let topicRun else {
                result.topics.append(missingTopic(topicID, judgments, measures, options))
                continue
            }
            do {
                let ranking = try topicRun.judged(by: judgments, options: options.ranking)
                result.topics.append(TopicEvaluation(
                    topic: topicID,
                    values: measures.map { $0.evaluate(ranking, options.context) },
                    texts: measures.map { $0.text(ranking, options.context) },
                    missingFromRun: false))
            } catch {
                result.failure = .duplicateInRun(error)
                break
            }
        }
        result.summary = summarize(result.topics, measures, qrels, options)
        return result
    }

    /// trec_eval 10.0 scores a qrels topic absent from the run (under -c) as all zeros,
    /// except num_rel.
    static func missingTopic(_ topic: String, _ judgments: QrelsTopic, _ measures: [TrecMeasure],
                             _ options: EvaluationOptions) -> TopicEvaluation {
        let values = measures.map { m -> [Double] in
            if m.name == "num_rel" { return [Double(judgments.relevantCount(atLevel: options.ranking.relevanceLevel))] }
            return m.valueNames.map { _ in 0 }
        }
        let texts = measures.map { $0.style.format == .quotedText ? "" : nil }
        return TopicEvaluation(topic: topic, values: values, texts: texts, missingFromRun: true)
    }

    static func summarize(_ topics: [TopicEvaluation], _ measures: [TrecMeasure], _ qrels: Qrels,
                          _ options: EvaluationOptions) -> [[Double]] {
        let n = options.completeTopics ? qrels.topics.count : topics.count
        return measures.enumerated().map { m, measure in
            (0..<measure.valueNames.count).map { k in
                switch measure.style.summary {
                case .none:
                    return 0
                case .topicCount:
                    return Double(n)
                case .sum:
                    if measure.name == "num_rel" && options.completeTopics {
                        // trec_eval counts grades >= 1 over all qrels topics here, whatever -l says.
                        return Double(qrels.topics.reduce(0) { $0 + $1.relevantCount(atLevel: 1) })
                    }
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
                        let v = t.missingFromRun ? 0 : t.values[m][k]
                        sum += log(v > minimumGeometricMeanValue ? v : minimumGeometricMeanValue)
                    }
                    sum += Double(n - topics.count) * log(minimumGeometricMeanValue)
                    return n > 0 ? exp(sum / Double(n)) : sum
                }
            }
        }
    }
}
