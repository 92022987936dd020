import RevalCore
import RevalFormats

/// Evaluates a TREC run file against qrels.
///
/// A run grouped by topic (every topic's lines together, the usual case) is evaluated
/// as it streams in: each topic is judged and scored once its lines end, on all threads,
/// and then dropped, so memory holds one batch of the file, not the whole run. If a
/// topic's lines turn up again later, the run is read again whole (or, from stdin, it
/// was read whole from the start).
enum RunEvaluation {
    static func evaluate(runPath: String, qrels: Qrels, measures: [any Measure],
                         options: EvaluationOptions, threads: Int) throws(InputError) -> Evaluation {
        if runPath != "-", let streamed = try streamGrouped(runPath, qrels, measures, options, threads) {
            return streamed
        }
        let run = try TrecRunReader.read(path: runPath, threads: threads)
        return Evaluator.evaluate(run: run, qrels: qrels, measures: measures, options: options, threads: threads)
    }

    /// nil when the run turns out not to be grouped by topic.
    private static func streamGrouped(_ path: String, _ qrels: Qrels, _ measures: [any Measure],
                                      _ options: EvaluationOptions, _ threads: Int) throws(InputError) -> Evaluation? {
        var outcomes: [String: TopicOutcome] = [:]
        var open: TopicRun?
        var grouped = true
        func finish(_ topics: [TopicRun]) {
            let results = Evaluator.evaluateTopics(topics, qrels: qrels, measures: measures,
                                                   options: options, threads: threads)
            for (topic, outcome) in zip(topics, results) { outcomes[topic.topic] = outcome }
        }
        let tag = try TrecRunStream(path: path, threads: threads).forEachBatch { blocks in
            var finished: [TopicRun] = []
            for block in blocks {
                if open?.topic == block.topic {
                    open!.append(contentsOf: block)
                    continue
                }
                if let done = open {
                    finished.append(done)
                }
                if outcomes[block.topic] != nil || finished.contains(where: { $0.topic == block.topic }) {
                    grouped = false
                    return false
                }
                open = block
            }
            // Record finished topics before evaluating, so a later block can be checked.
            finish(finished)
            return true
        }
        guard grouped else { return nil }
        if let last = open { finish([last]) }
        return Evaluator.assemble(outcomes, qrels: qrels, measures: measures, options: options, runTag: tag)
    }
}
