/// How one run's scores for one topic are put on a common scale before they are combined.
/// Each is computed over every document the run retrieved for the topic.
///
/// ```swift
/// ScoreNormalization.minmax.normalize([3, 2, 1])                // [1, 0.5, 0]
/// ScoreNormalization.tmm.normalize([3, 2, 1], lowerBound: -1)   // [1, 0.75, 0.5]
/// ```
public enum ScoreNormalization: String, Sendable, CaseIterable {
    /// The scores as they are.
    case none
    /// (s − min) / (max − min); 1 for every document when all scores are equal.
    case minmax
    /// (s − mean) / σ with the population standard deviation σ; 0 when σ is 0. The sums are
    /// taken from the highest score down.
    case zscore
    /// Theoretical min-max (Bruch et al.'s TM2C2): (s − L) / (max − L) for the run's lower
    /// bound L; 1 for every document when max = L.
    case tmm

    /// The normalised scores, in the order given. `lowerBound` is used by `tmm` only.
    public func normalize(_ scores: [Double], lowerBound: Double = 0) -> [Double] {
        let descending = scores.indices.sorted { scores[$0] > scores[$1] }
        return scores.withUnsafeBufferPointer { normalize($0, lowerBound: lowerBound, descending: descending) }
    }

    /// `descending` lists the indices of `scores` from the highest score down (ties in any
    /// order): z-score sums in that order, so that its mean and deviation do not depend on the
    /// order of the run's lines.
    func normalize(_ scores: UnsafeBufferPointer<Double>, lowerBound: Double, descending: [Int]) -> [Double] {
        [Double](unsafeUninitializedCapacity: scores.count) { buffer, initialized in
            if let out = buffer.baseAddress { normalize(scores, lowerBound: lowerBound, descending: descending, into: out) }
            initialized = scores.count
        }
    }

    /// The normalised scores written at `out` (room for `scores.count`). `descending` as
    /// above; nil when the scores are in that order already (they never rise).
    func normalize(_ scores: UnsafeBufferPointer<Double>, lowerBound: Double, descending: [Int]?,
                   into out: UnsafeMutablePointer<Double>) {
        guard !scores.isEmpty else { return }
        let n = scores.count
        switch self {
        case .none:
            out.update(from: scores.baseAddress!, count: n)
        case .minmax:
            var low = scores[0], high = scores[0]
            for s in scores {
                low = Swift.min(low, s)
                high = Swift.max(high, s)
            }
            let range = high - low
            if range == 0 { out.update(repeating: 1, count: n); return }
            for i in 0..<n { out[i] = (scores[i] - low) / range }
        case .zscore:
            var sum = 0.0
            if let descending {
                for i in descending { sum += scores[i] }
            } else {
                for s in scores { sum += s }
            }
            let mean = sum / Double(n)
            var squares = 0.0
            if let descending {
                for i in descending { squares += (scores[i] - mean) * (scores[i] - mean) }
            } else {
                for s in scores { squares += (s - mean) * (s - mean) }
            }
            let deviation = (squares / Double(n)).squareRoot()
            if deviation == 0 { out.update(repeating: 0, count: n); return }
            for i in 0..<n { out[i] = (scores[i] - mean) / deviation }
        case .tmm:
            var high = scores[0]
            for s in scores { high = Swift.max(high, s) }
            let range = high - lowerBound
            if range == 0 { out.update(repeating: 1, count: n); return }
            for i in 0..<n { out[i] = (scores[i] - lowerBound) / range }
        }
    }
}
