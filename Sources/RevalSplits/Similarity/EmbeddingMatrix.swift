import RevalFormats

/// Query embeddings: one row of `dimension` 32-bit floats per id, row-major.
///
/// ```swift
/// var m = EmbeddingMatrix(dimension: 2)
/// m.append(id: "q1", vector: [3, 4])
/// let unit = try m.normalised(source: "q.jsonl")   // q1 → [0.6, 0.8]
/// ```
public struct EmbeddingMatrix: Sendable, Equatable {
    public private(set) var ids: [String] = []
    public let dimension: Int
    public private(set) var values: [Float] = []
    /// The source line (JSONL) or row (npy, 1-based) of each vector, for messages.
    public private(set) var lines: [Int] = []

    public init(dimension: Int) { self.dimension = dimension }

    public var count: Int { ids.count }

    public mutating func append(id: String, vector: [Float], line: Int = 0) {
        ids.append(id)
        values.append(contentsOf: vector)
        lines.append(line)
    }

    public func row(_ i: Int) -> ArraySlice<Float> { values[i * dimension ..< (i + 1) * dimension] }

    /// The rows scaled to length 1 (the length computed in double precision), so that dot
    /// products are cosines. A row of zeros has no direction: an error at its line.
    public func normalised(source: String) throws(InputError) -> EmbeddingMatrix {
        var unit = self
        for i in 0..<count {
            var squares = 0.0
            for k in i * dimension ..< (i + 1) * dimension { squares += Double(values[k]) * Double(values[k]) }
            let norm = squares.squareRoot()
            guard norm > 0, norm.isFinite else {
                throw InputError(file: source, line: lines[i],
                                 message: "the vector of '\(ids[i])' is \(norm > 0 ? "not finite" : "all zeros"); expected a direction for the cosine")
            }
            for k in i * dimension ..< (i + 1) * dimension { unit.values[k] = Float(Double(values[k]) / norm) }
        }
        return unit
    }

    /// The rows of `wanted`, in that order. An id without a vector is an error naming
    /// `purpose` (the topics the ids came from).
    public func selecting(_ wanted: [String], source: String, purpose: String) throws(InputError) -> EmbeddingMatrix {
        var position: [String: Int] = [:]
        for (i, id) in ids.enumerated() where position[id] == nil { position[id] = i }
        var picked = EmbeddingMatrix(dimension: dimension)
        picked.values.reserveCapacity(wanted.count * dimension)
        for id in wanted {
            guard let i = position[id] else {
                throw InputError(file: source, message: "no vector for topic '\(id)' of \(purpose); expected one per topic")
            }
            picked.ids.append(id)
            picked.values.append(contentsOf: row(i))
            picked.lines.append(lines[i])
        }
        return picked
    }
}
