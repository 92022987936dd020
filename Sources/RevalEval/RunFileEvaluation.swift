import RevalCore
import RevalFormats

/// Evaluates one run file against qrels, choosing how to read it.
///
/// A TREC run grouped by topic (every topic's lines together, the usual case) is
/// evaluated as it streams in: each topic is judged and scored once its lines end, on
/// all threads, and then dropped, so memory holds one batch of the file, not the whole
/// run. If a topic's lines turn up again later, the run is read again whole: a file from
/// the file, standard input from the temporary spool it streamed through
/// (`SpooledInput`). Other formats are read whole.
struct RunFileEvaluation {
    var qrels: Qrels
    var measures: [any Measure]
    var settings: EvaluationSettings

    /// Throws when the file cannot be read, or when none of its topics is a qrels topic
    /// (`TopicOverlap`).
    func evaluate(_ run: RunInput) throws(InputError) -> Evaluation {
        let input = try PeekedInput(run.path)
        let chosen = settings.runFormat ?? FormatDetection.runFormat(input)
        guard chosen == .trec else {
            return try evaluate(try RunLoader.read(input, format: chosen, threads: settings.threads), run: run)
        }
        if run.path == "-" {
            let spool = try SpooledInput(input.source, name: run.path)
            if let streamed = try streamGrouped(path: run.path, source: spool, run: run) { return streamed }
            try spool.drain()
            return try evaluate(try TrecRunReader.read(path: run.path, source: try spool.replay(), threads: settings.threads), run: run)
        }
        if let streamed = try streamGrouped(path: run.path, source: input.source, run: run) { return streamed }
        return try evaluate(try TrecRunReader.read(path: run.path, threads: settings.threads), run: run)
    }

    private func evaluate(_ whole: Run, run: RunInput) throws(InputError) -> Evaluation {
        try TopicOverlap.check(runTopics: whole.topics.map(\.topic), run: run.path, qrels: qrels)
        return EvaluationPipeline.evaluate(run: whole, qrels: qrels, measures: measures, settings: settings)
    }

    /// nil when the run turns out not to be grouped by topic.
    private func streamGrouped(path: String, source: any ByteSource, run: RunInput) throws(InputError) -> Evaluation? {
        let options = settings.options
        var outcomes: [String: TopicOutcome] = [:]
        var open: TopicRun?
        var seen = Set<String>()
        var warnings: [String] = []
        var grouped = true
        func finish(_ topics: [TopicRun]) {
            let cleaned = settings.ignoreIdenticalIDs ? topics.map { $0.removingTopicDocuments() } : topics
            let results = Evaluator.evaluateTopics(cleaned, qrels: qrels, measures: measures,
                                                   options: options, threads: settings.threads)
            for (topic, outcome) in zip(cleaned, results) { outcomes[topic.topic] = outcome }
        }
        let stream = TrecRunStream(path: path, source: source, threads: settings.threads)
        let tag = try stream.forEachBatch { batch throws(InputError) in
            if batch.interleaved {
                grouped = false
                return false
            }
            warnings += batch.warnings
            var finished: [TopicRun] = []
            for block in batch.blocks {
                if var current = open, current.topic == block.topic {
                    guard current.canAdd(documents: block.count, docnoBytes: block.docnoBytes.count,
                                         within: stream.limits) else {
                        throw .topicTooLarge(file: path, line: block.sourceLines.first.map { Int($0) },
                                             topic: block.topic, limits: stream.limits)
                    }
                    open = nil
                    current.append(contentsOf: block)
                    open = current
                    continue
                }
                if let done = open { finished.append(done) }
                if !seen.insert(block.topic).inserted {
                    grouped = false
                    return false
                }
                open = block
            }
            finish(finished)
            return true
        }
        guard grouped else { return nil }
        if let last = open { finish([last]) }
        var evaluation = Evaluator.assemble(outcomes, qrels: qrels, measures: measures, options: options, runTag: tag)
        evaluation.warnings = warnings
        try TopicOverlap.check(runTopics: seen, run: run.path, qrels: qrels)
        return evaluation
    }
}
