import Testing
@testable import RevalStats

@Suite("Percentile bootstrap interval")
struct BootstrapTests {
    @Test("DL19 ndcg_cut_10: within 4 Monte Carlo sd of the issue's B → ∞ interval")
    func dl19() {
        // The issue: [−0.01743, 0.04909] (BM25 → BM25_RM3), [0.14563, 0.30491] (→ SPLADE++).
        // The sd of each end at B = 10,000, from 200 numpy samples of 10,000 resamples each:
        // 0.00046 / 0.00043 and 0.0010 / 0.0011; 4 sd ≈ 0.0019 and 0.0044.
        let rm3 = BootstrapInterval(PairedScores(baseline: DL19.bm25, system: DL19.bm25RM3), resamples: 10_000, confidence: 0.95, seed: 1, threads: 2)
        expectWithin(rm3.low, -0.01743, 0.0019)
        expectWithin(rm3.high, 0.04909, 0.0019)
        let splade = BootstrapInterval(PairedScores(baseline: DL19.bm25, system: DL19.splade), resamples: 10_000, confidence: 0.95, seed: 1, threads: 2)
        expectWithin(splade.low, 0.14563, 0.0044)
        expectWithin(splade.high, 0.30491, 0.0044)
    }

    @Test("d = (0, 1): the resample means are 0, ½, 1 with probabilities ¼, ½, ¼; the 95% interval is [0, 1]")
    func twoTopics() {
        // About 2,500 of 10,000 means are 0 and 2,500 are 1: the 2.5% quantile (h = 249.975)
        // falls among the zeros, the 97.5% (h = 9749.025) among the ones.
        let interval = BootstrapInterval(PairedScores(baseline: [0, 0], system: [0, 1]), resamples: 10_000, confidence: 0.95, seed: 4)
        #expect(interval.low == 0 && interval.high == 1)
        // p = 2·min(#{mean ≤ 0}, #{mean ≥ 0})/B → 2·P(mean* = 0) = 2·¼ = 0.5; the count is
        // Binomial(10,000, ¼): sd of p = 2·√(¼·¾/10,000) = 0.0087, 4 sd = 0.035.
        expectWithin(interval.p, 0.5, 0.035)
        // At confidence 0.2 the quantiles 0.4 and 0.6 fall among the halves.
        let narrow = BootstrapInterval(PairedScores(baseline: [0, 0], system: [0, 1]), resamples: 10_000, confidence: 0.2, seed: 4)
        #expect(narrow.low == 0.5 && narrow.high == 0.5)
    }

    @Test("Constant differences give a point; no topics give nil")
    func degenerate() {
        let constant = BootstrapInterval(PairedScores(baseline: [0, 0.25, 0.5], system: [0.25, 0.5, 0.75]), resamples: 500, confidence: 0.95, seed: 1)
        #expect(constant.low == 0.25 && constant.high == 0.25)
        // Every mean is 0.25 > 0: #{≤ 0} = 0, p = 0.
        #expect(constant.p == 0)
        let empty = BootstrapInterval(PairedScores(baseline: [], system: []), resamples: 500, confidence: 0.95, seed: 1)
        #expect(empty.low == nil && empty.high == nil && empty.note != nil)
    }

    @Test("The same interval for every thread count")
    func determinism() {
        let scores = PairedScores(baseline: DL19.bm25, system: DL19.splade)
        let one = BootstrapInterval(scores, resamples: 5_000, confidence: 0.9, seed: 9, threads: 1)
        for threads in [2, 5] {
            let other = BootstrapInterval(scores, resamples: 5_000, confidence: 0.9, seed: 9, threads: threads)
            #expect(other.low == one.low && other.high == one.high)
        }
    }
}
