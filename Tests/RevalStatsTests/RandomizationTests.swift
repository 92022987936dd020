import Testing
@testable import RevalStats

@Suite("Fisher's randomization test")
struct RandomizationTests {
    /// Twelve differences in sixteenths (exact in binary, so every sum below is exact).
    static let twelve = PairedScores(
        baseline: [Double](repeating: 0, count: 12),
        system: [3, -1, 5, 2, -4, 7, 1, 6, -2, 4, 3, -5].map { $0 / 16 }
    )

    /// All 2ⁿ sign flips enumerated here, independently of the library: the exact p.
    static func exhaustiveP(_ d: [Double]) -> Double {
        let observed = abs(d.reduce(0, +))
        var extreme = 0
        for k in 0..<(1 << d.count) {
            var sum = 0.0
            for (i, v) in d.enumerated() { sum += (k >> i) & 1 == 1 ? -v : v }
            if abs(sum) >= observed { extreme += 1 }
        }
        return Double(extreme) / Double(1 << d.count)
    }

    @Test("Exact mode equals an exhaustive enumeration of all 2¹² sign flips")
    func exact() {
        let expected = Self.exhaustiveP(Self.twelve.differences)
        let test = RandomizationTest(Self.twelve, permutations: 100_000, seed: 3)
        #expect(test.method == .exact && test.trials == 4096)
        #expect(test.p == expected)
    }

    @Test("Monte Carlo with N = 1,000,000 lies within 4 standard errors of the exact p")
    func monteCarlo() {
        let exact = Self.exhaustiveP(Self.twelve.differences)
        let n = 1_000_000
        let test = RandomizationTest(Self.twelve, permutations: n, seed: 11, threads: 2, exactWhenPossible: false)
        #expect(test.method == .monteCarlo && test.trials == n)
        // SE = √(p(1 − p)/N).
        let standardError = (exact * (1 - exact) / Double(n)).squareRoot()
        expectWithin(test.p, exact, 4 * standardError)
        #expect(test.p == Double(test.extreme + 1) / Double(n + 1))
    }

    @Test("DL19 ndcg_cut_10 against the exact p of all 2⁴³ sign flips")
    func dl19() {
        // The exact randomization p: 0.36497 (BM25 → BM25_RM3) and 2.0225e−6
        // (→ SPLADE++); a meet-in-the-middle count over 2²¹ × 2²² half sums (numpy) gave
        // 3,210,310,858,560 / 2⁴³ = 0.36497009 and 17,790,334 / 2⁴³ = 2.0225e−6.
        let n = 100_000
        let rm3 = RandomizationTest(PairedScores(baseline: DL19.bm25, system: DL19.bm25RM3), permutations: n, seed: 1, threads: 2)
        let exact = 0.36497008961305255
        expectWithin(rm3.p, exact, 4 * (exact * (1 - exact) / Double(n)).squareRoot())
        // At p ≈ 2e−6 the expected count in 100,000 trials is 0.2: p = (c + 1)/(N + 1) with c ≤ 2.
        let splade = RandomizationTest(PairedScores(baseline: DL19.bm25, system: DL19.splade), permutations: n, seed: 1, threads: 2)
        #expect(splade.extreme <= 2)
        #expect(splade.p == Double(splade.extreme + 1) / Double(n + 1))
    }

    @Test("Sums equal in exact arithmetic count as ties despite rounding")
    func ties() {
        // d = (0.1, 0.2, −0.3, 0.5): in tenths s₁·1 + s₂·2 − s₃·3 + s₄·5, observed 5. The first
        // three give a ∈ {0, −4, −2, −6, 6, 2, 4, 0}; |a ± 5| ≥ 5 holds for both signs when
        // a = 0 and for one sign otherwise: 2 + 6·1 + 2 = 10 of 16, p = 0.625. In doubles
        // flipping the first three gives 0.49999999999999994 against 0.5000000000000001.
        let scores = PairedScores(baseline: [0, 0, 0.3, 0], system: [0.1, 0.2, 0, 0.5])
        #expect(RandomizationTest(scores, permutations: 1000, seed: 1).p == 0.625)
    }

    @Test("Small cases: one topic, zero differences, hand-counted p")
    func small() {
        // One topic: |−d| = |d| in every trial, c = N, p = (N + 1)/(N + 1) = 1.
        let one = RandomizationTest(PairedScores(baseline: [0.2], system: [0.5]), permutations: 500, seed: 1, exactWhenPossible: false)
        #expect(one.p == 1 && one.extreme == 500)
        let zero = RandomizationTest(PairedScores(baseline: [0.2, 0.4], system: [0.2, 0.4]), permutations: 500, seed: 1)
        #expect(zero.p == 1)
        // d = (0.1, 0.2, 0, 0.4) (the doc comment's example): 4 of 16 flips reach |0.7|.
        let four = RandomizationTest(PairedScores(baseline: [0.1, 0.2, 0.3, 0.4], system: [0.2, 0.4, 0.3, 0.8]), permutations: 100_000, seed: 1)
        #expect(four.method == .exact && four.p == 0.25)
        #expect(RandomizationTest(PairedScores(baseline: [], system: []), permutations: 10, seed: 1).p == nil)
    }

    @Test("The same p for every thread count; another seed gives another sample")
    func determinism() {
        let scores = PairedScores(baseline: DL19.bm25, system: DL19.bm25RM3)
        let one = RandomizationTest(scores, permutations: 200_000, seed: 7, threads: 1)
        for threads in [2, 3, 8] {
            #expect(RandomizationTest(scores, permutations: 200_000, seed: 7, threads: threads).extreme == one.extreme)
        }
        #expect(RandomizationTest(scores, permutations: 200_000, seed: 8, threads: 2).extreme != one.extreme)
    }
}
