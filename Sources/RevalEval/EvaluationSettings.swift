import RevalCore
import RevalFormats

/// trec_eval's -c, -l, -J, -M and -N, and reval's input and thread options, in one place:
/// every command that evaluates runs reads them from here, so a flag means the same
/// thing in `eval`, `compare`, `split`, `cost` and `leaderboard`.
///
/// ```swift
/// var settings = EvaluationSettings()
/// settings.relevanceLevel = 2      // -l 2
/// settings.completeTopics = true   // -c
/// ```
public struct EvaluationSettings: Sendable, Equatable {
    /// Lowest grade that counts as relevant (-l).
    public var relevanceLevel: Int = 1
    /// Average over every qrels topic; topics missing from a run score as trec_eval's -c
    /// scores them (0 for nearly every measure).
    public var completeTopics: Bool = false
    /// Drop unjudged documents, then rank again (-J).
    public var judgedOnly: Bool = false
    /// Keep the top N documents of each topic after ranking (-M); nil keeps all.
    public var maxRetrieved: Int? = nil
    /// Documents in the collection, read only by utility (-N).
    public var documentsInCollection: Int = 0
    /// Drop retrieved documents whose id equals the query id (BEIR's default).
    public var ignoreIdenticalIDs: Bool = false
    /// The qrels format; nil detects it from the content.
    public var qrelsFormat: QrelsFormat? = nil
    /// The run format; nil detects it from the content.
    public var runFormat: RunFormat? = nil
    /// The qrels split read from a BEIR dataset folder (`qrels/<split>.tsv`).
    public var split: String = "test"
    /// Threads to use; results are the same for any number.
    public var threads: Int = defaultThreadCount()

    public init() {}

    /// The same settings in RevalCore's form.
    public var options: EvaluationOptions {
        let ranking = RankingOptions(maxRetrieved: maxRetrieved.map { max($0, 0) },
                                     judgedOnly: judgedOnly, relevanceLevel: relevanceLevel)
        return EvaluationOptions(ranking: ranking, completeTopics: completeTopics,
                                 documentsInCollection: documentsInCollection)
    }
}
