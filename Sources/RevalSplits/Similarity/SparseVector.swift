/// A vector stored as its nonzero entries, by ascending term index.
public struct SparseVector: Sendable, Equatable {
    public var indices: [Int32]
    public var values: [Double]

    public init(indices: [Int32] = [], values: [Double] = []) {
        self.indices = indices
        self.values = values
    }

    public var isEmpty: Bool { indices.isEmpty }

    /// The Euclidean norm.
    public var norm: Double { values.reduce(0) { $0 + $1 * $1 }.squareRoot() }
}
