/// A growable byte buffer that fused lines are written into through a pointer, handed from
/// the thread that fills it to the one that writes it to the file and back, to be filled
/// again: a chunk of fused topics costs no allocation once the buffers are large enough.
///
/// `@unchecked Sendable`: one thread at a time owns a buffer; whoever hands it over (a
/// queue, a semaphore) orders the accesses.
///
/// ```swift
/// let bytes = FusedBytes()
/// try fuser.fuse(topic: "1", runs: [a, b], into: bytes)
/// try file.write(bytes.contents)
/// bytes.removeAll()
/// ```
public final class FusedBytes: @unchecked Sendable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes written.
    public private(set) var count = 0

    public init(capacity: Int = 1 << 16) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written, valid until the buffer is written to again.
    public var contents: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Forgets the contents, keeping the room.
    public func removeAll() { count = 0 }

    /// Appends `bytes`.
    public func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { bytes in
            guard let from = bytes.baseAddress else { return }
            let end = reserve(bytes.count)
            end.update(from: from, count: bytes.count)
            count += bytes.count
        }
    }

    /// Makes room for `n` more bytes and returns where they go; `didWrite` then counts
    /// those actually written.
    @inline(__always)
    func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > capacity {
            let grown = max(count + n, capacity * 2)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            bigger.update(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity = grown
        }
        return base + count
    }

    @inline(__always)
    func didWrite(_ n: Int) { count += n }
}
