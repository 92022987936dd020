/// Compares systems on one measure: every requested pair with every test, then the
/// correction of the deciding test's p over the pairs.
///
/// All systems are paired on the same topics (the caller's topic set: in reval every topic
/// of the qrels, a topic missing from a run scored by trec_eval's -c rule). The Monte Carlo
/// tests use the same seed for every pair (``RandomStreams``), so a pair's p-values do not
/// change when other systems join the comparison; only Tukey HSD, a test of all systems at
/// once, depends on which systems are compared.
///
/// ```swift
/// let rows = MeasureComparison.compare(
///     measure: "ndcg_cut_10", topics: table.topics, systems: [bm25, rm3, splade],
///     pairs: [(0, 1), (0, 2)], settings: ComparisonSettings())
/// rows[0].adjustedP   // Holm-adjusted t-test p of BM25 → RM3
/// ```
public enum MeasureComparison {
    /// - Parameters:
    ///   - pairs: (baseline, system) indices into `systems`.
    public static func compare(
        measure: String, topics: [String], systems: [SystemScores], pairs: [(Int, Int)],
        settings: ComparisonSettings
    ) -> [PairComparison] {
        let tukey = settings.test == .tukey
            ? RandomizedTukeyHSD(
                scores: systems.map(\.values), permutations: settings.permutations,
                seed: settings.seed, threads: settings.threads)
            : nil
        var rows = pairs.map { pair in
            compare(measure: measure, topics: topics, baseline: systems[pair.0], system: systems[pair.1],
                    tukeyP: tukey?.p(pair.0, pair.1), tukeyNote: tukey?.note, settings: settings)
        }
        let adjusted = settings.effectiveCorrection.adjust(rows.map(\.p))
        for k in rows.indices {
            rows[k].adjustedP = adjusted[k]
            rows[k].significant = adjusted[k].map { $0 <= settings.alpha }
        }
        return rows
    }

    static func compare(
        measure: String, topics: [String], baseline: SystemScores, system: SystemScores,
        tukeyP: Double?, tukeyNote: String?, settings: ComparisonSettings
    ) -> PairComparison {
        let scores = PairedScores(baseline: baseline.values, system: system.values)
        let tTest = PairedTTest(scores)
        let randomization = RandomizationTest(
            scores, permutations: settings.permutations, seed: settings.seed, threads: settings.threads)
        let bootstrap = BootstrapInterval(
            scores, resamples: settings.bootstrapResamples, confidence: settings.confidence,
            seed: settings.seed, threads: settings.threads)
        let wilcoxon = WilcoxonSignedRank(scores)
        let effectSize = EffectSize(scores)
        let p: Double?
        switch settings.test {
        case .t: p = tTest.p
        case .randomization: p = randomization.p
        case .wilcoxon: p = wilcoxon.p
        case .bootstrap: p = bootstrap.p
        case .tukey: p = tukeyP
        }
        var notes = [tTest.note, randomization.note, bootstrap.note, wilcoxon.note, effectSize.note].compactMap { $0 }
        if settings.test == .tukey, let tukeyNote { notes.append(tukeyNote) }
        let (gains, losses) = largestDifferences(topics: topics, differences: scores.differences)
        return PairComparison(
            measure: measure, baseline: baseline.name, system: system.name, n: scores.count,
            baselineMean: baseline.mean, systemMean: system.mean, difference: scores.meanDifference,
            tTest: tTest, randomization: randomization, bootstrap: bootstrap, wilcoxon: wilcoxon,
            effectSize: effectSize, winsTiesLosses: WinsTiesLosses(scores), tukeyP: tukeyP,
            p: p, adjustedP: nil, significant: nil, largestGains: gains, largestLosses: losses, notes: notes)
    }

    /// The five largest gains and losses; equal differences keep the topics' order.
    static func largestDifferences(topics: [String], differences: [Double])
        -> (gains: [PairComparison.TopicDifference], losses: [PairComparison.TopicDifference]) {
        let indices = differences.indices
        let gains = indices.filter { differences[$0] > 0 }
            .sorted { differences[$0] > differences[$1] || (differences[$0] == differences[$1] && $0 < $1) }
            .prefix(5)
        let losses = indices.filter { differences[$0] < 0 }
            .sorted { differences[$0] < differences[$1] || (differences[$0] == differences[$1] && $0 < $1) }
            .prefix(5)
        let topic = { (i: Int) in PairComparison.TopicDifference(topic: topics[i], difference: differences[i]) }
        return (gains.map(topic), losses.map(topic))
    }
}
