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
/// generator's outputs, ``TopicDraws``); resamples are cut into chunks of 1,024, chunk k drawing from its own stream
/// (``RandomStreams``), so the interval depends only on the differences, B, c and the seed,
/// never on the thread count. A resample's mean is its differences added into four running
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
        let means = chunks.map(threads: threads, work: Double(resamples) * Double(n) * 2) { chunk, range in
            Self.resampleMeans(range.count, d, random: RandomStreams.generator(seed: seed, purpose: .bootstrap, chunk: chunk))
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

    static func resampleMeans(_ count: Int, _ d: [Double], random: Xoshiro256StarStar) -> [Double] {
        var random = random
        let n = d.count
        guard n < 1 << 32 else {
            return (0..<count).map { _ in (0..<n).reduce(0.0) { sum, _ in sum + d[random.below(n)] } / Double(n) }
        }
        var draws = TopicDraws(n: n)
        return d.withUnsafeBufferPointer { d in
            (0..<count).map { _ in
                // Four running sums (draw k into sum k mod 4), combined as (s₀ + s₁) + (s₂ + s₃).
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
    }
}

/// Uniform topic indices in 0..<n (n < 2³²), two from each 64-bit output (low half first):
/// Lemire's method on 32 bits, ⌊x·n / 2³²⌋, with x drawn again (from the high half of a
/// fresh output) while x·n mod 2³² < 2³² mod n, so no index is favoured.
struct TopicDraws {
    let n: UInt64
    let threshold: UInt32

    init(n: Int) {
        self.n = UInt64(n)
        threshold = UInt32((UInt64(1) << 32) % UInt64(n))
    }

    @inline(__always)
    func pair(_ random: inout Xoshiro256StarStar) -> (Int, Int) {
        let word = random.next()
        return (index(UInt32(truncatingIfNeeded: word), &random), index(UInt32(truncatingIfNeeded: word >> 32), &random))
    }

    @inline(__always)
    func index(_ x: UInt32, _ random: inout Xoshiro256StarStar) -> Int {
        var product = UInt64(x) &* n
        while UInt32(truncatingIfNeeded: product) < threshold {
            product = (random.next() >> 32) &* n
        }
        return Int(product >> 32)
    }
}

extension Array where Element == Double {
    /// The first index whose element satisfies `predicate`, for a predicate that is false
    /// then true along the (sorted) array.
    func partitioningIndex(where predicate: (Double) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if predicate(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
