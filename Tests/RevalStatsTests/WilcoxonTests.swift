import Testing
@testable import RevalStats

struct WilcoxonCase: CustomTestStringConvertible, Sendable {
    var name: String
    var method: WilcoxonSignedRank.Method
    var baseline: [Double]
    var system: [Double]
    var w: Double
    var p: Double
    init(_ name: String, _ method: WilcoxonSignedRank.Method, baseline: [Double], system: [Double], w: Double, p: Double) {
        (self.name, self.method, self.baseline, self.system, self.w, self.p) = (name, method, baseline, system, w, p)
    }
    var testDescription: String { name }
}

private func zeros(_ n: Int) -> [Double] { [Double](repeating: 0, count: n) }

@Suite("Wilcoxon signed-rank test")
struct WilcoxonTests {
    /// scipy 1.17.1 `scipy.stats.wilcoxon(system, baseline)` with its defaults (statistic and
    /// pvalue, repr), one case per branch of `method='auto'` and its boundaries.
    static let scipyCases: [WilcoxonCase] = [
        WilcoxonCase(
            "exact, 10 pairs, no ties", .exact,
            baseline: zeros(10),
            system: [0.5, -1.25, 2.0, 3.5, -0.25, 4.0, 1.0, -3.0, 5.5, 6.0],
            w: 11.0, p: 0.10546875
        ),
        WilcoxonCase(
            "exact, 50 pairs (the largest n for the exact branch)", .exact,
            baseline: zeros(50),
            system: [-3.875, 1.75, 1.875, -1.0, -4.0, 2.375, 1.5, 3.0, -4.375, 3.5, 1.25, -0.75, 5.25, 3.75, 6.0, 3.125, 1.625, 2.25, 4.125, 5.625, 0.375, 2.5, 6.125, 0.25, 3.375, 5.5, 4.75, 0.125, 5.75, -2.625, 2.0, 0.5, 3.625, 1.375, 4.875, 2.75, 0.625, 0.875, 6.25, 5.375, -1.125, 5.0, -4.5, 5.875, 2.125, 4.25, -4.625, 3.25, 2.875, 5.125],
            w: 215.0, p: 1.8759072675678112e-05
        ),
        WilcoxonCase(
            "normal, 51 pairs, no ties", .normal,
            baseline: zeros(51),
            system: [6.125, -6.375, 1.75, 4.625, -5.0, 0.375, 4.125, 1.375, 2.125, 0.625, 3.0, 4.0, 4.25, 3.5, 5.875, 3.875, -5.75, 0.875, 0.5, 4.875, 3.25, 0.75, 6.25, -5.125, -2.25, 6.0, -3.375, 2.0, 1.5, 2.625, 2.875, 3.625, 5.25, -1.875, -4.375, -5.375, 0.25, -3.125, -2.75, 1.625, -4.75, 0.125, 4.5, -2.5, 1.25, 3.75, 5.5, -1.125, 1.0, 2.375, -5.625],
            w: 475.0, p: 0.07803352401953549
        ),
        WilcoxonCase(
            "permutation, 8 pairs with a tie and a zero", .permutation,
            baseline: [0.5, 0.25, 0.5, 0.75, 0.0, 0.125, 0.5, 0.25],
            system: [0.75, 0.5, 0.5, 0.25, 0.5, 0.375, 1.0, 0.0],
            w: 8.5, p: 0.46875
        ),
        WilcoxonCase(
            "permutation, 13 pairs with a tie", .permutation,
            baseline: zeros(13),
            system: [0.25, 0.5, -0.5, 0.75, 1.0, -1.25, 1.5, 1.75, 2.0, -2.25, 2.5, 2.75, 3.0],
            w: 18.5, p: 0.059814453125
        ),
        WilcoxonCase(
            "normal, 14 pairs with a tie", .normal,
            baseline: zeros(14),
            system: [0.25, 0.5, -0.5, 0.75, 1.0, -1.25, 1.5, 1.75, 2.0, -2.25, 2.5, 2.75, 3.0, -3.25],
            w: 32.5, p: 0.20917434878385366
        ),
        WilcoxonCase(
            "normal, 40 pairs with ties and zeros", .normal,
            baseline: zeros(40),
            system: [0.5, -0.75, 1.0, 0.5, -1.0, 0.0, 1.0, -1.0, 0.5, -1.0, 1.0, -0.75, 0.0, 0.5, -0.25, -0.5, -0.75, 1.25, 0.75, -0.25, -0.75, 0.0, 1.0, 1.0, -0.75, 0.5, -1.0, 0.0, 0.5, -1.0, 0.25, -0.5, -0.75, 0.75, -1.0, 0.75, -0.5, 0.75, 1.0, 1.25],
            w: 304.0, p: 0.6457245485139366
        ),
        WilcoxonCase(
            "normal, 120 pairs with ties and zeros", .normal,
            baseline: zeros(120),
            system: [-0.125, 0.875, 0.625, 0.75, 0.875, 0.875, 0.625, -0.125, 0.875, 0.75, 0.125, -0.5, 0.875, 0.375, -0.375, -0.375, -0.375, 0.0, 0.5, -0.375, 0.875, -0.625, 0.375, 0.375, 0.25, 0.5, 0.75, 0.125, -0.25, 0.0, 0.75, 0.5, -0.625, 0.75, -0.375, -0.125, 0.625, 0.375, 0.25, -0.5, 0.625, 0.0, -0.125, 0.375, -0.625, 0.0, 0.25, 0.375, 0.375, 0.0, -0.5, -0.375, 0.25, -0.5, 0.5, 0.375, 0.875, -0.625, 0.375, -0.375, 0.25, 0.75, 0.375, 0.625, 0.0, 0.125, 0.25, -0.125, 0.0, -0.25, 0.25, 0.75, 0.375, 0.125, 0.375, -0.375, 0.625, 0.0, -0.375, -0.125, -0.375, 0.0, -0.125, 0.0, 0.875, 0.625, 0.375, 0.75, -0.5, 0.5, -0.125, 0.5, 0.5, 0.75, -0.375, -0.375, 0.5, 0.875, 0.875, 0.75, 0.875, -0.625, 0.125, -0.25, -0.125, 0.375, -0.375, 0.625, -0.5, -0.25, -0.625, 0.0, 0.625, -0.5, -0.125, 0.75, -0.25, -0.125, 0.75, 0.75],
            w: 1661.0, p: 5.0270114344229565e-05
        ),
    ]

    @Test("Every branch of method='auto' agrees with scipy", arguments: scipyCases)
    func againstScipy(_ c: WilcoxonCase) {
        let test = WilcoxonSignedRank(PairedScores(baseline: c.baseline, system: c.system))
        #expect(test.method == c.method)
        #expect(test.statistic == c.w)
        expectRelative(test.p, c.p, 1e-12)
    }

    @Test("DL19 ndcg_cut_10: scipy's p for BM25 → BM25_RM3 (3 zeros: normal) and → SPLADE++ (exact)")
    func dl19() {
        // scipy 1.17.1 wilcoxon(B, A): statistic 335.0, p 0.31340775458446357; 113.0, 3.0592882467317395e-06.
        let rm3 = WilcoxonSignedRank(PairedScores(baseline: DL19.bm25, system: DL19.bm25RM3))
        #expect(rm3.method == .normal && rm3.nonZero == 40 && rm3.statistic == 335)
        expectRelative(rm3.p, 0.31340775458446357, 1e-12)
        let splade = WilcoxonSignedRank(PairedScores(baseline: DL19.bm25, system: DL19.splade))
        #expect(splade.method == .exact && splade.statistic == 113)
        expectRelative(splade.p, 3.0592882467317395e-06, 1e-12)
    }

    @Test("The exact null distribution for n = 4, counted by hand")
    func nullDistribution() {
        // Subsets of {1, 2, 3, 4} by sum: 0 {}, 1 {1}, 2 {2}, 3 {3}{1,2}, 4 {4}{1,3}, 5 {1,4}{2,3},
        // 6 {2,4}{1,2,3}, 7 {3,4}{1,2,4}, 8 {1,3,4}, 9 {2,3,4}, 10 {1,2,3,4}: 16 in all.
        let null = WilcoxonNullDistribution(n: 4)
        #expect(null.counts == [1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1])
        #expect(null.cdf(2) == 3.0 / 16)
        #expect(null.sf(8) == 3.0 / 16)
        #expect(null.cdf(10) == 1 && null.sf(0) == 1 && null.sf(11) == 0 && null.cdf(-1) == 0)
        // n = 10: 2¹⁰ = 1024 assignments; P(R⁺ ≤ 3) = #{sums 0, 1, 2, 3, 3} / 1024 = 5/1024.
        #expect(WilcoxonNullDistribution(n: 10).cdf(3) == 5.0 / 1024)
        // The counts of n = 50 add up to 2⁵⁰ and are symmetric.
        let fifty = WilcoxonNullDistribution(n: 50)
        #expect(fifty.counts.reduce(0, +) == 1 << 50)
        #expect(fifty.counts == Array(fifty.counts.reversed()))
    }

    @Test("Exact p by hand: d = (1, −2, 3, 4)")
    func exactByHand() {
        // Ranks 1, 2, 3, 4; R⁺ = 1 + 3 + 4 = 8, R⁻ = 2. P(R⁺ ≥ 8) = 3/16 (sums 8, 9, 10),
        // P(R⁺ ≤ 8) = 14/16: p = 2·3/16 = 0.375.
        let test = WilcoxonSignedRank(PairedScores(baseline: [0, 0, 0, 0], system: [1, -2, 3, 4]))
        #expect(test.method == .exact && test.statistic == 2 && test.p == 0.375)
    }

    @Test("Permutation p by hand: d = (1, 1, −2, 0)")
    func permutationByHand() {
        // A zero → the permutation branch. Non-zero |d| = 1, 1, 2: ranks 1.5, 1.5, 3; R⁺ = 3.
        // Over the 2⁴ = 16 sign assignments (the zero's sign changes nothing, so each of the 8
        // assignments of the other three counts twice) R⁺* takes 0, 1.5, 1.5, 3, 3, 4.5, 4.5, 6:
        // #{R⁺* ≤ 3} = 2·5 = 10, #{R⁺* ≥ 3} = 2·5 = 10; p = 2·10/16 = 1.25 → 1.
        let test = WilcoxonSignedRank(PairedScores(baseline: [0, 0, 0, 0], system: [1, 1, -2, 0]))
        #expect(test.method == .permutation && test.p == 1)
        // d = (1, 2, 3, 3): ties, no zero. Ranks 1, 2, 3.5, 3.5; R⁺ = 10 (the maximum), only the
        // assignment of no flip reaches it: p = 2·1/16 = 0.125.
        let top = WilcoxonSignedRank(PairedScores(baseline: [0, 0, 0, 0], system: [1, 2, 3, 3]))
        #expect(top.method == .permutation && top.p == 0.125)
    }

    @Test("All differences zero: no test, a note")
    func allZero() {
        for n in [3, 20, 60] {
            let test = WilcoxonSignedRank(PairedScores(baseline: zeros(n), system: zeros(n)))
            #expect(test.p == nil && test.note != nil)
        }
    }
}
