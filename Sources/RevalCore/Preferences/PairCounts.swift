/// A square table of 16-bit counts (trec_eval's COUNTS_ARRAY, which is `unsigned short`).
public struct PairCounts: Sendable, Equatable {
    public let size: Int
    private var counts: [UInt16]

    public init(size: Int) {
        self.size = size
        counts = [UInt16](repeating: 0, count: size * size)
    }

    public subscript(i: Int, j: Int) -> Int { Int(counts[i * size + j]) }

    /// Adds one, wrapping at 2^16 as trec_eval's counter does.
    public mutating func increment(_ i: Int, _ j: Int) { counts[i * size + j] &+= 1 }
}
