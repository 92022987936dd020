import RevalCore

/// k-means clustering (Lloyd's iterations) seeded by k-means++ (Arthur and Vassilvitskii,
/// SODA 2007), deterministic for a seed whatever the thread count.
///
/// Seeding: the first centre is the point at ⌊u·n⌋ for the generator's first unit draw u;
/// each further centre is drawn with probability D(x)²/Σ D(x)², D(x) the distance from x
/// to the nearest centre so far (a draw u·Σ, then the first point whose running sum in point
/// order exceeds it). Then until no point changes cluster or `maxIterations` is reached:
/// every point goes to its nearest centroid (the lowest-numbered of equal ones), every
/// centroid becomes the mean of its points (summed in point order). A cluster left empty
/// takes the point farthest from its centroid (the first of equal ones) from a cluster of
/// two or more.
///
/// Distances are squared Euclidean, ‖x‖² − 2x·c + ‖c‖². Only the assignment step runs on
/// several threads, each point alone, so no sum depends on how points are shared out.
///
/// ```swift
/// let points = DensePoints(matrix)
/// let result = try KMeans.cluster(points, k: 5, seed: 42, threads: 4)
/// result.assignments   // cluster of each point, 0..<5
/// ```
public enum KMeans {
    public struct Result: Sendable, Equatable {
        /// The cluster of each point, in 0..<k.
        public var assignments: [Int]
        /// k centroids of `dimension` values each, row-major.
        public var centroids: [Double]
        public var iterations: Int
        /// Whether the last iteration moved no point (else `maxIterations` stopped it).
        public var converged: Bool
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case tooFewPoints(points: Int, k: Int)
        case tooFewDistinctPoints(k: Int)

        public var description: String {
            switch self {
            case .tooFewPoints(let points, let k): return "\(points) points cannot make \(k) clusters; expected at least \(k)"
            case .tooFewDistinctPoints(let k): return "fewer than \(k) distinct points; expected at least \(k) to make \(k) clusters"
            }
        }
    }

    static let chunk = 1024

    public static func cluster<P: ClusterPoints>(_ points: P, k: Int, seed: UInt64, maxIterations: Int = 100,
                                                 threads: Int) throws(Failure) -> Result {
        let n = points.count, d = points.dimension
        guard k >= 1, n >= k else { throw .tooFewPoints(points: n, k: k) }
        var centroids = try seeds(points, k: k, seed: seed, threads: threads)
        var assignments = [Int](repeating: -1, count: n)
        var iterations = 0
        var converged = false
        while iterations < maxIterations {
            iterations += 1
            let (nearest, distances) = assign(points, centroids: centroids, k: k, threads: threads)
            let changed = nearest != assignments
            assignments = nearest
            if !changed {
                converged = true
                break
            }
            centroids = means(points, assignments: &assignments, distances: distances, k: k, dimension: d)
        }
        return Result(assignments: assignments, centroids: centroids, iterations: iterations, converged: converged)
    }

    /// k-means++ centres, row-major.
    static func seeds<P: ClusterPoints>(_ points: P, k: Int, seed: UInt64, threads: Int) throws(Failure) -> [Double] {
        let n = points.count, d = points.dimension
        var generator = SeededGenerator(seed: seed)
        var centroids = [Double](repeating: 0, count: k * d)
        func place(_ i: Int, as c: Int) {
            centroids.withUnsafeMutableBufferPointer { p in points.add(i, to: p.baseAddress! + c * d) }
        }
        place(min(n - 1, Int(generator.nextUnit() * Double(n))), as: 0)
        var nearest = squaredDistances(points, to: centroids, centre: 0, threads: threads)
        for c in 1..<max(1, k) {
            var total = 0.0
            for v in nearest { total += v }
            guard total > 0 else { throw .tooFewDistinctPoints(k: k) }
            let target = generator.nextUnit() * total
            var running = 0.0
            var chosen = -1
            for (i, v) in nearest.enumerated() where v > 0 {
                running += v
                chosen = i
                if running > target { break }
            }
            place(chosen, as: c)
            let next = squaredDistances(points, to: centroids, centre: c, threads: threads)
            for i in 0..<n where next[i] < nearest[i] { nearest[i] = next[i] }
        }
        return centroids
    }

    /// ‖x_i − c‖² for every point and centre `centre`.
    static func squaredDistances<P: ClusterPoints>(_ points: P, to centroids: [Double], centre c: Int, threads: Int) -> [Double] {
        let d = points.dimension
        let norm = (0..<d).reduce(0.0) { $0 + centroids[c * d + $1] * centroids[c * d + $1] }
        return centroids.withUnsafeBufferPointer { p in
            let base = UncheckedPointer(p.baseAddress.map { $0 + c * d })
            return parallelChunks(points.count, threads: threads) { i in
                guard let centre = base.pointer else { return 0 }
                return max(0, points.squaredNorm(i) - 2 * points.dot(i, centre) + norm)
            }
        }
    }

    /// The nearest centroid of every point and the squared distance to it.
    static func assign<P: ClusterPoints>(_ points: P, centroids: [Double], k: Int, threads: Int) -> ([Int], [Double]) {
        let d = points.dimension
        let norms = (0..<k).map { c in (0..<d).reduce(0.0) { $0 + centroids[c * d + $1] * centroids[c * d + $1] } }
        let pairs = centroids.withUnsafeBufferPointer { p in
            let base = UncheckedPointer(p.baseAddress)
            return parallelChunks(points.count, threads: threads) { i -> (Int, Double) in
                guard let base = base.pointer else { return (0, 0) }
                var best = 0
                var bestDistance = Double.infinity
                for c in 0..<k {
                    let distance = points.squaredNorm(i) - 2 * points.dot(i, base + c * d) + norms[c]
                    if distance < bestDistance {
                        best = c
                        bestDistance = distance
                    }
                }
                return (best, max(0, bestDistance))
            }
        }
        return (pairs.map(\.0), pairs.map(\.1))
    }

    /// The mean of each cluster's points; an empty cluster takes the farthest point of a
    /// cluster of two or more (and `assignments` is updated to say so).
    static func means<P: ClusterPoints>(_ points: P, assignments: inout [Int], distances: [Double], k: Int, dimension d: Int) -> [Double] {
        var distances = distances
        var counts = [Int](repeating: 0, count: k)
        for a in assignments { counts[a] += 1 }
        for c in 0..<k where counts[c] == 0 {
            var far = -1
            for i in 0..<points.count where counts[assignments[i]] > 1 && (far < 0 || distances[i] > distances[far]) { far = i }
            guard far >= 0 else { break }
            counts[assignments[far]] -= 1
            assignments[far] = c
            counts[c] = 1
            distances[far] = 0
        }
        var sums = [Double](repeating: 0, count: k * d)
        sums.withUnsafeMutableBufferPointer { p in
            guard let base = p.baseAddress else { return }
            for i in 0..<points.count { points.add(i, to: base + assignments[i] * d) }
        }
        for c in 0..<k where counts[c] > 0 {
            for j in 0..<d { sums[c * d + j] /= Double(counts[c]) }
        }
        return sums
    }

    /// `(0..<count).map(body)` in chunks of `chunk` points on up to `threads` threads.
    static func parallelChunks<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
        let chunks = (count + chunk - 1) / chunk
        return parallelMap(chunks, threads: threads) { c in
            (c * chunk ..< min(count, (c + 1) * chunk)).map(body)
        }.flatMap { $0 }
    }
}
