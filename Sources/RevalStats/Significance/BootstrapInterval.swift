/// The percentile bootstrap confidence interval of the mean difference (Efron and
/// Tibshirani 1993, ch. 13; in IR: Sakai, SIGIR 2006):
///
/// B times, draw n topics with replacement and take the mean of their differences d̄*₁…d̄*_B;
/// the interval at confidence c is [q(α/2), q(1 − α/2)], α = 1 − c, with q numpy's default
/// ('linear') quantile of the B means (``Quantile``).
///
/// Topic indices are uniform in 0..<n (Lemire's unbiased method, ``Xoshiro256StarStar/below(_:)``);
/// resamples are cut into chunks of 1,024, chunk k drawing from its own stream
/// (``RandomStreams``), so the interval depends only on the differences, B, c and the seed,
/// never on the thread count. A resample's mean is its differences added in draw order,
/// divided by n.
///
/// ```swift
/// let interval = BootstrapInterval(scores, resamples: 10_000, confidence: 0.95, seed: 1)
/// interval.low, interval.high
/// ```
public struct BootstrapInterval: Sendable {
    public let low: Double?
    public let high: Double?
    public let resamples: Int
    public let confidence: Double
    public let note: String?

    static let chunkSize = 1_024

    /// - Parameters:
    ///   - resamples: B ≥ 1.
    ///   - confidence: c, with 0 < c < 1.
    public init(_ scores: PairedScores, resamples: Int, confidence: Double, seed: UInt64, threads: Int = 1) {
        self.resamples = resamples
        self.confidence = confidence
        let d = scores.differences
        let n = d.count
        guard n >= 1, resamples >= 1 else {
            (low, high) = (nil, nil)
            note = n == 0 ? "bootstrap needs at least 1 topic" : "bootstrap needs at least 1 resample"
            return
        }
        let chunks = ChunkedTrials(trials: resamples, chunkSize: Self.chunkSize)
        let means = chunks.map(threads: threads, work: Double(resamples) * Double(n) * 2) { chunk, range in
            Self.resampleMeans(range.count, d, random: RandomStreams.generator(seed: seed, purpose: .bootstrap, chunk: chunk))
        }
        let sorted = means.joined().sorted()
        let alpha = 1 - confidence
        low = Quantile.linear(sorted: sorted, alpha / 2)
        high = Quantile.linear(sorted: sorted, 1 - alpha / 2)
        note = nil
    }

    static func resampleMeans(_ count: Int, _ d: [Double], random: Xoshiro256StarStar) -> [Double] {
        var random = random
        let n = d.count
        return d.withUnsafeBufferPointer { d in
            (0..<count).map { _ in
                var sum = 0.0
                for _ in 0..<n { sum += d[random.below(n)] }
                return sum / Double(n)
            }
        }
    }
}
