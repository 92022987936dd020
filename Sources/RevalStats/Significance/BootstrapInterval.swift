/// The percentile bootstrap confidence interval of the mean difference (Efron and
/// Tibshirani 1993, ch. 13; in IR: Sakai, SIGIR 2006):
///
/// B times, draw n topics with replacement and take the mean of their differences d̄*₁…d̄*_B;
/// the interval at confidence c is [q(α/2), q(1 − α/2)], α = 1 − c, with q numpy's default
/// ('linear') quantile of the B means (``Quantile``).
///
/// The p-value dual to the interval, p = min(1, 2·min(#{d̄*_b ≤ 0}, #{d̄*_b ≥ 0}) / B) (Efron and
/// Tibshirani 1993, §16.4, the achieved significance level of the percentile method): the
/// interval at confidence c excludes 0 about when p < 1 − c.
///
/// Topic indices are uniform in 0..<n (Lemire's unbiased method on 32-bit halves of the
/// generator's outputs, ``TopicDraws``). Resample r draws from its own stream r
/// (``RandomStreams``); resamples run in chunks of 1,024 on several threads. The interval
/// depends only on the differences, B, c and the seed, never on the thread count. A resample's mean is its differences added into four running
/// sums (draw k into sum k mod 4), combined as (s₀ + s₁) + (s₂ + s₃), divided by n.
///
/// ```swift
/// let interval = BootstrapInterval(scores, resamples: 10_000, confidence: 0.95, seed: 1)
/// interval.low, interval.high
/// ```
public struct BootstrapInterval: Sendable {
    public let low: Double?
    public let high: Double?
    /// The p-value dual to the percentile interval (see above).
    public let p: Double?
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
            (low, high, p) = (nil, nil, nil)
            note = n == 0 ? "bootstrap needs at least 1 topic" : "bootstrap needs at least 1 resample"
            return
        }
        let chunks = ChunkedTrials(trials: resamples, chunkSize: Self.chunkSize)
        let means = chunks.map(threads: threads, work: Double(resamples) * Double(n) * 2) { _, range in
            Self.resampleMeans(range, d, seed: seed)
        }
        let sorted = means.joined().sorted()
        let alpha = 1 - confidence
        low = Quantile.linear(sorted: sorted, alpha / 2)
        high = Quantile.linear(sorted: sorted, 1 - alpha / 2)
        // sorted[..<firstPositive] ≤ 0 < sorted[firstPositive...]; likewise for < 0.
        let atMostZero = sorted.partitioningIndex(where: { $0 > 0 })
        let belowZero = sorted.partitioningIndex(where: { $0 >= 0 })
        let atLeastZero = resamples - belowZero
        p = min(1, 2 * Double(min(atMostZero, atLeastZero)) / Double(resamples))
        note = nil
    }

    /// The means of resamples `range`; resample r draws from stream r.
    static func resampleMeans(_ range: Range<Int>, _ d: [Double], seed: UInt64) -> [Double] {
        let generator = { (r: Int) in RandomStreams.generator(seed: seed, purpose: .bootstrap, chunk: r) }
        guard d.count < 1 << 32 else {
            return range.map { r in
                var random = generator(r)
                return d.indices.reduce(0.0) { sum, _ in sum + d[random.below(d.count)] } / Double(d.count)
            }
        }
        let draws = TopicDraws(n: d.count)
        return d.withUnsafeBufferPointer { d in
            range.map { r in
                var random = generator(r)
                return mean(&random, d, draws)
            }
        }
    }

    /// One resample's mean: n topics drawn two per output, added into four running sums
    /// (draw k into sum k mod 4), combined as (s₀ + s₁) + (s₂ + s₃), divided by n; the last
    /// n mod 4 draws take the low half of an output each.
    static func mean(_ random: inout Xoshiro256StarStar, _ d: UnsafeBufferPointer<Double>, _ draws: TopicDraws) -> Double {
        let n = d.count
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var k = 0
        while k + 4 <= n {
            let (i0, i1) = draws.pair(&random)
            let (i2, i3) = draws.pair(&random)
            s0 += d[i0]; s1 += d[i1]; s2 += d[i2]; s3 += d[i3]
            k += 4
        }
        while k < n {
            let i = draws.pair(&random).0
            switch k & 3 {
            case 0: s0 += d[i]
            case 1: s1 += d[i]
            default: s2 += d[i]
            }
            k += 1
        }
        return ((s0 + s1) + (s2 + s3)) / Double(n)
    }
}
