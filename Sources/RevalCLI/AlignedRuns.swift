import RevalCore
import RevalFormats

/// Several runs read side by side, topic by topic: each topic comes out once every run
/// has either given it or ended, with one entry per run (nil where the run lacks it).
///
/// A TREC run file is streamed (`TrecTopicStream`); other formats, standard input and
/// the runs named in `readWhole` are read into memory first. The runs are pulled in step
/// (always the one with the fewest topics waiting), so runs grouped by topic in the same
/// order hold only a batch each in memory; runs in different orders hold what they must.
/// A streamed run that turns out not to be grouped stops the reading with `NotGrouped`;
/// the caller reads again with that run in `readWhole`.
///
/// Topics come out in the order they complete: for runs that list the same topics in the
/// same order, that order; a topic some run lacks, once that run has ended.
final class AlignedRuns {
    /// A streamed run that is not grouped by topic (its index).
    struct NotGrouped: Error { var run: Int }

    private enum Source {
        case streamed(TrecTopicStream)
        case loaded(Run, next: Int)
    }

    let paths: [String]
    private var sources: [Source] = []
    private var pending: [[String: TopicRun]]
    private var arrivals: [[String]]
    private var exhausted: [Bool]
    private var ready: [(topic: String, runs: [TopicRun?])] = []
    private var readyStart = 0
    /// Topics given so far by each run.
    private(set) var topicCounts: [Int]
    /// Topics handed out so far, and how many of them every run had.
    private(set) var topicsOut = 0
    private(set) var topicsInEveryRun = 0

    /// `batchBytes` is the streamed runs' batch size (`TrecRunStream`). With more than one
    /// thread each stream parses one batch ahead, on a queue of its own; 8 MB batches hold
    /// what 16 MB ones without it did, and measured faster (docs/performance.md, "Fusion").
    init(paths: [String], format: RunFormat?, threads: Int, readWhole: Set<Int>,
         batchBytes: Int = 8 << 20) throws(InputError) {
        self.paths = paths
        pending = Array(repeating: [:], count: paths.count)
        arrivals = Array(repeating: [], count: paths.count)
        exhausted = Array(repeating: false, count: paths.count)
        topicCounts = Array(repeating: 0, count: paths.count)
        for (r, path) in paths.enumerated() {
            let input = try PeekedInput(path)
            let chosen = format ?? FormatDetection.runFormat(input)
            if chosen == .trec && canReadTwice(path) && !readWhole.contains(r) {
                sources.append(.streamed(try TrecTopicStream(path: path, source: input.source, threads: threads,
                                                             batchBytes: batchBytes, parsesAhead: threads > 1)))
            } else {
                sources.append(.loaded(try RunLoader.read(input, format: chosen, threads: threads), next: 0))
            }
        }
    }

    /// Each run's tag: the tag of its last line (read so far, for a streamed run).
    var tags: [String] {
        sources.map { source in
            switch source {
            case .streamed(let stream): return stream.tag
            case .loaded(let run, _): return run.tag
            }
        }
    }

    /// The readers' warnings (a header read as data), as `FILE:LINE: message`.
    var warnings: [String] {
        sources.flatMap { source -> [String] in
            switch source {
            case .streamed(let stream): return stream.warnings
            case .loaded(let run, _): return run.warnings
            }
        }
    }

    /// The next topic with every run's documents for it, or nil when every run has ended.
    func next() throws -> (topic: String, runs: [TopicRun?])? {
        while readyStart == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyStart = 0
            guard let r = (0..<paths.count).filter({ !exhausted[$0] }).min(by: { pending[$0].count < pending[$1].count })
            else { return nil }
            if let topic = try pull(r) {
                let id = topic.topic
                pending[r][id] = topic
                arrivals[r].append(id)
                topicCounts[r] += 1
                if isReady(id) { take(id) }
            } else {
                // Topics waiting for this run are ready now, in every run's arrival order.
                exhausted[r] = true
                for other in 0..<paths.count {
                    for id in arrivals[other] where pending[other][id] != nil && isReady(id) { take(id) }
                    arrivals[other].removeAll { pending[other][$0] == nil }
                }
            }
        }
        readyStart += 1
        return ready[readyStart - 1]
    }

    private func pull(_ r: Int) throws -> TopicRun? {
        switch sources[r] {
        case .streamed(let stream):
            if let topic = try stream.next() { return topic }
            if !stream.isGrouped { throw NotGrouped(run: r) }
            return nil
        case .loaded(let run, let next):
            guard next < run.topics.count else { return nil }
            sources[r] = .loaded(run, next: next + 1)
            return run.topics[next]
        }
    }

    private func isReady(_ id: String) -> Bool {
        (0..<paths.count).allSatisfy { exhausted[$0] || pending[$0][id] != nil }
    }

    private func take(_ id: String) {
        let runs = (0..<paths.count).map { pending[$0].removeValue(forKey: id) }
        topicsOut += 1
        if runs.allSatisfy({ $0 != nil }) { topicsInEveryRun += 1 }
        ready.append((id, runs))
    }
}
