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
    public private(set) var values: [Int] = []
    private var keyHashes: [UInt64] = []
    /// Slot holds entry index + 1; 0 marks an empty slot.
    private var slots: [Int32]
    private var mask: Int

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    public var count: Int { values.count }

    /// FNV-1a, 64 bits.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// The value stored for `key`, or nil.
    public func find(_ key: UnsafeRawBufferPointer) -> Int? {
        find(key, hash: Self.hash(key))
    }

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

    @discardableResult
    public mutating func insert(_ key: [UInt8], value: Int) -> Int? {
        key.withUnsafeBytes { insert($0, value: value) }
    }

    private func keyEquals(_ entry: Int, _ key: UnsafeRawBufferPointer) -> Bool {
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
