import Dispatch

/// Reads a byte source one batch ahead on a background thread, cutting batches at line
/// ends, so that reading and decompressing overlap with parsing and evaluating.
///
/// Two buffers take turns: while the caller works on one batch, the next one is filled.
/// A batch's bytes stay valid until the next call to `next()`. With `readAhead: false`
/// the batches are read on the caller's thread, when asked for: the same batches, without
/// a thread and its hand-offs (which cost more than parsing a small input).
///
/// ```swift
/// let reader = LineBatchReader(try openInput("run.txt.zst"), name: "run.txt.zst", batchBytes: 16 << 20)
/// defer { reader.close() }
/// while let batch = try reader.next() { ... }
/// ```
final class LineBatchReader: @unchecked Sendable {
    private struct Slot {
        var buffer: UnsafeMutableRawBufferPointer
        var count = 0
        var isLast = false
        /// Raised after the slot's complete lines have been handed over, so that errors
        /// come in file order. Its line is unknown here (nil); the caller places it.
        var error: InputError?
    }

    private var source: any ByteSource
    private let batchBytes: Int
    private let maxLineBytes: Int
    private let name: String
    private var pendingError: InputError?
    private var slots: [Slot]
    /// Signalled when a slot has been filled; waited for by the caller.
    private let filled = DispatchSemaphore(value: 0)
    /// Signalled when the caller hands a slot back; waited for by the reading thread.
    /// (Created at 0 and signalled twice: libdispatch refuses to free a semaphore whose
    /// count is below the one it was created with.)
    private let free = DispatchSemaphore(value: 0)
    private let done = DispatchGroup()
    private var cancelled = false
    private var nextSlot = 0
    private var holding = false
    private var finished = false
    private let readAhead: Bool
    /// Without read-ahead: the part line after the last batch handed out.
    private var partLine: [UInt8] = []

    init(_ source: any ByteSource, name: String, batchBytes: Int, maxLineBytes: Int, readAhead: Bool = true) {
        self.source = source
        self.name = name
        self.batchBytes = batchBytes
        self.maxLineBytes = maxLineBytes
        self.readAhead = readAhead
        slots = (0..<2).map { _ in Slot(buffer: .allocate(byteCount: batchBytes, alignment: 16)) }
        free.signal()
        free.signal()
        guard readAhead else { return }
        done.enter()
        DispatchQueue.global().async { [self] in
            produce()
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
        if readAhead {
            filled.wait()
        } else {
            _ = fill(nextSlot, carry: &partLine)
        }
        let slot = slots[nextSlot]
        nextSlot = (nextSlot + 1) % 2
        holding = true
        if slot.isLast { finished = true }
        if let error = slot.error {
            if slot.count == 0 { throw error }
            pendingError = error
        }
        if slot.count == 0 { return finished ? nil : UnsafeRawBufferPointer(start: slot.buffer.baseAddress, count: 0) }
        return UnsafeRawBufferPointer(start: slot.buffer.baseAddress, count: slot.count)
    }

    /// Stops reading and waits for the reading thread.
    func close() {
        guard !cancelled else { return }
        cancelled = true
        free.signal()
        free.signal()
        done.wait()
    }

    private func produce() {
        var carry: [UInt8] = []
        var k = 0
        while true {
            free.wait()
            if cancelled { return }
            let more = fill(k, carry: &carry)
            filled.signal()
            if !more { return }
            k = (k + 1) % 2
        }
    }

    /// Fills slot `k` with `carry` and the next whole lines of the source; keeps the part
    /// line that follows them in `carry`. Returns false when the slot is the last one (end
    /// of input, or an error).
    private func fill(_ k: Int, carry: inout [UInt8]) -> Bool {
        var slot = slots[k]
        var filledCount = carry.count
        if slot.buffer.count < carry.count * 2 { grow(&slot, to: carry.count * 2) }
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
                grow(&slot, to: min(slot.buffer.count * 2, max(maxLineBytes + 1, slot.buffer.count + 1)))
            }
        } catch {
            // Hand over the complete lines before the failure, then the failure.
            let bytes = UnsafeRawBufferPointer(start: slot.buffer.baseAddress, count: filledCount)
            slot.count = Self.lastNewline(bytes).map { $0 + 1 } ?? 0
            slot.error = error
            slot.isLast = true
            slots[k] = slot
            return false
        }
        carry = Array(UnsafeRawBufferPointer(rebasing: slot.buffer[usable..<filledCount]))
        slot.count = usable
        slot.isLast = atEnd
        slots[k] = slot
        return !atEnd
    }

    private func grow(_ slot: inout Slot, to size: Int) {
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        bigger.copyMemory(from: UnsafeRawBufferPointer(slot.buffer))
        slot.buffer.deallocate()
        slot.buffer = bigger
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
