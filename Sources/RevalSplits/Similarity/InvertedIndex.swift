import RevalCore

/// The training queries' TF-IDF vectors by term, for finding each test query's most
/// similar training query without comparing it with all of them.
///
/// A test query's cosine with every training query that shares a term with it is summed
/// from the postings of its terms (in ascending term order, each posting list in training
/// order), so only those training queries are touched. The nearest is the highest cosine;
/// of equal ones, the training query that comes first. The result is the same for any
/// thread count: each test query is scored alone.
///
/// ```swift
/// let model = TFIDFModel(training: training.map(\.text))
/// let index = InvertedIndex(model: model, training: training.map(\.text))
/// let nearest = index.nearest(to: [model.vector("cheap hotels", addingTerms: false)], threads: 4)
/// ```
public struct InvertedIndex: Sendable {
    /// postingStarts[t] ..< postingStarts[t + 1] are term t's postings.
    private var postingStarts: [Int]
    private var postingDocuments: [Int32]
    private var postingWeights: [Double]
    public let trainingCount: Int

    public init(vectors: [SparseVector], termCount: Int) {
        trainingCount = vectors.count
        var counts = [Int](repeating: 0, count: termCount + 1)
        for v in vectors { for t in v.indices where Int(t) < termCount { counts[Int(t) + 1] += 1 } }
        for t in 0..<termCount { counts[t + 1] += counts[t] }
        postingStarts = counts
        var fill = counts
        postingDocuments = [Int32](repeating: 0, count: counts[termCount])
        postingWeights = [Double](repeating: 0, count: counts[termCount])
        for (d, v) in vectors.enumerated() {
            for (t, w) in zip(v.indices, v.values) where Int(t) < termCount {
                postingDocuments[fill[Int(t)]] = Int32(d)
                postingWeights[fill[Int(t)]] = w
                fill[Int(t)] += 1
            }
        }
    }

    public init(model: TFIDFModel, training texts: [String]) {
        self.init(vectors: texts.map(model.trainingVector), termCount: model.termCount)
    }

    /// The nearest training query of each query, in the order given.
    public func nearest(to queries: [SparseVector], threads: Int) -> [NearestNeighbour] {
        let blockSize = 256
        let blocks = (queries.count + blockSize - 1) / blockSize
        let results = parallelMap(blocks, threads: threads) { block -> [NearestNeighbour] in
            var scores = [Double](repeating: 0, count: trainingCount)
            var touched = [Bool](repeating: false, count: trainingCount)
            var list: [Int32] = []
            let range = block * blockSize ..< min(queries.count, (block + 1) * blockSize)
            return range.map { nearest(to: queries[$0], scores: &scores, touched: &touched, list: &list) }
        }
        return results.flatMap { $0 }
    }

    /// Scores one query into `scores` (all zero on entry and on return).
    private func nearest(to query: SparseVector, scores: inout [Double], touched: inout [Bool],
                         list: inout [Int32]) -> NearestNeighbour {
        list.removeAll(keepingCapacity: true)
        for (t, w) in zip(query.indices, query.values) where Int(t) + 1 < postingStarts.count {
            for p in postingStarts[Int(t)] ..< postingStarts[Int(t) + 1] {
                let d = Int(postingDocuments[p])
                if !touched[d] {
                    touched[d] = true
                    list.append(Int32(d))
                }
                scores[d] += w * postingWeights[p]
            }
        }
        var best: Int?
        var bestScore = 0.0
        for d32 in list {
            let d = Int(d32)
            let s = scores[d]
            scores[d] = 0
            touched[d] = false
            if let b = best, s < bestScore || (s == bestScore && d > b) { continue }
            best = d
            bestScore = s
        }
        return NearestNeighbour(trainingIndex: best, similarity: best == nil ? 0 : bestScore)
    }
}
