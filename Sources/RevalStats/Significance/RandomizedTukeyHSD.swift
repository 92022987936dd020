/// The randomised Tukey HSD test across m systems (Carterette, ACM TOIS 30(1), 2012; Sakai,
/// "Statistical reform in information retrieval?", SIGIR Forum 48(1), 2014, and
/// *Laboratory Experiments in Information Retrieval*, 2018, §4.4): one test for all pairs,
/// family-wise by construction, so no further correction applies.
///
/// In each of N trials, the m scores of every topic are shuffled among the systems
/// (independently per topic, Fisher–Yates); the trial's statistic is the range of the
/// system means, max − min. For a pair (i, j) with observed |x̄ᵢ − x̄ⱼ|,
/// p = (1 + #{trials with range ≥ |x̄ᵢ − x̄ⱼ|}) / (N + 1).
///
/// Sums stand in for means (n is the same for every system); as in ``RandomizationTest``, a
/// range within ε = 10⁻¹⁰·Σₜ(maxₜ − minₜ) of the observed difference counts as a tie.
/// Trials are cut into chunks of 1,024, chunk k drawing from its own stream, so p depends
/// only on the scores, N and the seed, never on the thread count.
///
/// With two systems, shuffling a topic's two scores is flipping the sign of its difference
/// and the range is |x̄₁ − x̄₂|: the test is then ``RandomizationTest`` (computed as that,
/// exact when 2ⁿ ≤ N).
///
/// ```swift
/// let tukey = RandomizedTukeyHSD(scores: [bm25, rm3, splade], permutations: 100_000, seed: 1)
/// tukey.p(0, 2)   // BM25 against SPLADE, adjusted for all three pairs
/// ```
public struct RandomizedTukeyHSD: Sendable {
    public let systems: Int
    public let trials: Int
    /// p[i][j], symmetric; nil on the diagonal.
    private let pValues: [[Double?]]
    public let note: String?

    static let chunkSize = 1_024

    /// - Parameters:
    ///   - scores: scores[s][t], system s on topic t; every system has the same topics.
    ///   - permutations: N ≥ 1.
    public init(scores: [[Double]], permutations: Int, seed: UInt64, threads: Int = 1) {
        let m = scores.count
        let n = scores.first?.count ?? 0
        systems = m
        trials = permutations
        var pValues = [[Double?]](repeating: [Double?](repeating: nil, count: m), count: m)
        guard m >= 2, n >= 1, permutations >= 1, scores.allSatisfy({ $0.count == n }) else {
            self.pValues = pValues
            note = m < 2 ? "Tukey HSD needs at least 2 systems" : n == 0 ? "Tukey HSD needs at least 1 topic" : "Tukey HSD needs at least 1 permutation"
            return
        }
        note = nil
        if m == 2 {
            let pair = RandomizationTest(
                PairedScores(baseline: scores[0], system: scores[1]),
                permutations: permutations, seed: seed, threads: threads
            )
            pValues[0][1] = pair.p
            pValues[1][0] = pair.p
            self.pValues = pValues
            return
        }
        // Topic-major layout: rows[t * m + s].
        var rows = [Double](repeating: 0, count: n * m)
        var tolerance = 0.0
        for t in 0..<n {
            var low = Double.infinity, high = -Double.infinity
            for s in 0..<m {
                rows[t * m + s] = scores[s][t]
                low = min(low, scores[s][t])
                high = max(high, scores[s][t])
            }
            tolerance += high - low
        }
        tolerance *= 1e-10
        let sums = scores.map { $0.reduce(0, +) }
        // Pairs sorted by observed |difference of sums|, so one trial's range settles every
        // pair below it with one search.
        var pairs: [(i: Int, j: Int, difference: Double)] = []
        for i in 0..<m { for j in (i + 1)..<m { pairs.append((i, j, abs(sums[i] - sums[j]))) } }
        pairs.sort { $0.difference < $1.difference || ($0.difference == $1.difference && ($0.i, $0.j) < ($1.i, $1.j)) }
        let thresholds = pairs.map { $0.difference - tolerance }
        let chunks = ChunkedTrials(trials: permutations, chunkSize: Self.chunkSize)
        let histograms = chunks.map(threads: threads, work: Double(permutations) * Double(n * m) * 3) { chunk, range in
            Self.countRanges(
                range.count, rows: rows, systems: m, thresholds: thresholds,
                random: RandomStreams.generator(seed: seed, purpose: .tukey, chunk: chunk)
            )
        }
        // histogram[k]: trials whose range reaches thresholds[0..<k] but not thresholds[k].
        var reached = [Int](repeating: 0, count: pairs.count + 1)
        for histogram in histograms { for (k, c) in histogram.enumerated() { reached[k] += c } }
        var atLeast = 0
        for k in stride(from: pairs.count - 1, through: 0, by: -1) {
            atLeast += reached[k + 1]
            let p = Double(atLeast + 1) / Double(permutations + 1)
            pValues[pairs[k].i][pairs[k].j] = p
            pValues[pairs[k].j][pairs[k].i] = p
        }
        self.pValues = pValues
    }

    /// The p-value of systems i and j (nil when the test could not run or i == j).
    public func p(_ i: Int, _ j: Int) -> Double? { pValues[i][j] }

    /// counts[k] = trials whose range reaches exactly the first k thresholds.
    static func countRanges(
        _ trials: Int, rows: [Double], systems m: Int, thresholds: [Double], random: Xoshiro256StarStar
    ) -> [Int] {
        var random = random
        var counts = [Int](repeating: 0, count: thresholds.count + 1)
        var row = [Double](repeating: 0, count: m)
        var sums = [Double](repeating: 0, count: m)
        let n = rows.count / m
        for _ in 0..<trials {
            for s in 0..<m { sums[s] = 0 }
            for t in 0..<n {
                for s in 0..<m { row[s] = rows[t * m + s] }
                var s = m - 1
                while s > 0 {
                    let k = random.below(s + 1)
                    row.swapAt(s, k)
                    s -= 1
                }
                for s in 0..<m { sums[s] += row[s] }
            }
            let range = sums.max()! - sums.min()!
            // The number of thresholds ≤ range (thresholds ascending).
            var low = 0, high = thresholds.count
            while low < high {
                let mid = (low + high) / 2
                if thresholds[mid] <= range { low = mid + 1 } else { high = mid }
            }
            counts[low] += 1
        }
        return counts
    }
}
