import RevalCore

/// The distinct docnos of one topic over several runs, each with an index in order of
/// first appearance: an open-addressing table over the docnos' bytes, sized once for the
/// most documents the runs can bring, so it never grows.
struct DocnoUnion {
    private(set) var bytes: ByteArena
    private(set) var ends: [UInt32] = []
    private var hashes: [UInt64] = []
    /// Slot holds index + 1; 0 marks an empty slot.
    private var slots: [Int32]
    private let mask: Int

    init(capacity: Int, byteCapacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        bytes = ByteArena(capacity: byteCapacity)
        ends.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    var count: Int { ends.count }

    @inline(__always)
    func start(_ index: Int) -> Int { index == 0 ? 0 : Int(ends[index - 1]) }

    /// The index of `docno`, and whether it was added just now.
    @inline(__always)
    mutating func index(of docno: UnsafeRawBufferPointer) -> (index: Int, added: Bool) {
        let hash = ByteKeyTable.hash(docno)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            let index = stored - 1
            if hashes[index] == hash && equals(index, docno) { return (index, false) }
            slot = (slot + 1) & mask
        }
        bytes.append(docno)
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
        hashes.append(hash)
        slots[slot] = Int32(ends.count)
        return (ends.count - 1, true)
    }

    @inline(__always)
    private func equals(_ index: Int, _ docno: UnsafeRawBufferPointer) -> Bool {
        let from = start(index)
        let length = Int(ends[index]) - from
        guard length == docno.count else { return false }
        if length == 0 { return true }
        return bytes.withUnsafeBytes { memcmpBytes($0.baseAddress! + from, docno.baseAddress!, length) == 0 }
    }
}
