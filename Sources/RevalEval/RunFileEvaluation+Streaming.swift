import RevalCore
import RevalFormats

extension RunFileEvaluation {
    /// How streaming a TREC run ended.
    enum StreamOutcome {
        /// The run is evaluated: it was grouped by topic, or interleaved from its first batch.
        case evaluated(Evaluation)
        /// A topic came back after topics had been dropped: read it again whole.
        case readAgain
    }

    /// Streams a TREC run, evaluating each topic as soon as its lines end; a run whose
    /// first batch is interleaved goes through `evaluateInterleaved` instead.
    func stream(_ stream: TrecRunStream, batches: TrecRunStream.Batches, run: RunInput) throws(InputError) -> StreamOutcome {
        defer { batches.close() }
        let finish = topicFinisher()
        batches.finish = finish
        var grouping = TopicGrouping(path: run.path, limits: stream.limits)
        var firstBatch = true
        while let batch = try batches.next() {
            guard !batch.interleaved, let finished = try grouping.add(batch) else {
                guard firstBatch else { return .readAgain }
                return .evaluated(try evaluateInterleaved(from: batch, rest: batches, of: stream, run: run))
            }
            score(finished, with: finish, into: &grouping.outcomes)
            firstBatch = false
        }
        if let last = grouping.open { score([last], with: finish, into: &grouping.outcomes) }
        try TopicOverlap.check(runTopics: grouping.seen, run: run.path, qrels: qrels)
        var evaluation = Evaluator.assemble(grouping.outcomes, qrels: qrels, measures: measures, options: settings.options,
                                            runTag: batches.tag ?? "")
        evaluation.warnings = grouping.warnings
        return .evaluated(evaluation)
    }

    /// Evaluates BEIR results as they stream: each batch's queries, on all threads.
    func evaluateBEIR(_ source: any ByteSource, run: RunInput) throws(InputError) -> Evaluation {
        let finish = topicFinisher()
        let threads = settings.threads
        let collected = OutcomeCollector()
        try BEIRResultsReader.stream(path: run.path, source: source, threads: threads) { queries in
            score(queries, with: finish, into: &collected.outcomes)
        }
        try TopicOverlap.check(runTopics: collected.outcomes.keys, run: run.path, qrels: qrels)
        return Evaluator.assemble(collected.outcomes, qrels: qrels, measures: measures, options: settings.options,
                                  runTag: "beir")
    }

    /// Scores `topics` on all threads and records each outcome under its topic.
    func score(_ topics: [TopicRun], with finish: TrecRunStream.Finish, into outcomes: inout [String: TopicOutcome]) {
        let results = parallelMap(topics.count, threads: settings.threads) { finish(topics[$0]) }
        for (topic, outcome) in zip(topics, results) { outcomes[topic.topic] = outcome }
    }

    /// Evaluates one topic (on a parsing thread, or on any: it reads only shared state).
    func topicFinisher() -> TrecRunStream.Finish {
        let options = settings.options
        return { [qrels, measures, settings] topic in
            Evaluator.evaluate(settings.ignoreIdenticalIDs ? topic.removingTopicDocuments() : topic,
                               qrels: qrels, measures: measures, options: options)
        }
    }

    /// Evaluates the run from `batch` (its first) on, its topics grouped through a
    /// `TopicRunSpill`: the file is read once, and memory holds a batch, the spill's
    /// waiting blocks and one partition's topics.
    private func evaluateInterleaved(from batch: RunBatch, rest: TrecRunStream.Batches, of stream: TrecRunStream,
                                     run: RunInput) throws(InputError) -> Evaluation {
        rest.finish = nil
        rest.keepsInterleavedPieces = true
        let spill = try TopicRunSpill(name: stream.path, limits: stream.limits, memoryBudget: spillBudget,
                                      threads: settings.threads)
        // The run's topics are kept only until one is judged: only a run with none needs
        // them (for `TopicOverlap`'s message), and a shuffled run's batch names every topic.
        var unjudgedTopics = Set<String>()
        var judgedTopicSeen = false
        var warnings: [String] = []
        var next: RunBatch? = batch
        while var current = next {
            next = nil
            if !current.blocks.isEmpty { current.parts = [.blocks(current.blocks)]; current.blocks = [] }
            for part in current.parts where !judgedTopicSeen {
                for topic in part.topics where !judgedTopicSeen {
                    judgedTopicSeen = qrels[topic] != nil
                    unjudgedTopics.insert(topic)
                }
            }
            try spill.add(&current.parts)
            warnings += current.warnings
            next = try rest.next()
        }
        if !judgedTopicSeen { try TopicOverlap.check(runTopics: unjudgedTopics, run: run.path, qrels: qrels) }
        let finish = topicFinisher()
        var outcomes: [String: TopicOutcome] = [:]
        try spill.forEachPartition { partition in score(partition, with: finish, into: &outcomes) }
        var evaluation = Evaluator.assemble(outcomes, qrels: qrels, measures: measures, options: settings.options,
                                            runTag: rest.tag ?? "")
        evaluation.warnings = warnings
        return evaluation
    }
}

/// The topics of a grouped run as its batches come: each topic's blocks joined, topics
/// seen, and the outcome of every topic finished so far.
struct TopicGrouping {
    let path: String
    let limits: TopicLimits
    /// The last topic of the last batch, whose lines may go on in the next one.
    private(set) var open: TopicRun?
    private(set) var seen = Set<String>()
    /// Every finished topic's outcome (those scored on the parsing threads recorded by
    /// `add`, the others by the caller).
    var outcomes: [String: TopicOutcome] = [:]
    private(set) var warnings: [String] = []

    init(path: String, limits: TopicLimits) {
        self.path = path
        self.limits = limits
    }

    /// Takes in a batch: records the outcomes its parsing threads gave and returns the
    /// topics it finished that still need evaluating (those cut by piece or batch
    /// boundaries). nil when a topic comes back: the run is not grouped.
    mutating func add(_ batch: RunBatch) throws(InputError) -> [TopicRun]? {
        warnings += batch.warnings
        var finished: [TopicRun] = []
        for (k, block) in batch.blocks.enumerated() {
            if var current = open, current.topic == block.topic {
                try current.checkRoom(for: block, within: limits, file: path)
                open = nil
                current.append(contentsOf: block)
                open = current
                continue
            }
            if let done = open { finished.append(done) }
            open = nil
            guard seen.insert(block.topic).inserted else { return nil }
            if k < batch.outcomes.count, let outcome = batch.outcomes[k] {
                outcomes[block.topic] = outcome
            } else {
                open = block
            }
        }
        return finished
    }
}

/// The outcomes a streaming reader's callback records, one topic at a time, on the
/// caller's thread.
final class OutcomeCollector {
    var outcomes: [String: TopicOutcome] = [:]
}
