import Testing
@testable import RevalStats

@Suite("Randomised Tukey HSD")
struct TukeyTests {
    /// Three systems on four topics, in eighths (exact sums).
    static let scores: [[Double]] = [
        [1, 2, 4, 3].map { $0 / 8 },
        [3, 3, 5, 6].map { $0 / 8 },
        [6, 4, 7, 8].map { $0 / 8 },
    ]

    /// Every one of the (3!)⁴ = 1,296 ways to shuffle each topic's scores among the systems,
    /// enumerated here: the exact p of each pair.
    static func exhaustive(_ scores: [[Double]]) -> [[Double]] {
        let m = scores.count, n = scores[0].count
        let permutations = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
        let sums = scores.map { $0.reduce(0, +) }
        var extreme = [[Int]](repeating: [Int](repeating: 0, count: m), count: m)
        var total = 0
        var choice = [Int](repeating: 0, count: n)
        while true {
            var shuffled = [Double](repeating: 0, count: m)
            for t in 0..<n { for s in 0..<m { shuffled[s] += scores[permutations[choice[t]][s]][t] } }
            let range = shuffled.max()! - shuffled.min()!
            for i in 0..<m { for j in 0..<m where i != j && range >= abs(sums[i] - sums[j]) { extreme[i][j] += 1 } }
            total += 1
            var t = 0
            while t < n && choice[t] == 5 { choice[t] = 0; t += 1 }
            if t == n { break }
            choice[t] += 1
        }
        return extreme.map { $0.map { Double($0) / Double(total) } }
    }

    @Test("Monte Carlo p of every pair within 4 standard errors of the exhaustive enumeration")
    func againstExhaustive() {
        let exact = Self.exhaustive(Self.scores)
        let n = 400_000
        let tukey = RandomizedTukeyHSD(scores: Self.scores, permutations: n, seed: 5, threads: 2)
        for (i, j) in [(0, 1), (0, 2), (1, 2)] {
            let p = exact[i][j]
            expectWithin(tukey.p(i, j), p, 4 * (p * (1 - p) / Double(n)).squareRoot() + 1.0 / Double(n))
            #expect(tukey.p(i, j) == tukey.p(j, i))
        }
        #expect(tukey.p(1, 1) == nil)
        // The pair with the largest observed difference has the smallest p.
        #expect(tukey.p(0, 2)! < tukey.p(0, 1)!)
    }

    @Test("Two systems: the randomization test")
    func twoSystems() {
        let tukey = RandomizedTukeyHSD(scores: [DL19.bm25, DL19.bm25RM3], permutations: 50_000, seed: 2)
        let randomization = RandomizationTest(PairedScores(baseline: DL19.bm25, system: DL19.bm25RM3), permutations: 50_000, seed: 2)
        #expect(tukey.p(0, 1) == randomization.p)
    }

    @Test("The same p for every thread count")
    func determinism() {
        let three = [DL19.bm25, DL19.bm25RM3, DL19.splade]
        let one = RandomizedTukeyHSD(scores: three, permutations: 20_000, seed: 3, threads: 1)
        let four = RandomizedTukeyHSD(scores: three, permutations: 20_000, seed: 3, threads: 4)
        for (i, j) in [(0, 1), (0, 2), (1, 2)] { #expect(one.p(i, j) == four.p(i, j)) }
    }
}
