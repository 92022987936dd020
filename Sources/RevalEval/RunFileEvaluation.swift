import RevalCore
import RevalFormats

/// Evaluates one run file against qrels, choosing how to read it.
///
/// A TREC run grouped by topic (every topic's lines together, the usual case) is
/// evaluated as it streams in: the thread that parses a piece of a batch judges and scores
/// the topics that lie wholly inside it, the topics cut by piece boundaries are joined and
/// scored once their lines end, and each topic is dropped once scored, so memory holds one
/// batch of the file, not the whole run (`RunFileEvaluation+Streaming.swift`).
///
/// A run whose topics are interleaved in its first batch is grouped by topic through a
/// temporary file (`TopicRunSpill`), read once and never held whole. When a topic's lines turn up again only after topics
/// have been dropped, the run is read again whole: a file from the file, standard input or
/// a pipe (`canReadTwice`) from the temporary spool it streamed through (`SpooledInput`). BEIR results stream too
/// (each batch holds whole queries); MS MARCO runs are read whole.
struct RunFileEvaluation {
    var qrels: Qrels
    var measures: [any Measure]
    var settings: EvaluationSettings
    /// The size of the batches a TREC run is read in (tests make it small).
    var batchBytes = 16 << 20
    /// What a `TopicRunSpill` keeps in memory before it writes (tests make it small).
    var spillBudget = 2 << 20

    /// Throws when the file cannot be read, or when none of its topics is a qrels topic
    /// (`TopicOverlap`).
    func evaluate(_ run: RunInput) throws(InputError) -> Evaluation {
        let input = try PeekedInput(run.path)
        let chosen = settings.runFormat ?? FormatDetection.runFormat(input)
        if chosen == .beir { return try evaluateBEIR(input.source, run: run) }
        guard chosen == .trec else {
            return try evaluate(try RunLoader.read(input, format: chosen, threads: settings.threads), run: run)
        }
        return try evaluateTrec(input.source, run: run, canReopen: canReadTwice(run.path))
    }

    /// Evaluates a TREC run read from `source`. Unless `canReopen` (a file), the bytes read
    /// are spooled so that they can be read again (`SpooledInput`).
    func evaluateTrec(_ source: any ByteSource, run: RunInput, canReopen: Bool) throws(InputError) -> Evaluation {
        let spool = canReopen ? nil : try SpooledInput(source, name: run.path)
        switch try stream(source: spool ?? source, run: run) {
        case .evaluated(let evaluation):
            return evaluation
        case .readAgain:
            guard let spool else {
                return try evaluate(try TrecRunReader.read(path: run.path, threads: settings.threads), run: run)
            }
            try spool.drain()
            return try evaluate(try TrecRunReader.read(path: run.path, source: try spool.replay(), threads: settings.threads), run: run)
        }
    }

    func evaluate(_ whole: Run, run: RunInput) throws(InputError) -> Evaluation {
        try TopicOverlap.check(runTopics: whole.topics.map(\.topic), run: run.path, qrels: qrels)
        return EvaluationPipeline.evaluate(run: whole, qrels: qrels, measures: measures, settings: settings)
    }
}
