/// The training query most similar to one test query.
public struct NearestNeighbour: Sendable, Equatable {
    /// Index of the training query, or nil when the test query shares nothing with any
    /// (TF-IDF: no common term; its similarity is then 0).
    public var trainingIndex: Int?
    /// Cosine similarity to that training query.
    public var similarity: Double

    public init(trainingIndex: Int?, similarity: Double) {
        self.trainingIndex = trainingIndex
        self.similarity = similarity
    }
}
