import RevalCost
import Testing

@Suite("Percentiles")
struct PercentileTests {
    /// Linear (numpy's default): h = (n−1)·q/100, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
    /// Nearest rank: x[k] with k = ⌈q·n/100⌉ (1-based).
    struct Case: Sendable, CustomTestStringConvertible {
        var values: [Double]
        var q: Double
        var linear: Double
        var nearestRank: Double
        var testDescription: String { "\(values) p\(q)" }
    }

    static let cases: [Case] = [
        // Odd n = 5, sorted [15, 20, 35, 40, 50].
        // p40: h = 4·0.4 = 1.6 → 20 + 0.6·15 = 29; k = ⌈2⌉ = 2 → 20.
        Case(values: [50, 15, 35, 20, 40], q: 40, linear: 29, nearestRank: 20),
        // p50: h = 2 → 35; k = ⌈2.5⌉ = 3 → 35.
        Case(values: [50, 15, 35, 20, 40], q: 50, linear: 35, nearestRank: 35),
        // p90: h = 3.6 → 40 + 0.6·10 = 46; k = ⌈4.5⌉ = 5 → 50.
        Case(values: [50, 15, 35, 20, 40], q: 90, linear: 46, nearestRank: 50),
        // p25: h = 1 → 20; k = ⌈1.25⌉ = 2 → 20.
        Case(values: [50, 15, 35, 20, 40], q: 25, linear: 20, nearestRank: 20),
        // Even n = 4, [1, 2, 3, 4]. p50: h = 1.5 → 2.5; k = 2 → 2.
        Case(values: [4, 3, 2, 1], q: 50, linear: 2.5, nearestRank: 2),
        // p25: h = 0.75 → 1.75; k = 1 → 1.
        Case(values: [1, 2, 3, 4], q: 25, linear: 1.75, nearestRank: 1),
        // p90: h = 2.7 → 3 + 0.7·1 = 3.7; k = ⌈3.6⌉ = 4 → 4.
        Case(values: [1, 2, 3, 4], q: 90, linear: 3.7, nearestRank: 4),
        // p75: h = 2.25 → 3.25; k = 3 → 3.
        Case(values: [1, 2, 3, 4], q: 75, linear: 3.25, nearestRank: 3),
        // Ties [5, 5, 5, 10]. p50: h = 1.5 between two 5s → 5; k = 2 → 5.
        Case(values: [5, 10, 5, 5], q: 50, linear: 5, nearestRank: 5),
        // p90: h = 2.7 → 5 + 0.7·5 = 8.5; k = ⌈3.6⌉ = 4 → 10.
        Case(values: [5, 10, 5, 5], q: 90, linear: 8.5, nearestRank: 10),
        // p75: h = 2.25 → 5 + 0.25·5 = 6.25; k = 3 → 5.
        Case(values: [5, 10, 5, 5], q: 75, linear: 6.25, nearestRank: 5),
        // One value: every percentile is that value.
        Case(values: [7], q: 0, linear: 7, nearestRank: 7),
        Case(values: [7], q: 50, linear: 7, nearestRank: 7),
        Case(values: [7], q: 99, linear: 7, nearestRank: 7),
        Case(values: [7], q: 100, linear: 7, nearestRank: 7),
        // The ends: p0 is the smallest (k clamps to 1), p100 the largest.
        Case(values: [3, 1, 2], q: 0, linear: 1, nearestRank: 1),
        Case(values: [3, 1, 2], q: 100, linear: 3, nearestRank: 3),
    ]

    @Test("linear and nearest rank, worked by hand", arguments: cases)
    func handComputed(_ c: Case) {
        let sorted = c.values.sorted()
        #expect(close(PercentileRule.linear.percentile(c.q, of: sorted), c.linear, 1e-12))
        #expect(PercentileRule.nearestRank.percentile(c.q, of: sorted) == c.nearestRank)
    }

    /// numpy 2.4.6, `np.percentile([1, 2, 3, 4], [95, 99])` and `np.percentile([5, 5, 5, 10], [95, 99])`
    /// print 3.8499999999999996, 3.9699999999999998, 9.249999999999998, 9.849999999999998: numpy
    /// interpolates from the upper neighbour when the fraction is 0.5 or more, b − (b − a)(1 − t).
    @Test("the same bits as numpy's lerp", arguments: [
        ([1.0, 2, 3, 4], 95.0, 3.8499999999999996), ([1.0, 2, 3, 4], 99.0, 3.9699999999999998),
        ([5.0, 5, 5, 10], 95.0, 9.249999999999998), ([5.0, 5, 5, 10], 99.0, 9.849999999999998),
    ])
    func numpyBits(_ values: [Double], _ q: Double, _ expected: Double) {
        #expect(PercentileRule.linear.percentile(q, of: values) == expected)
    }

    @Test("no values: NaN, not a crash")
    func empty() {
        #expect(PercentileRule.linear.percentile(50, of: []).isNaN)
        #expect(PercentileRule.nearestRank.percentile(50, of: []).isNaN)
    }

    @Test("the figures of a list: mean, p50, p90, p95, p99, max")
    func figures() {
        // [4, 1, 3, 2]: mean 10/4 = 2.5; linear p50 2.5, p90 3.7, p95 3.85, p99 3.97, max 4.
        let f = LatencyFigures(of: [4, 1, 3, 2], rule: .linear)
        #expect(f.queries == 4)
        #expect(f.mean == 2.5)
        #expect(close(f.p50, 2.5) && close(f.p90, 3.7) && close(f.p95, 3.85) && close(f.p99, 3.97))
        #expect(f.max == 4)
        #expect(f.computed)
        // Nearest rank: k = 2, 4, 4, 4.
        let n = LatencyFigures(of: [4, 1, 3, 2], rule: .nearestRank)
        #expect(n.p50 == 2 && n.p90 == 4 && n.p95 == 4 && n.p99 == 4)
    }
}
