/// A square matrix of bits, a row of 64-bit words per row: `matrix[i, j]` says whether
/// document i is preferred to document j. Its transitive closure takes n³/64 word steps.
public struct BitMatrix: Sendable, Equatable {
    public let size: Int
    private let wordsPerRow: Int
    private var words: [UInt64]

    public init(size: Int) {
        self.size = size
        wordsPerRow = (size + 63) / 64
        words = [UInt64](repeating: 0, count: wordsPerRow * size)
    }

    public subscript(i: Int, j: Int) -> Bool {
        get { words[i * wordsPerRow + (j >> 6)] & (1 << UInt64(j & 63)) != 0 }
        set {
            let bit: UInt64 = 1 << UInt64(j & 63)
            if newValue { words[i * wordsPerRow + (j >> 6)] |= bit } else { words[i * wordsPerRow + (j >> 6)] &= ~bit }
        }
    }

    /// Adds every pair (i, j) joined by a path of one or more steps (Warshall's algorithm).
    /// The diagonal is set only where a document lies on a cycle.
    public mutating func formTransitiveClosure() {
        let w = wordsPerRow
        words.withUnsafeMutableBufferPointer { m in
            for k in 0..<size {
                let kWord = k >> 6, kBit: UInt64 = 1 << UInt64(k & 63)
                for i in 0..<size where m[i * w + kWord] & kBit != 0 {
                    for x in 0..<w { m[i * w + x] |= m[k * w + x] }
                }
            }
        }
    }

    /// Clears the diagonal: nothing is preferred to itself.
    public mutating func clearDiagonal() {
        for i in 0..<size { self[i, i] = false }
    }
}
