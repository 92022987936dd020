/// The `%.17g` text of scores met before, for fusions whose scores recur from topic to
/// topic: under RRF a document that one run alone retrieved at rank r scores 1/(k + r) in
/// every topic, so a few thousand values make up most lines. Direct-mapped on the bits of
/// the double; a miss writes through `SignificantDigits` and keeps the text.
/// One cache per thread; the owner calls `deallocate()` once.
struct ScoreTextCache {
    private static let slotCount = 4096
    /// Longest text kept (`-2.2250738585072014e-308`); longer texts are not kept.
    private static let textRoom = 24

    private let bits: UnsafeMutablePointer<UInt64>
    /// Per slot the text's length, 0 for an empty slot.
    private let lengths: UnsafeMutablePointer<UInt8>
    private let texts: UnsafeMutablePointer<UInt8>

    init() {
        bits = .allocate(capacity: Self.slotCount)
        bits.initialize(repeating: 0, count: Self.slotCount)
        lengths = .allocate(capacity: Self.slotCount)
        lengths.initialize(repeating: 0, count: Self.slotCount)
        texts = .allocate(capacity: Self.slotCount * Self.textRoom)
    }

    func deallocate() {
        bits.deallocate()
        lengths.deallocate()
        texts.deallocate()
    }

    /// Writes `%.17g` of `value` at `out`, which has room for `SignificantDigits.maxLength`
    /// bytes; returns the number of bytes written.
    @inline(__always)
    func write(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let key = value.bitPattern
        let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 52)
        let text = UnsafeMutableRawPointer(texts + slot * Self.textRoom)
        let length = Int(lengths[slot])
        let target = UnsafeMutableRawPointer(out)
        if length > 0 && bits[slot] == key {
            // Three words: the room at `out` is at least 24 bytes.
            for offset in stride(from: 0, to: Self.textRoom, by: 8) {
                target.storeBytes(of: text.load(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
            }
            return length
        }
        let written = SignificantDigits.write(value, to: out)
        if written <= Self.textRoom {
            text.copyMemory(from: target, byteCount: Self.textRoom)
            bits[slot] = key
            lengths[slot] = UInt8(truncatingIfNeeded: written)
        }
        return written
    }
}
