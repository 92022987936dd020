import Dispatch
import RevalCore

/// A run's batches, with `parsesAhead` parsed one ahead on a queue of its own: while the
/// caller uses batch k, batch k + 1 is read and parsed. The caller then never waits on a
/// parse that another thread's work has slowed (docs/performance.md, "Fusion"), at the cost
/// of one more parsed batch in memory. Without, each batch is parsed when asked for.
///
/// Batches, errors and the end come out in the order `Batches.next()` gives them; after
/// an error or the end nothing more is parsed. `@unchecked Sendable`: while parsing ahead,
/// `batches` is used on the queue only, and the semaphore orders the hand-over of each
/// result.
///
/// ```swift
/// let batches = BatchReadAhead(try TrecRunStream(path: "run.txt").batches(), parsesAhead: true)
/// defer { batches.close() }
/// while let batch = try batches.next() { ... }
/// ```
final class BatchReadAhead: @unchecked Sendable {
    private let batches: TrecRunStream.Batches
    private let queue: DispatchQueue?
    private let done = DispatchSemaphore(value: 0)
    /// Written on the queue before `done` is signalled, read after waiting on it.
    private var result: Result<(batch: RunBatch, tag: String?)?, InputError>?
    private var inFlight = false
    /// The tag of the last data line of the batches handed out so far.
    private(set) var tag: String?

    init(_ batches: TrecRunStream.Batches, parsesAhead: Bool) {
        self.batches = batches
        queue = parsesAhead ? DispatchQueue(label: "reval.batch-read-ahead") : nil
    }

    /// The next batch, or nil at the end of the run.
    func next() throws(InputError) -> RunBatch? {
        guard queue != nil else {
            let batch = try batches.next()
            tag = batches.tag
            return batch
        }
        if !inFlight { start() }
        done.wait()
        inFlight = false
        let parsed = result!
        result = nil
        guard let (batch, tag) = try parsed.get() else { return nil }
        self.tag = tag
        start()
        return batch
    }

    /// Waits for the batch being parsed, if any, and closes the input.
    func close() {
        guard let queue else { return batches.close() }
        if inFlight {
            done.wait()
            inFlight = false
            result = nil
        }
        queue.sync { batches.close() }
    }

    private func start() {
        inFlight = true
        queue?.async { [self] in
            result = Result { () throws(InputError) -> (batch: RunBatch, tag: String?)? in
                guard let batch = try batches.next() else { return nil }
                return (batch, batches.tag)
            }
            done.signal()
        }
    }
}
