/// The points k-means clusters, seen only through the operations it needs, so dense
/// embeddings and sparse TF-IDF vectors share one implementation. Centroids are dense
/// arrays of `dimension` doubles.
public protocol ClusterPoints: Sendable {
    var count: Int { get }
    var dimension: Int { get }
    /// ‖x_i‖².
    func squaredNorm(_ i: Int) -> Double
    /// x_i · c.
    func dot(_ i: Int, _ centroid: UnsafePointer<Double>) -> Double
    /// c += x_i.
    func add(_ i: Int, to centroid: UnsafeMutablePointer<Double>)
}

/// Rows of an embedding matrix as k-means points.
public struct DensePoints: ClusterPoints {
    public let matrix: EmbeddingMatrix
    private let norms: [Double]

    public init(_ matrix: EmbeddingMatrix) {
        self.matrix = matrix
        let d = matrix.dimension
        norms = (0..<matrix.count).map { i in
            var s = 0.0
            for k in i * d ..< (i + 1) * d { s += Double(matrix.values[k]) * Double(matrix.values[k]) }
            return s
        }
    }

    public var count: Int { matrix.count }
    public var dimension: Int { matrix.dimension }
    public func squaredNorm(_ i: Int) -> Double { norms[i] }

    public func dot(_ i: Int, _ centroid: UnsafePointer<Double>) -> Double {
        matrix.values.withUnsafeBufferPointer { v in
            let d = matrix.dimension, base = i * d
            var s = 0.0
            for k in 0..<d { s += Double(v[base + k]) * centroid[k] }
            return s
        }
    }

    public func add(_ i: Int, to centroid: UnsafeMutablePointer<Double>) {
        let d = matrix.dimension, base = i * d
        matrix.values.withUnsafeBufferPointer { v in
            for k in 0..<d { centroid[k] += Double(v[base + k]) }
        }
    }
}

/// Sparse vectors (TF-IDF) as k-means points.
public struct SparsePoints: ClusterPoints {
    public let vectors: [SparseVector]
    public let dimension: Int
    private let norms: [Double]

    public init(_ vectors: [SparseVector], dimension: Int) {
        self.vectors = vectors
        self.dimension = dimension
        norms = vectors.map { $0.values.reduce(0) { $0 + $1 * $1 } }
    }

    public var count: Int { vectors.count }
    public func squaredNorm(_ i: Int) -> Double { norms[i] }

    public func dot(_ i: Int, _ centroid: UnsafePointer<Double>) -> Double {
        var s = 0.0
        let v = vectors[i]
        for (t, w) in zip(v.indices, v.values) { s += w * centroid[Int(t)] }
        return s
    }

    public func add(_ i: Int, to centroid: UnsafeMutablePointer<Double>) {
        let v = vectors[i]
        for (t, w) in zip(v.indices, v.values) { centroid[Int(t)] += w }
    }
}

/// Two point sets one after the other (training then test queries), clustered together.
public struct ConcatenatedPoints<A: ClusterPoints, B: ClusterPoints>: ClusterPoints {
    public let first: A
    public let second: B

    public init(_ first: A, _ second: B) {
        precondition(first.dimension == second.dimension || first.count == 0 || second.count == 0, "dimensions differ")
        self.first = first
        self.second = second
    }

    public var count: Int { first.count + second.count }
    public var dimension: Int { max(first.dimension, second.dimension) }
    public func squaredNorm(_ i: Int) -> Double { i < first.count ? first.squaredNorm(i) : second.squaredNorm(i - first.count) }
    public func dot(_ i: Int, _ c: UnsafePointer<Double>) -> Double { i < first.count ? first.dot(i, c) : second.dot(i - first.count, c) }
    public func add(_ i: Int, to c: UnsafeMutablePointer<Double>) {
        if i < first.count { first.add(i, to: c) } else { second.add(i - first.count, to: c) }
    }
}
