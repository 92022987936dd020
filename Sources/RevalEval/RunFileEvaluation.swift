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
/// temporary file (`TopicRunSpill`), read once and never held whole. When a topic's lines
/// turn up again only after topics have been dropped, the run is read again whole: a file
/// from the file, standard input or a pipe (`canReadTwice`) from the temporary spool it
/// streamed through (`SpooledInput`). BEIR results stream too (each batch holds whole
/// queries); MS MARCO runs are read whole.
struct RunFileEvaluation {
    var qrels: Qrels
    var measures: [any Measure]
    var settings: EvaluationSettings
    /// The size of the batches a TREC run is read in (tests make it small).
    var batchBytes = RunFileEvaluation.defaultBatchBytes
    static let defaultBatchBytes = 16 << 20
    /// What a `TopicRunSpill` keeps in memory before it writes (tests make it small).
    var spillBudget = 2 << 20

    /// Throws when the file cannot be read, or when none of its topics is a qrels topic
    /// (`TopicOverlap`).
    func evaluate(_ run: RunInput) throws(InputError) -> Evaluation {
        try evaluate(open(run))
    }

    /// `run` opened, its reading begun (`OpenedRun`).
    private func open(_ run: RunInput) -> OpenedRun {
        OpenedRun(run, settings: settings, batchBytes: batchBytes)
    }

    func evaluate(_ opened: OpenedRun) throws(InputError) -> Evaluation {
        let run = opened.run
        switch try opened.parts.get() {
        case .other(let input, .beir):
            return try evaluateBEIR(input.source, run: run)
        case .other(let input, let format):
            return try evaluate(try RunLoader.read(input, format: format, threads: settings.threads), run: run)
        case .trec(let stream, let batches, let spool):
            return try evaluateTrec(stream, batches, spool: spool, run: run)
        }
    }

    /// Evaluates a TREC run read from `source`. Unless `canReopen` (a file), the bytes read
    /// are spooled so that they can be read again (`SpooledInput`).
    func evaluateTrec(_ source: any ByteSource, run: RunInput, canReopen: Bool) throws(InputError) -> Evaluation {
        try evaluate(OpenedRun(trec: source, run: run, canReopen: canReopen, settings: settings, batchBytes: batchBytes))
    }

    /// Streams a TREC run; reads it again whole when it has to, from the file or `spool`.
    private func evaluateTrec(_ stream: TrecRunStream, _ batches: TrecRunStream.Batches, spool: SpooledInput?,
                              run: RunInput) throws(InputError) -> Evaluation {
        switch try self.stream(stream, batches: batches, run: run) {
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
