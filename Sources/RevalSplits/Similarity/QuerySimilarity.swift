/// The two ways `reval split make` compares queries, each as one call: TF-IDF cosine of the
/// texts, or the cosine of given embeddings; and k-means buckets over either.
///
/// ```swift
/// let nearest = QuerySimilarity.nearestLexical(training: trainTexts, test: testTexts, threads: 4)
/// let clusters = try QuerySimilarity.clusterLexical(training: trainTexts, test: testTexts,
///                                                   k: 5, seed: 42, threads: 4)
/// ```
public enum QuerySimilarity {
    /// Each test text's nearest training text by TF-IDF cosine (`TFIDFModel`, `InvertedIndex`).
    public static func nearestLexical(training: [String], test: [String], threads: Int) -> [NearestNeighbour] {
        var model = TFIDFModel(training: training)
        let index = InvertedIndex(model: model, training: training)
        let queries = test.map { model.vector($0, addingTerms: false) }
        return index.nearest(to: queries, threads: threads)
    }

    /// Each test embedding's nearest training embedding by cosine; both matrices are
    /// normalised here (a zero vector is an error of `normalised`).
    public static func nearestDense(training: EmbeddingMatrix, test: EmbeddingMatrix, threads: Int) -> [NearestNeighbour] {
        DenseNearestNeighbours.nearest(queries: test, training: training, threads: threads)
    }

    /// k-means over the TF-IDF vectors of the training texts, then the test texts (test-only
    /// terms get dimensions of their own). Assignments: training first, then test.
    public static func clusterLexical(training: [String], test: [String], k: Int, seed: UInt64,
                                      maxIterations: Int = 100, threads: Int) throws(KMeans.Failure) -> KMeans.Result {
        var model = TFIDFModel(training: training)
        var vectors = training.map(model.trainingVector)
        for text in test { vectors.append(model.vector(text, addingTerms: true)) }
        return try KMeans.cluster(SparsePoints(vectors, dimension: model.termCount), k: k, seed: seed,
                                  maxIterations: maxIterations, threads: threads)
    }

    /// k-means over unit-length training embeddings, then test embeddings (so distances
    /// order as cosines do). Assignments: training first, then test.
    public static func clusterDense(training: EmbeddingMatrix, test: EmbeddingMatrix, k: Int, seed: UInt64,
                                    maxIterations: Int = 100, threads: Int) throws(KMeans.Failure) -> KMeans.Result {
        try KMeans.cluster(ConcatenatedPoints(DensePoints(training), DensePoints(test)), k: k, seed: seed,
                           maxIterations: maxIterations, threads: threads)
    }
}
