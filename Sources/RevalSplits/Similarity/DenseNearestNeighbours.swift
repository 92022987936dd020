import RevalCore

/// Each test query's most similar training query by the dot product of unit-length
/// embeddings (their cosine), comparing every test query with every training query.
///
/// The work is blocked for the caches: 64 test rows at a time (one task per block, on all
/// threads), against 512 training rows at a time, four test rows against one training row
/// in the innermost loop. Every dot product is summed in the same order whatever the
/// blocking and the thread count (eight lanes over the dimensions, then the lanes, then the
/// dimensions left over), so the result is the same for any thread count. Of equal
/// similarities, the training query that comes first wins.
///
/// ```swift
/// let nearest = DenseNearestNeighbours.nearest(queries: test, training: train, threads: 4)
/// ```
public enum DenseNearestNeighbours {
    static let queryBlock = 64
    static let trainingBlock = 512

    /// Both matrices must be unit-length rows of the same dimension.
    public static func nearest(queries: EmbeddingMatrix, training: EmbeddingMatrix, threads: Int) -> [NearestNeighbour] {
        precondition(queries.dimension == training.dimension, "dimensions differ")
        let blocks = (queries.count + queryBlock - 1) / queryBlock
        let perBlock = queries.values.withUnsafeBufferPointer { q in
            training.values.withUnsafeBufferPointer { t in
                let q = UncheckedPointer(q.baseAddress), t = UncheckedPointer(t.baseAddress)
                return parallelMap(blocks, threads: threads) { block in
                    let start = block * queryBlock
                    return nearest(q.pointer, rows: start ..< min(queries.count, start + queryBlock),
                                   training: t.pointer, trainingCount: training.count, dimension: queries.dimension)
                }
            }
        }
        return perBlock.flatMap { $0 }
    }

    private static func nearest(_ q: UnsafePointer<Float>?, rows: Range<Int>, training t: UnsafePointer<Float>?,
                                trainingCount: Int, dimension d: Int) -> [NearestNeighbour] {
        var best = [Int](repeating: -1, count: rows.count)
        var bestScore = [Float](repeating: -.infinity, count: rows.count)
        guard let q, let t, d > 0 else {
            return rows.map { _ in NearestNeighbour(trainingIndex: trainingCount > 0 ? 0 : nil, similarity: 0) }
        }
        var chunk = 0
        while chunk < trainingCount {
            let chunkEnd = min(trainingCount, chunk + trainingBlock)
            var r = 0
            while r + 4 <= rows.count {
                let base = q + (rows.lowerBound + r) * d
                for j in chunk ..< chunkEnd {
                    let s = dot4(base, base + d, base + 2 * d, base + 3 * d, t + j * d, d)
                    for k in 0..<4 where s[k] > bestScore[r + k] {
                        bestScore[r + k] = s[k]
                        best[r + k] = j
                    }
                }
                r += 4
            }
            while r < rows.count {
                let row = q + (rows.lowerBound + r) * d
                for j in chunk ..< chunkEnd {
                    let s = dot(row, t + j * d, d)
                    if s > bestScore[r] {
                        bestScore[r] = s
                        best[r] = j
                    }
                }
                r += 1
            }
            chunk = chunkEnd
        }
        return (0..<rows.count).map {
            best[$0] < 0 ? NearestNeighbour(trainingIndex: nil, similarity: 0)
                : NearestNeighbour(trainingIndex: best[$0], similarity: Double(bestScore[$0]))
        }
    }

    /// a · b over `d` floats: eight lanes, then the lanes, then the rest.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ d: Int) -> Float {
        var acc = SIMD8<Float>()
        var k = 0
        while k + 8 <= d {
            acc += load(a + k) * load(b + k)
            k += 8
        }
        var s = acc.sum()
        while k < d {
            s += a[k] * b[k]
            k += 1
        }
        return s
    }

    /// Four dot products with one row `b`, each summed exactly as `dot` sums it.
    @inline(__always)
    static func dot4(_ a0: UnsafePointer<Float>, _ a1: UnsafePointer<Float>, _ a2: UnsafePointer<Float>,
                     _ a3: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ d: Int) -> SIMD4<Float> {
        var c0 = SIMD8<Float>(), c1 = SIMD8<Float>(), c2 = SIMD8<Float>(), c3 = SIMD8<Float>()
        var k = 0
        while k + 8 <= d {
            let x = load(b + k)
            c0 += load(a0 + k) * x
            c1 += load(a1 + k) * x
            c2 += load(a2 + k) * x
            c3 += load(a3 + k) * x
            k += 8
        }
        var s = SIMD4<Float>(c0.sum(), c1.sum(), c2.sum(), c3.sum())
        while k < d {
            s[0] += a0[k] * b[k]
            s[1] += a1[k] * b[k]
            s[2] += a2[k] * b[k]
            s[3] += a3[k] * b[k]
            k += 1
        }
        return s
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }
}

/// A pointer handed to worker threads that only read through it.
struct UncheckedPointer<T>: @unchecked Sendable {
    let pointer: UnsafePointer<T>?
    init(_ pointer: UnsafePointer<T>?) { self.pointer = pointer }
}
