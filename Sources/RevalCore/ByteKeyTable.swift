/// An open-addressing hash table from byte strings to small integer values.
///
/// Keys are copied into one arena, so a lookup from a slice of an input buffer
/// allocates nothing. Used to judge run documents against the qrels without
/// turning every docno of a 7-million-line run into a `String`.
///
/// ```swift
/// var table = ByteKeyTable()
/// _ = table.insert(Array("FBIS3-1".utf8), value: 2)
/// Array("FBIS3-1".utf8).withUnsafeBytes { table.find($0) }  // 2
/// ```
public struct ByteKeyTable: Sendable {
    private var arena: [UInt8] = []
    private var keyStarts: [Int] = []
    private var keyEnds: [Int] = []
    /// The value of each key, in insertion order.
    public private(set) var values: [Int] = []
    private var keyHashes: [UInt64] = []
    /// Slot holds entry index + 1; 0 marks an empty slot.
    private var slots: [Int32]
    private var mask: Int

    /// An empty table sized for about `capacity` keys before it grows; with `keyBytes` above
    /// 0, also with room for that many key bytes and `capacity` entries.
    public init(capacity: Int = 16, keyBytes: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        guard keyBytes > 0 else { return }
        arena.reserveCapacity(keyBytes)
        keyStarts.reserveCapacity(capacity)
        keyEnds.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        keyHashes.reserveCapacity(capacity)
    }

    /// The number of keys.
    public var count: Int { values.count }

    /// A fast 64-bit hash of a short byte string: eight bytes at a time, multiply-mixed.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return mix(h) }
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            h = mix(h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        let rest = n - i
        if rest >= 4 {
            // Two overlapping 4-byte loads cover 4 to 7 bytes.
            let low = UInt64(base.loadUnaligned(fromByteOffset: i, as: UInt32.self))
            let high = UInt64(base.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            h = mix(h ^ (low | high << 32))
        } else if rest > 0 {
            var tail = UInt64(base.load(fromByteOffset: i, as: UInt8.self))
            tail |= UInt64(base.load(fromByteOffset: i + rest / 2, as: UInt8.self)) << 8
            tail |= UInt64(base.load(fromByteOffset: n - 1, as: UInt8.self)) << 16
            h = mix(h ^ tail)
        }
        return h
    }

    @inlinable
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xbf58_476d_1ce4_e5b9
        z ^= z >> 31
        z = z &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 29)
    }

    /// The value stored for `key`, or nil.
    public func find(_ key: UnsafeRawBufferPointer) -> Int? {
        find(key, hash: Self.hash(key))
    }

    /// The value of `key`, whose `hash(_:)` the caller computed already; nil when absent.
    public func find(_ key: UnsafeRawBufferPointer, hash: UInt64) -> Int? {
        if let entry = entryIndex(key, hash: hash) { return values[entry] }
        return nil
    }

    /// Index of the entry for `key` (0-based, in insertion order), or nil.
    public func entryIndex(_ key: UnsafeRawBufferPointer, hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            let entry = stored - 1
            if keyHashes[entry] == hash && keyEquals(entry, key) { return entry }
            slot = (slot + 1) & mask
        }
    }

    /// The key bytes of entry `index`.
    public func key(at index: Int) -> ArraySlice<UInt8> {
        arena[keyStarts[index]..<keyEnds[index]]
    }

    /// Inserts `key` with `value` unless present. Returns the existing entry index when
    /// the key was already there, nil when it was inserted.
    @discardableResult
    public mutating func insert(_ key: UnsafeRawBufferPointer, value: Int) -> Int? {
        let hash = Self.hash(key)
        if let existing = entryIndex(key, hash: hash) { return existing }
        if (values.count + 1) * 2 > slots.count { grow() }
        keyStarts.append(arena.count)
        arena.append(contentsOf: key)
        keyEnds.append(arena.count)
        values.append(value)
        keyHashes.append(hash)
        place(values.count - 1, hash: hash)
        return nil
    }

    /// Adds `key` with `value`; when the key is present already, leaves it and returns its index.
    @discardableResult
    public mutating func insert(_ key: [UInt8], value: Int) -> Int? {
        key.withUnsafeBytes { insert($0, value: value) }
    }

    func keyEquals(_ entry: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = keyStarts[entry]
        let length = keyEnds[entry] - start
        guard length == key.count else { return false }
        if length == 0 { return true }
        return arena.withUnsafeBytes { stored in
            memcmpBytes(stored.baseAddress! + start, key.baseAddress!, length) == 0
        }
    }

    private mutating func place(_ entry: Int, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for entry in 0..<values.count { place(entry, hash: keyHashes[entry]) }
    }
}
