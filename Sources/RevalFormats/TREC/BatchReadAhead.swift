import Dispatch
import RevalCore

/// A run's batches parsed one ahead, on a queue of its own: while the caller uses batch k,
/// batch k + 1 is read and parsed. The caller then never waits on a parse that another
/// thread's work has slowed (docs/performance.md, "Fusion"), at the cost of one more
/// parsed batch in memory.
///
/// Batches, errors and the end come out in the order `Batches.next()` gives them; after
/// an error or the end nothing more is parsed. `@unchecked Sendable`: `batches` is used on
/// the queue only, and the semaphore orders the hand-over of each result.
final class BatchReadAhead: @unchecked Sendable {
    /// A batch with the run's tag once it was parsed.
    typealias Parsed = (batch: RunBatch, tag: String?)

    private let batches: TrecRunStream.Batches
    private let queue = DispatchQueue(label: "reval.batch-read-ahead")
    private let done = DispatchSemaphore(value: 0)
    /// Written on the queue before `done` is signalled, read after waiting on it.
    private var result: Result<Parsed?, InputError>?
    private var inFlight = false

    init(_ batches: TrecRunStream.Batches) {
        self.batches = batches
    }

    /// The next batch, or nil at the end of the run.
    func next() throws(InputError) -> Parsed? {
        if !inFlight { start() }
        done.wait()
        inFlight = false
        let parsed = result!
        result = nil
        if case .success(.some) = parsed { start() }
        return try parsed.get()
    }

    /// Waits for the batch being parsed, if any, and closes the input.
    func close() {
        if inFlight {
            done.wait()
            inFlight = false
            result = nil
        }
        queue.sync { batches.close() }
    }

    private func start() {
        inFlight = true
        queue.async { [self] in
            result = Result { () throws(InputError) -> Parsed? in
                guard let batch = try batches.next() else { return nil }
                return (batch, batches.tag)
            }
            done.signal()
        }
    }
}
