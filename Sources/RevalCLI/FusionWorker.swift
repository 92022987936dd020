import Dispatch
import RevalCore
import RevalFusion

/// Fuses chunks of topics on a background queue while the caller reads the next ones,
/// and hands the fused lines back (one array per topic) in submission order. At most `maxChunks` chunks are in
/// flight; `submit` waits for the oldest beyond that, which bounds memory.
///
/// ```swift
/// let worker = FusionWorker(fusion: fusion, tag: "fused", threads: 2)
/// worker.submit(topics)
/// try worker.drain(waiting: false) { bytes in try file.write(bytes) }
/// ```
final class FusionWorker {
    private final class Slot: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        /// Written by the queue before `done` is signalled, read after waiting on it.
        var result: Result<[[UInt8]], FusionError>?
    }

    private let queue = DispatchQueue(label: "reval.fuse")
    private let fusion: Fusion
    private let tag: String
    private let threads: Int
    private var slots: [Slot] = []
    private let maxChunks = 3

    init(fusion: Fusion, tag: String, threads: Int) {
        self.fusion = fusion
        self.tag = tag
        self.threads = threads
    }

    /// Queues `topics` for fusion.
    func submit(_ topics: [(topic: String, runs: [TopicRun?])], write: ([UInt8]) throws -> Void) throws {
        while slots.count >= maxChunks { try writeOldest(write) }
        let slot = Slot()
        slots.append(slot)
        let fusion = fusion, tag = tag, threads = threads
        queue.async {
            slot.result = Self.fuse(topics, fusion: fusion, tag: tag, threads: threads)
            slot.done.signal()
        }
    }

    /// Writes the chunks that are done, in order; with `waiting`, every chunk. The first
    /// chunk that failed throws its error.
    func drain(waiting: Bool, write: ([UInt8]) throws -> Void) throws {
        while let first = slots.first {
            if !waiting && first.done.wait(timeout: .now()) == .timedOut { return }
            if !waiting { first.done.signal() }
            try writeOldest(write)
        }
    }

    /// Waits until the queue has finished whatever it was given.
    func finish() {
        queue.sync {}
        slots.removeAll()
    }

    private func writeOldest(_ write: ([UInt8]) throws -> Void) throws {
        let slot = slots.removeFirst()
        slot.done.wait()
        switch slot.result {
        case .success(let topics): for bytes in topics { try write(bytes) }
        case .failure(let error): throw error
        case nil: break
        }
    }

    /// One chunk: each topic pooled, ranked and written as lines, on `threads` threads.
    private static func fuse(_ topics: [(topic: String, runs: [TopicRun?])], fusion: Fusion, tag: String,
                             threads: Int) -> Result<[[UInt8]], FusionError> {
        let lines = parallelMap(topics.count, threads: threads) { k -> Result<[UInt8], FusionError> in
            Result { () throws(FusionError) -> [UInt8] in
                let pool = try FusionPool(topic: topics[k].topic, runs: topics[k].runs, fusion: fusion)
                var bytes: [UInt8] = []
                FusedRunWriter.append(pool, ranking: pool.ranking(by: fusion), tag: tag, to: &bytes)
                return bytes
            }
        }
        var topicsLines: [[UInt8]] = []
        for result in lines {
            switch result {
            case .success(let bytes): topicsLines.append(bytes)
            case .failure(let error): return .failure(error)
            }
        }
        return .success(topicsLines)
    }
}
