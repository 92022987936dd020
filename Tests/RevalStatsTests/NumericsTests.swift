import Testing
@testable import RevalStats

@Suite("Sums, quantiles and ranks as numpy and scipy compute them")
struct NumericsTests {
    /// 200 values, ±1e16 at every ninth position and ±1 elsewhere, signs alternating: the
    /// order of the additions decides the result.
    static let orderSensitive: [Double] = (0..<200).map { i in (i % 9 == 0 ? 1e16 : 1.0) * (i % 2 == 1 ? -1 : 1) }

    @Test("Pairwise sum adds in numpy's order")
    func pairwise() {
        // numpy 2.4.6: np.sum(x) = 1.0000000000000004e+16, a left-to-right loop 1e+16;
        // np.sum(x[:13]) = 1.0 and np.sum(x[:100]) = 0.0.
        let x = Self.orderSensitive
        #expect(PairwiseSum.sum(x) == 1.0000000000000004e+16)
        #expect(x.reduce(0, +) == 1e16)
        #expect(PairwiseSum.sum(Array(x[..<13])) == 1.0)
        #expect(PairwiseSum.sum(Array(x[..<100])) == 0.0)
        // np.mean(x) = 50000000000000.02, np.var(x, ddof=1) = 1.1555276381909547e+31.
        #expect(PairwiseSum.mean(x) == 50000000000000.02)
        #expect(PairwiseSum.variance(x, ddof: 1) == 1.1555276381909547e+31)
    }

    @Test("Linear quantiles equal numpy.quantile's", arguments: [
        // numpy 2.4.6 np.quantile([0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9], q), repr.
        (0.0, 0.1), (0.025, 0.115), (0.25, 0.25), (0.5, 0.4), (0.6, 0.45999999999999996),
        (0.975, 0.8699999999999999), (1.0, 0.9),
    ])
    func quantile(q: Double, expected: Double) {
        #expect(Quantile.linear(sorted: [0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9], q) == expected)
    }

    @Test("Quantiles of four values: h = 3q, between neighbours")
    func quantileByHand() {
        // q = 0.5: h = 1.5 → 2 + 0.5·(3 − 2) = 2.5; q = 0.025: h = 0.075 → 1.075;
        // q = 0.975: h = 2.925 → 4 − (4 − 3)·0.075 = 3.925 (numpy: 2.5, 1.075, 3.925).
        let values: [Double] = [1, 2, 3, 4]
        #expect(Quantile.linear(sorted: values, 0.5) == 2.5)
        expectWithin(Quantile.linear(sorted: values, 0.025), 1.075, 1e-15)
        expectWithin(Quantile.linear(sorted: values, 0.975), 3.925, 1e-15)
        #expect(Quantile.linear(sorted: [7], 0.3) == 7)
    }

    @Test("Average ranks share ties; groups listed by value")
    func ranks() {
        // |d| = 3, 1, 2, 2, 5: sorted 1, 2, 2, 3, 5 → ranks 1, 2.5, 2.5, 4, 5.
        let ranking = AverageRanks([3, 1, 2, 2, 5])
        #expect(ranking.ranks == [4, 1, 2.5, 2.5, 5])
        #expect(ranking.tieGroups == [1, 2, 1, 1])
        #expect(ranking.hasTies)
        #expect(!AverageRanks([1, 2, 3]).hasTies)
    }
}
