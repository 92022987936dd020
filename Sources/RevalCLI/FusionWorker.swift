import Dispatch
import RevalCore
import RevalFusion

/// Fuses chunks of topics on background threads while the caller reads the next ones,
/// and hands the fused lines back in submission order. At most `maxParts` parts are in
/// flight; `submit` waits for the oldest beyond that, which bounds memory.
///
/// A chunk is cut into one run of consecutive topics per thread; part t of every chunk
/// goes to lane t, a serial queue with a `TopicFuser` of its own, which fuses it into one
/// `FusedBytes`. No lane waits for another: lane 0 can go on to the next chunk while lane 1
/// is still on this one (a chunk fused as one fork-join left a core idle until its slowest
/// part was done, docs/performance.md), and no more lanes run than the command has threads.
/// The buffers come back to the caller with the lines and go out again with a later part,
/// so that once the largest part has been seen nothing is allocated per topic.
///
/// ```swift
/// let aligned = try AlignedRuns(paths: ["bm25.txt", "dense.txt"], format: nil, threads: 2, readWhole: [])
/// try FusionWorker.fuseAll(aligned, fusion: fusion, tag: "fused", threads: 2) { bytes in try file.write(bytes) }
/// ```
final class FusionWorker {
    private final class Slot: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        /// Owned by the lane until `done` is signalled.
        let buffer: FusedBytes
        /// Written by the lane before `done` is signalled, read after waiting on it.
        var error: FusionError?

        init(buffer: FusedBytes) { self.buffer = buffer }
    }

    /// A serial queue and the fuser only it uses (so `@unchecked Sendable`).
    private final class Lane: @unchecked Sendable {
        let queue = DispatchQueue(label: "reval.fuse")
        let fuser: TopicFuser

        init(fusion: Fusion, tag: String) { fuser = TopicFuser(fusion: fusion, tag: tag) }
    }

    private let lanes: [Lane]
    private let tasks = DispatchGroup()
    private var slots: [Slot] = []
    /// Buffers written out, ready for another part (the caller's thread only).
    private var spare: [FusedBytes] = []
    private let maxParts: Int

    /// Topics fused together, per thread.
    static let topicsPerThread = 64

    /// Reads `aligned` to the end and hands the fused lines to `write`, in topic order.
    /// Topics are fused in chunks on background threads while the next ones are read. A
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

    /// `threads` is the thread count of the whole command; a chunk is cut into as many
    /// parts, fused beside the reading's parsing (docs/performance.md: on 2 cores, two of
    /// each cost a little less wall time than one fusion thread beside two parsing ones).
    private init(fusion: Fusion, tag: String, threads: Int) {
        lanes = (0..<max(1, threads)).map { _ in Lane(fusion: fusion, tag: tag) }
        maxParts = 3 * lanes.count
    }

    /// Queues `topics` for fusion, part t on lane t.
    private func submit(_ topics: [(topic: String, runs: [TopicRun?])], write: (UnsafeRawBufferPointer) throws -> Void) throws {
        let parts = min(lanes.count, max(1, topics.count))
        for t in 0..<parts {
            while slots.count >= maxParts { try writeOldest(write) }
            let slot = Slot(buffer: spare.popLast() ?? FusedBytes())
            slots.append(slot)
            let range = (topics.count * t / parts)..<(topics.count * (t + 1) / parts)
            let lane = lanes[t]
            lane.queue.async(group: tasks) {
                slot.error = Self.fuse(topics[range], fuser: lane.fuser, into: slot.buffer)
                slot.done.signal()
            }
        }
    }

    /// Writes the parts that are done, in order; with `waiting`, every part. The first
    /// part that failed throws its error.
    private func drain(waiting: Bool, write: (UnsafeRawBufferPointer) throws -> Void) throws {
        while let first = slots.first {
            if !waiting && first.done.wait(timeout: .now()) == .timedOut { return }
            if !waiting { first.done.signal() }
            try writeOldest(write)
        }
    }

    /// Waits until every task given has finished.
    private func finish() {
        tasks.wait()
        slots.removeAll()
    }

    private func writeOldest(_ write: (UnsafeRawBufferPointer) throws -> Void) throws {
        let slot = slots.removeFirst()
        slot.done.wait()
        if let error = slot.error { throw error }
        try write(slot.buffer.contents)
        slot.buffer.removeAll()
        spare.append(slot.buffer)
    }

    /// One part: its topics fused in order into `buffer`. The error of the first topic
    /// that failed.
    private static func fuse(_ topics: ArraySlice<(topic: String, runs: [TopicRun?])>, fuser: TopicFuser,
                             into buffer: FusedBytes) -> FusionError? {
        for (topic, runs) in topics {
            do throws(FusionError) {
                try fuser.fuse(topic: topic, runs: runs, into: buffer)
            } catch {
                return error
            }
        }
        return nil
    }
}
