import Dispatch

/// Reads a byte source ahead on a background thread, cutting batches at line ends, so that
/// reading and decompressing overlap with parsing and evaluating.
///
/// Buffers take turns: while the caller works on one batch, the next ones are filled. Two,
/// or three for a source that asks for it (`ByteSource.wantsDeeperReadAhead`: zstd, whose
/// decoding of a batch takes about as long as parsing it, so that with one batch ahead
/// either side often waited for the other; the benchmark's zstd run took 1.06 against
/// 1.16 s, medians of 9, for 11 MiB more).
/// A batch's bytes stay valid until the next call to `next()`. With `readAhead: false`
/// the batches are read on the caller's thread, when asked for: the same batches, without
/// a thread and its hand-offs (which cost more than parsing a small input).
///
/// Race-free by construction: the two threads share no mutable storage but the slot
/// boxes, and each box belongs to one thread at a time, handed over by the two semaphores
/// only. The reading thread owns a slot from its `free.wait()` to its `filled.signal()`;
/// the caller from its `filled.wait()` to the `free.signal()` that hands it back (the next
/// `next()`, or `close()`). The caller asks the thread to stop through the slot it hands
/// back, which is the last one the thread comes to, so no flag is read by one thread while
/// the other writes it. The hand-offs per batch are the same two semaphore signals as without
/// these rules. (Before, the slots were elements of one Array that both threads assigned and
/// read: an assignment checks the storage's uniqueness and may reallocate it under the other
/// thread's read, and the stop flag was a plain Bool; `@unchecked Sendable` hid both.)
///
/// ```swift
/// let reader = LineBatchReader(try openInput("run.txt.zst"), name: "run.txt.zst", batchBytes: 16 << 20)
/// defer { reader.close() }
/// while let batch = try reader.next() { ... }
/// ```
final class LineBatchReader {
    private let slots: [LineBatchSlot]
    private let filler: LineBatchFiller
    /// Signalled when a slot has been filled; waited for by the caller.
    private let filled = DispatchSemaphore(value: 0)
    /// Signalled when the caller hands a slot back; waited for by the reading thread.
    /// (Created at 0 and signalled once per slot: libdispatch refuses to free a semaphore
    /// whose count is below the one it was created with.)
    private let free = DispatchSemaphore(value: 0)
    private let done = DispatchGroup()
    private let readAhead: Bool

    // The caller's state.
    private var pendingError: InputError?
    private var nextSlot = 0
    private var holding = false
    /// The last batch has been handed out: the reading thread has ended or is ending.
    private var finished = false
    private var closed = false

    init(_ source: any ByteSource, name: String, batchBytes: Int, maxLineBytes: Int, readAhead: Bool = true) {
        let slotCount = source.wantsDeeperReadAhead ? 3 : 2
        filler = LineBatchFiller(source, name: name, maxLineBytes: maxLineBytes)
        self.readAhead = readAhead
        slots = (0..<slotCount).map { _ in LineBatchSlot(bytes: batchBytes) }
        for _ in slots { free.signal() }
        guard readAhead else { return }
        done.enter()
        // A thread of its own (a serial queue's), not one of the global queue's: the loop
        // waits most of the time, and a waiting global-queue thread holds one of the few
        // the parsing's `concurrentPerform` can have (one per core). With two runs read
        // side by side both were held, and the parsing ran on the caller's thread alone.
        DispatchQueue(label: "reval.read-ahead").async { [slots, filler, free, filled, done] in
            var k = 0
            while true {
                free.wait()
                let slot = slots[k]
                if slot.stopRequested { break }
                let more = filler.fill(slot)
                filled.signal()
                if !more { break }
                k = (k + 1) % slots.count
            }
            done.leave()
        }
    }

    deinit {
        close()
        for slot in slots { slot.buffer.deallocate() }
    }

    /// The next batch of whole lines (the last may lack its newline), or nil at the end.
    func next() throws(InputError) -> UnsafeRawBufferPointer? {
        if holding {
            if readAhead { free.signal() }
            holding = false
        }
        if let error = pendingError {
            pendingError = nil
            throw error
        }
        guard !finished else { return nil }
        let slot = take()
        if let error = slot.error {
            if slot.count == 0 { throw error }
            pendingError = error
        }
        if slot.count == 0 { return finished ? nil : UnsafeRawBufferPointer(start: slot.buffer.baseAddress, count: 0) }
        return UnsafeRawBufferPointer(start: slot.buffer.baseAddress, count: slot.count)
    }

    /// The next filled slot, now the caller's.
    private func take() -> LineBatchSlot {
        let slot = slots[nextSlot]
        if readAhead {
            filled.wait()
        } else {
            _ = filler.fill(slot)
        }
        nextSlot = (nextSlot + 1) % slots.count
        holding = true
        if slot.isLast { finished = true }
        return slot
    }

    /// Stops reading and waits for the reading thread.
    func close() {
        guard !closed else { return }
        closed = true
        guard readAhead else { return }
        if !finished {
            // The thread fills the slots in turn, each once the caller hands it back, so
            // the last one it will come to is the one the caller holds: take one if none
            // is held, mark it and hand it back.
            if !holding { _ = take() }
            if !finished {
                slots[(nextSlot + slots.count - 1) % slots.count].stopRequested = true
                free.signal()
                holding = false
            }
        }
        done.wait()
    }
}

/// One batch buffer and what the filler found: see `LineBatchReader` for who may touch it
/// when. `@unchecked Sendable` because the semaphores, not the compiler, order the accesses.
final class LineBatchSlot: @unchecked Sendable {
    var buffer: UnsafeMutableRawBufferPointer
    var count = 0
    var isLast = false
    /// Raised after the slot's complete lines have been handed over, so that errors
    /// come in file order. Its line is unknown here (nil); the caller places it.
    var error: InputError?
    /// Set by the caller on the slot it hands back when it wants the reading thread to end.
    var stopRequested = false

    init(bytes: Int) {
        buffer = .allocate(byteCount: bytes, alignment: 16)
    }

    /// A buffer of `size` bytes holding what this one holds.
    func grow(to size: Int) {
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = bigger
    }
}

/// The reading side: the source and the part line carried from one batch to the next. Only
/// the reading thread touches it once the thread has started (only the caller, without
/// read-ahead). `@unchecked Sendable` because it is handed to that thread once, whole.
final class LineBatchFiller: @unchecked Sendable {
    private var source: any ByteSource
    private let name: String
    private let maxLineBytes: Int
    /// The part line after the last batch filled.
    private var carry: [UInt8] = []

    init(_ source: any ByteSource, name: String, maxLineBytes: Int) {
        self.source = source
        self.name = name
        self.maxLineBytes = maxLineBytes
    }

    /// Fills `slot` with the carried part line and the next whole lines of the source; keeps
    /// the part line that follows them. Returns false when the slot is the last one (end of
    /// input, or an error).
    func fill(_ slot: LineBatchSlot) -> Bool {
        var filledCount = carry.count
        if slot.buffer.count < carry.count * 2 { slot.grow(to: carry.count * 2) }
        if !carry.isEmpty {
            carry.withUnsafeBytes { slot.buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        }
        var atEnd = false
        var usable = 0
        do throws(InputError) {
            while true {
                while filledCount < slot.buffer.count {
                    let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: slot.buffer[filledCount...]))
                    if n == 0 { atEnd = true; break }
                    filledCount += n
                }
                if atEnd { usable = filledCount; break }
                let bytes = UnsafeRawBufferPointer(start: slot.buffer.baseAddress, count: filledCount)
                if let newline = Self.lastNewline(bytes) {
                    usable = newline + 1
                    break
                }
                // One line longer than the buffer: check what there is of it, grow it
                // and read on.
                if let nul = InputError.nulByte(in: bytes, file: name, line: 0) {
                    throw InputError(file: name, message: nul.message)
                }
                if filledCount > maxLineBytes {
                    throw InputError(file: name, message: InputError.lineTooLong(file: name, line: 0, limit: maxLineBytes).message)
                }
                slot.grow(to: min(slot.buffer.count * 2, max(maxLineBytes + 1, slot.buffer.count + 1)))
            }
        } catch {
            // Hand over the complete lines before the failure, then the failure, unless
            // the part line read so far holds a NUL byte, which comes first.
            let bytes = UnsafeRawBufferPointer(start: slot.buffer.baseAddress, count: filledCount)
            slot.count = Self.lastNewline(bytes).map { $0 + 1 } ?? 0
            let partLine = UnsafeRawBufferPointer(rebasing: bytes[slot.count...])
            if let nul = InputError.nulByte(in: partLine, file: name, line: 0) {
                slot.error = InputError(file: name, message: nul.message)
            } else {
                slot.error = error
            }
            slot.isLast = true
            return false
        }
        carry = Array(UnsafeRawBufferPointer(rebasing: slot.buffer[usable..<filledCount]))
        slot.count = usable
        slot.isLast = atEnd
        slot.error = nil
        return !atEnd
    }

    private static func lastNewline(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var i = bytes.count - 1
        while i >= 0 {
            if bytes[i] == 0x0a { return i }
            i -= 1
        }
        return nil
    }
}
