import Dispatch
import RevalCore
import RevalFusion

/// Fuses chunks of topics on a background queue while the caller reads the next ones,
/// and hands the fused lines back in submission order. At most `maxChunks` chunks are in
/// flight; `submit` waits for the oldest beyond that, which bounds memory.
///
/// A chunk is cut into one run of consecutive topics per fusion thread, each fused by that
/// thread's `TopicFuser` into one `FusedBytes`; the buffers come back to the caller with
/// the lines and go out again with a later chunk, so that once the largest chunk has been
/// seen nothing is allocated per topic.
///
/// ```swift
/// let aligned = try AlignedRuns(paths: ["bm25.txt", "dense.txt"], format: nil, threads: 2, readWhole: [])
/// try FusionWorker.fuseAll(aligned, fusion: fusion, tag: "fused", threads: 2) { bytes in try file.write(bytes) }
/// ```
final class FusionWorker {
    private final class Slot: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        /// One buffer per thread, owned by the queue until `done` is signalled.
        let buffers: [FusedBytes]
        /// Written by the queue before `done` is signalled, read after waiting on it.
        var error: FusionError?

        init(buffers: [FusedBytes]) { self.buffers = buffers }
    }

    /// One fuser per thread; used on the queue only (one chunk at a time), thread t's by
    /// thread t only.
    private final class Fusers: @unchecked Sendable {
        let fusers: [TopicFuser]
        init(fusion: Fusion, tag: String, count: Int) {
            fusers = (0..<count).map { _ in TopicFuser(fusion: fusion, tag: tag) }
        }
    }

    private let queue = DispatchQueue(label: "reval.fuse")
    private let fusers: Fusers
    private let threads: Int
    private var slots: [Slot] = []
    /// Buffers written out, ready for another chunk (the caller's thread only).
    private var spare: [FusedBytes] = []
    private let maxChunks = 3

    /// Topics fused together, per thread.
    static let topicsPerThread = 64

    /// Reads `aligned` to the end and hands the fused lines to `write`, in topic order.
    /// Topics are fused in chunks on a background queue while the next ones are read. A
    /// topic fused before one that could not be read reports its error first, whatever the
    /// timing; `AlignedRuns.NotGrouped` stops it at once.
    static func fuseAll(_ aligned: AlignedRuns, fusion: Fusion, tag: String, threads: Int,
                        write: (UnsafeRawBufferPointer) throws -> Void) throws {
        let worker = FusionWorker(fusion: fusion, tag: tag, threads: threads)
        defer { worker.finish() }
        let chunk = topicsPerThread * max(1, threads)
        var waiting: [(topic: String, runs: [TopicRun?])] = []
        do {
            while let topic = try aligned.next() {
                waiting.append(topic)
                if waiting.count >= chunk {
                    try worker.submit(waiting, write: write)
                    waiting.removeAll(keepingCapacity: true)
                    try worker.drain(waiting: false, write: write)
                }
            }
        } catch let error as AlignedRuns.NotGrouped {
            throw error
        } catch {
            try worker.drain(waiting: true, write: write)
            throw error
        }
        try worker.submit(waiting, write: write)
        try worker.drain(waiting: true, write: write)
    }

    /// `threads` is the thread count of the whole command; a chunk is fused on as many,
    /// beside the reading's parsing on as many (docs/performance.md: on 2 cores, two of each
    /// cost a little less wall time than one fusion thread beside two parsing ones).
    private init(fusion: Fusion, tag: String, threads: Int) {
        self.threads = max(1, threads)
        fusers = Fusers(fusion: fusion, tag: tag, count: self.threads)
    }

    /// Queues `topics` for fusion.
    private func submit(_ topics: [(topic: String, runs: [TopicRun?])], write: (UnsafeRawBufferPointer) throws -> Void) throws {
        while slots.count >= maxChunks { try writeOldest(write) }
        let parts = min(threads, max(1, topics.count))
        let slot = Slot(buffers: (0..<parts).map { _ in spare.popLast() ?? FusedBytes() })
        slots.append(slot)
        let fusers = fusers
        queue.async {
            slot.error = Self.fuse(topics, fusers: fusers.fusers, into: slot.buffers)
            slot.done.signal()
        }
    }

    /// Writes the chunks that are done, in order; with `waiting`, every chunk. The first
    /// chunk that failed throws its error.
    private func drain(waiting: Bool, write: (UnsafeRawBufferPointer) throws -> Void) throws {
        while let first = slots.first {
            if !waiting && first.done.wait(timeout: .now()) == .timedOut { return }
            if !waiting { first.done.signal() }
            try writeOldest(write)
        }
    }

    /// Waits until the queue has finished whatever it was given.
    private func finish() {
        queue.sync {}
        slots.removeAll()
    }

    private func writeOldest(_ write: (UnsafeRawBufferPointer) throws -> Void) throws {
        let slot = slots.removeFirst()
        slot.done.wait()
        if let error = slot.error { throw error }
        for buffer in slot.buffers {
            try write(buffer.contents)
            buffer.removeAll()
            spare.append(buffer)
        }
    }

    /// One chunk: thread t fuses the t-th run of consecutive topics into `buffers[t]`. The
    /// error of the first topic that failed, in topic order.
    private static func fuse(_ topics: [(topic: String, runs: [TopicRun?])], fusers: [TopicFuser],
                             into buffers: [FusedBytes]) -> FusionError? {
        let parts = buffers.count
        let errors = parallelMap(parts, threads: parts) { t -> FusionError? in
            let fuser = fusers[t], out = buffers[t]
            for k in (topics.count * t / parts)..<(topics.count * (t + 1) / parts) {
                do throws(FusionError) {
                    try fuser.fuse(topic: topics[k].topic, runs: topics[k].runs, into: out)
                } catch {
                    return error
                }
            }
            return nil
        }
        return errors.lazy.compactMap { $0 }.first
    }
}
