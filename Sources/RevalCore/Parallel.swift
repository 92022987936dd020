import Dispatch
import Synchronization

/// The number of threads reval uses unless told otherwise: the active processors, or
/// the REVAL_THREADS environment variable when set.
public func defaultThreadCount() -> Int {
    if let text = getenvString("REVAL_THREADS"), let n = Int(text), n > 0 { return n }
    return max(1, ProcessInfoLite.activeProcessorCount)
}

/// `(0..<count).map(body)`, run on up to `threads` threads. Results are in index order,
/// so the output never depends on the thread count. Indices are handed out one at a time
/// to whichever thread is free, so a thread that the system pauses (the read-ahead thread
/// shares the cores) holds up only the item it is on.
public func parallelMap<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
    if threads <= 1 || count <= 1 { return (0..<count).map(body) }
    return withoutActuallyEscaping(body) { body in
        let results = ResultSlots<T>(count: count)
        let box = UncheckedBox(body)
        let next = WorkCounter()
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
            while case let i = next.take(), i < count {
                results.store(box.value(i), at: i)
            }
        }
        return results.collect()
    }
}

/// The next index to work on, shared by the threads of one `parallelMap`.
private final class WorkCounter: Sendable {
    private let next = Atomic<Int>(0)

    func take() -> Int { next.wrappingAdd(1, ordering: .relaxed).oldValue }
}

private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Each index is written by exactly one worker.
    func store(_ value: T, at i: Int) { slots[i] = value }

    func collect() -> [T] { (0..<count).map { slots[$0]! } }
}

/// Hands a non-Sendable value to worker threads that only read it.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
