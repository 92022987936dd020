import RevalCore

/// The topics of a TREC run grouped by topic (each topic's lines together, the usual
/// case), one complete topic at a time, as the file streams in: memory holds a batch and
/// the topics in it, not the file.
///
/// A topic whose lines come back after another topic's makes the run not grouped: `next()`
/// then returns nil and `isGrouped` turns false, and the caller reads the run whole
/// instead (`TrecRunReader`).
///
/// ```swift
/// let topics = try TrecTopicStream(path: "run.txt")
/// while let topic = try topics.next() { ... }
/// if !topics.isGrouped { /* read it whole */ }
/// ```
public final class TrecTopicStream {
    public let path: String
    private let limits: TopicLimits
    private let batches: BatchReadAhead
    /// Complete topics of the current batch not handed out yet, in file order.
    private var ready: [TopicRun] = []
    private var readyStart = 0
    /// The topic whose lines may continue in the next batch.
    private var open: TopicRun?
    private var seen = Set<String>()
    private var ended = false
    /// False once a topic's lines were found apart from each other.
    public private(set) var isGrouped = true
    /// The reader's warnings so far (a header read as data), as `FILE:LINE: message`.
    public private(set) var warnings: [String] = []

    /// Streams `path`, or `source` when given (`path` then only names it). `batchBytes` and
    /// `readAhead` are TrecRunStream's. With `parsesAhead`, the next batch is parsed on a
    /// queue of its own while the caller takes this one's topics (`BatchReadAhead`).
    public init(path: String, source: (any ByteSource)? = nil, threads: Int = defaultThreadCount(),
                batchBytes: Int = 16 << 20, limits: TopicLimits = .standard, readAhead: Bool = true,
                parsesAhead: Bool = false) throws(InputError) {
        self.path = path
        self.limits = limits
        let stream = TrecRunStream(path: path, source: source, threads: threads, batchBytes: batchBytes,
                                   limits: limits, readAhead: readAhead)
        batches = BatchReadAhead(try stream.batches(), parsesAhead: parsesAhead)
    }

    deinit { batches.close() }

    /// The tag of the last data line of the batches handed out so far.
    public var tag: String { batches.tag ?? "" }

    /// The next complete topic, or nil at the end of the run (or when it turns out not to be
    /// grouped: see `isGrouped`).
    public func next() throws(InputError) -> TopicRun? {
        while readyStart == ready.count {
            guard isGrouped, !ended else { return nil }
            ready.removeAll(keepingCapacity: true)
            readyStart = 0
            guard let batch = try batches.next() else {
                ended = true
                batches.close()
                if let last = open {
                    open = nil
                    return last
                }
                return nil
            }
            warnings += batch.warnings
            if batch.interleaved { return notGrouped() }
            for block in batch.blocks {
                if open?.topic == block.topic {
                    try open!.checkRoom(for: block, within: limits, file: path)
                    open!.append(contentsOf: block)
                    continue
                }
                if let done = open { ready.append(done) }
                guard seen.insert(block.topic).inserted else { return notGrouped() }
                open = block
            }
        }
        readyStart += 1
        return ready[readyStart - 1]
    }

    private func notGrouped() -> TopicRun? {
        isGrouped = false
        ready.removeAll()
        readyStart = 0
        open = nil
        batches.close()
        return nil
    }
}
