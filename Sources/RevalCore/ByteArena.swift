/// Growable bytes with value semantics, for docnos: appending copies with memcpy instead
/// of going through Array's generic append, which costs more than parsing the docno.
/// Copies share storage until one of them appends (copy on write).
public struct ByteArena: Sendable {
    final class Storage: @unchecked Sendable {
        var bytes: UnsafeMutableRawPointer
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            bytes = .allocate(byteCount: self.capacity, alignment: 8)
        }

        deinit { bytes.deallocate() }

        func copy() -> Storage {
            let clone = Storage(capacity: capacity)
            clone.bytes.copyMemory(from: bytes, byteCount: count)
            clone.count = count
            return clone
        }
    }

    private var storage: Storage
    /// Shared by every arena that has not appended yet, so empty arenas cost nothing.
    private static let empty = Storage(capacity: 0)

    public init() { storage = Self.empty }

    /// An empty arena with room for `capacity` bytes before it grows.
    public init(capacity: Int) { storage = Storage(capacity: capacity) }

    /// An arena of exactly `count` bytes, written by `initialize` (which must write all).
    public init(count: Int, initializingWith initialize: (UnsafeMutableRawPointer) -> Void) {
        storage = Storage(capacity: count)
        initialize(storage.bytes)
        storage.count = count
    }

    /// The number of bytes held.
    public var count: Int { storage.count }

    /// Appends a copy of `bytes` (copying the storage first if another arena shares it).
    @inline(__always)
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        let needed = storage.count + bytes.count
        if needed > storage.capacity { grow(to: needed) }
        if let base = bytes.baseAddress {
            (storage.bytes + storage.count).copyMemory(from: base, byteCount: bytes.count)
        }
        storage.count = needed
    }

    private mutating func grow(to needed: Int) {
        var capacity = storage.capacity * 2
        while capacity < needed { capacity *= 2 }
        let bigger = Storage(capacity: capacity)
        bigger.bytes.copyMemory(from: storage.bytes, byteCount: storage.count)
        bigger.count = storage.count
        storage = bigger
    }

    /// The bytes, valid during `body`.
    @inline(__always)
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) {
            try body(UnsafeRawBufferPointer(start: storage.bytes, count: storage.count))
        }
    }
}
