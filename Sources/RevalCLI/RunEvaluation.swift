import RevalCore
import RevalFormats

/// Evaluates a run file (TREC, MS MARCO or BEIR JSON) against qrels.
///
/// A TREC run grouped by topic (every topic's lines together, the usual case) is
/// evaluated as it streams in: each topic is judged and scored once its lines end, on
/// all threads, and then dropped, so memory holds one batch of the file, not the whole
/// run. If a topic's lines turn up again later, the run is read again whole (or, from
/// stdin, it is read whole from the start). Other formats are read whole.
struct RunEvaluation {
    var qrels: Qrels
    var measures: [any Measure]
    var options: EvaluationOptions
    var threads: Int
    /// Drop documents whose id equals the query id (BEIR's default).
    var ignoreIdenticalIDs = false

    func evaluate(runPath: String, format: RunFormat?) throws(InputError) -> Evaluation {
        let input = try PeekedInput(runPath)
        let chosen: RunFormat
        if let format { chosen = format } else { chosen = FormatDetection.runFormat(input) }
        if chosen == .trec && runPath != "-", let streamed = try streamGrouped(input) {
            return streamed
        }
        let source = chosen == .trec && runPath != "-" ? try PeekedInput(runPath) : input
        var run = try RunLoader.read(source, format: chosen, threads: threads)
        if ignoreIdenticalIDs {
            var cleaned = Run(source: run.source)
            cleaned.tag = run.tag
            for topic in run.topics { cleaned.append(block: topic.removingTopicDocuments()) }
            run = cleaned
        }
        return Evaluator.evaluate(run: run, qrels: qrels, measures: measures, options: options, threads: threads)
    }

    /// nil when the run turns out not to be grouped by topic.
    private func streamGrouped(_ input: PeekedInput) throws(InputError) -> Evaluation? {
        var outcomes: [String: TopicOutcome] = [:]
        var open: TopicRun?
        var seen = Set<String>()
        var grouped = true
        func finish(_ topics: [TopicRun]) {
            let cleaned = ignoreIdenticalIDs ? topics.map { $0.removingTopicDocuments() } : topics
            let results = Evaluator.evaluateTopics(cleaned, qrels: qrels, measures: measures,
                                                   options: options, threads: threads)
            for (topic, outcome) in zip(cleaned, results) { outcomes[topic.topic] = outcome }
        }
        let stream = TrecRunStream(path: input.path, source: input.source, threads: threads)
        let tag = try stream.forEachBatch { batch throws(InputError) in
            if batch.interleaved {
                grouped = false
                return false
            }
            var finished: [TopicRun] = []
            for block in batch.blocks {
                if open?.topic == block.topic {
                    guard open!.canAdd(documents: block.count, docnoBytes: block.docnoBytes.count,
                                       within: stream.limits) else {
                        throw .topicTooLarge(file: input.path, line: block.sourceLines.first.map { Int($0) },
                                             topic: block.topic, limits: stream.limits)
                    }
                    open!.append(contentsOf: block)
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
