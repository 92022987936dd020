import RevalCore
import RevalFormats

/// Evaluates one run file against qrels, choosing how to read it.
///
/// A TREC run grouped by topic (every topic's lines together, the usual case) is
/// evaluated as it streams in: each topic is judged and scored once its lines end, on
/// all threads, and then dropped, so memory holds one batch of the file, not the whole
/// run. If a topic's lines turn up again later, the run is read again whole (or, from
/// stdin, it is read whole from the start). Other formats are read whole.
struct RunFileEvaluation {
    var qrels: Qrels
    var measures: [any Measure]
    var settings: EvaluationSettings

    func evaluate(_ run: RunInput) throws(InputError) -> Evaluation {
        let input = try PeekedInput(run.path)
        let chosen = settings.runFormat ?? FormatDetection.runFormat(input)
        if chosen == .trec && run.path != "-", let streamed = try streamGrouped(input) {
            return streamed
        }
        let source = chosen == .trec && run.path != "-" ? try PeekedInput(run.path) : input
        let whole = try RunLoader.read(source, format: chosen, threads: settings.threads)
        return EvaluationPipeline.evaluate(run: whole, qrels: qrels, measures: measures, settings: settings)
    }

    /// nil when the run turns out not to be grouped by topic.
    private func streamGrouped(_ input: PeekedInput) throws(InputError) -> Evaluation? {
        let options = settings.options
        var outcomes: [String: TopicOutcome] = [:]
        var open: TopicRun?
        var seen = Set<String>()
        var grouped = true
        func finish(_ topics: [TopicRun]) {
            let cleaned = settings.ignoreIdenticalIDs ? topics.map { $0.removingTopicDocuments() } : topics
            let results = Evaluator.evaluateTopics(cleaned, qrels: qrels, measures: measures,
                                                   options: options, threads: settings.threads)
            for (topic, outcome) in zip(cleaned, results) { outcomes[topic.topic] = outcome }
        }
        let stream = TrecRunStream(path: input.path, source: input.source, threads: settings.threads)
        let tag = try stream.forEachBatch { batch throws(InputError) in
            if batch.interleaved {
                grouped = false
                return false
            }
            var finished: [TopicRun] = []
            for block in batch.blocks {
                if var current = open, current.topic == block.topic {
                    guard current.canAdd(documents: block.count, docnoBytes: block.docnoBytes.count,
                                         within: stream.limits) else {
                        throw .topicTooLarge(file: input.path, line: block.sourceLines.first.map { Int($0) },
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
        return Evaluator.assemble(outcomes, qrels: qrels, measures: measures, options: options, runTag: tag)
    }
}
