import Testing
@testable import RevalStats

@Suite("Paired t-test, effect size, wins/ties/losses")
struct PairedTTestTests {
    static let rm3 = PairedScores(baseline: DL19.bm25, system: DL19.bm25RM3)
    static let splade = PairedScores(baseline: DL19.bm25, system: DL19.splade)

    @Test("DL19 ndcg_cut_10, BM25 → BM25_RM3 and → SPLADE++: scipy's t, p and numpy's d_z")
    func dl19() {
        // scipy 1.17.1: ttest_rel(B, A) and d.mean() / d.std(ddof=1) on the values of
        // DL19Scores.swift. The table: t 0.91750, p 0.36412, d_z 0.13992;
        // t 5.47256, p 2.2691e−6, d_z 0.83456.
        let rm3 = PairedTTest(Self.rm3)
        expectRelative(rm3.t, 0.9174982722332571, 1e-13)
        expectRelative(rm3.p, 0.3641204381661354, 1e-12)
        #expect(rm3.degreesOfFreedom == 42)
        expectRelative(EffectSize(Self.rm3).cohensDz, 0.13991717479820662, 1e-13)
        let splade = PairedTTest(Self.splade)
        expectRelative(splade.t, 5.472556479953103, 1e-13)
        expectRelative(splade.p, 2.269140588200583e-06, 1e-12)
        expectRelative(EffectSize(Self.splade).cohensDz, 0.8345570392572796, 1e-13)
        // numpy: A.mean() = 0.5058310024399073, B.mean() = 0.5215805281113017 (RM3), 0.7308067918042169.
        expectRelative(PairwiseSum.mean(DL19.bm25), 0.5058310024399073, 1e-15)
        expectRelative(PairwiseSum.mean(DL19.bm25RM3), 0.5215805281113017, 1e-15)
        expectRelative(PairwiseSum.mean(DL19.splade), 0.7308067918042169, 1e-15)
    }

    @Test("DL19 wins/ties/losses: 23/3/17 and 34/0/9")
    func dl19WinsTiesLosses() {
        let rm3 = WinsTiesLosses(Self.rm3), splade = WinsTiesLosses(Self.splade)
        #expect((rm3.wins, rm3.ties, rm3.losses) == (23, 3, 17))
        #expect((splade.wins, splade.ties, splade.losses) == (34, 0, 9))
    }

    @Test("A hand-computed case: d = (1, 2, 0)")
    func byHand() {
        // d̄ = 1, s² = (0² + 1² + (−1)²)/2 = 1, t = 1/√(1/3) = √3 = 1.7320508…;
        // with 2 degrees of freedom P(|T| > t) = 1 − t/√(2 + t²) = 1 − √(3/5) = 0.2254033…
        let test = PairedTTest(PairedScores(baseline: [1, 2, 3], system: [2, 4, 3]))
        expectRelative(test.t, 3.0.squareRoot(), 1e-15)
        expectRelative(test.p, 1 - (3.0 / 5).squareRoot(), 1e-14)
        // d_z = 1 / 1 = 1.
        expectRelative(EffectSize(PairedScores(baseline: [1, 2, 3], system: [2, 4, 3])).cohensDz, 1, 1e-15)
    }

    @Test("Undefined cases are nil with a note")
    func degenerate() {
        let one = PairedTTest(PairedScores(baseline: [0.5], system: [0.7]))
        #expect(one.t == nil && one.p == nil && one.note != nil)
        let zeros = PairedTTest(PairedScores(baseline: [0.5, 0.2], system: [0.5, 0.2]))
        #expect(zeros.t == nil && zeros.p == nil && zeros.note?.contains("zero") == true)
        #expect(EffectSize(PairedScores(baseline: [0.5, 0.2], system: [0.5, 0.2])).cohensDz == nil)
        // Every difference 0.25: s = 0, t infinite (scipy: t = inf, p = 0).
        let constant = PairedTTest(PairedScores(baseline: [0, 0.25, 0.5], system: [0.25, 0.5, 0.75]))
        #expect(constant.t == nil && constant.p == 0 && constant.note != nil)
        #expect(EffectSize(PairedScores(baseline: [0, 0.25], system: [0.25, 0.5])).cohensDz == nil)
        let empty = WinsTiesLosses(PairedScores(baseline: [], system: []))
        #expect((empty.wins, empty.ties, empty.losses) == (0, 0, 0))
    }
}
