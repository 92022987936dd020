#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Discounted cumulative gain family (Järvelin and Kekäläinen, TOIS 2002): dcg, ideal_dcg,
// ndcg, ndcg_rel, Rndcg, ndcg_cut; and Buckley's experimental G and binG.
// Gains default to the grade (linear, not 2^grade - 1); `ndcg.1=3,2=9` changes them.
// The discount at rank i is log2(i + 1). The ideal ranking holds every judged document
// of the topic, so it is not cut at the run's length.

extension MeasureCatalog {
    static let dcg = Entry("dcg", .pairs) { r, _, p in [discountedGains(r, p).dcg] }
    static let idealDCG = Entry("ideal_dcg", .pairs) { r, _, p in [discountedGains(r, p).ideal] }
    static let ndcg = Entry("ndcg", .pairs) { r, _, p in
        let g = discountedGains(r, p)
        return [g.ideal > 0 ? g.dcg / g.ideal : 0]
    }

    /// nDCG averaged over the ranks of the relevant documents (gain > 0); a relevant
    /// document not retrieved contributes the final dcg over the full ideal dcg.
    static let ndcgRel = Entry("ndcg_rel", .pairs) { r, _, p in
        var dcg = 0.0, idealDCG = 0.0, sum = 0.0
        var relRet = 0, rel = 0
        walkRanks(r, GainTable(pairs: p.pairs, ranking: r)) { i, gain, idealGain in
            if let gain, gain != 0 { dcg += gain / log2(Double(i + 2)) }
            if let idealGain, idealGain > 0 {
                rel += 1
                idealDCG += idealGain / log2(Double(i + 2))
            }
            if let gain, gain > 0 { sum += dcg / idealDCG; relRet += 1 }
        }
        sum += Double(rel - relRet) * dcg / idealDCG
        return [sum > 0 ? sum / Double(rel) : 0]
    }

    /// nDCG averaged at the ranks where the ideal gain changes (the R levels), plus the
    /// end of the run when the run is longer.
    static let rNDCG = Entry("Rndcg", .pairs) { r, _, p in
        let table = GainTable(pairs: p.pairs, ranking: r)
        guard r.numRel > 0 else { return [0] }
        var previousIdeal = IdealGains(table).gain
        var dcg = 0.0, idealDCG = 0.0, sum = 0.0
        var changes = 0
        var runOutlastsIdeal = false
        walkRanks(r, table) { i, gain, idealGain in
            if let idealGain {
                if previousIdeal != idealGain {
                    if idealDCG > 0 { sum += dcg / idealDCG; changes += 1 }
                    previousIdeal = idealGain
                }
            } else {
                runOutlastsIdeal = true
            }
            if let gain, gain != 0 { dcg += gain / log2(Double(i + 2)) }
            if let idealGain, idealGain > 0 { idealDCG += idealGain / log2(Double(i + 2)) }
        }
        // The end of a run longer than the ideal ranking counts as one more level.
        if runOutlastsIdeal && idealDCG > 0 { sum += dcg / idealDCG; changes += 1 }
        return [sum / Double(changes)]
    }

    /// nDCG at k with the grades as gains (custom gains and -l do not apply), the ideal
    /// ranking cut at k too.
    static let ndcgCut = Entry("ndcg_cut", .integerCutoffs(defaults: standardCutoffs)) { r, _, p in
        let cutoffs = p.integers
        var values = [Double](repeating: 0, count: cutoffs.count)
        var sum = 0.0
        var c = 0
        for i in 0..<r.numRet {
            if i == cutoffs[c] {
                values[c] = sum
                c += 1
                if c == cutoffs.count { break }
            }
            let gain = Double(r.rels[i])
            if gain > 0 { sum += gain / log2(Double(i + 2)) }
        }
        while c < cutoffs.count { values[c] = sum; c += 1 }

        // Ideal: walk the grades from the highest down, one document per rank.
        let counts = r.levelCounts
        c = 0
        var level = counts.count - 1
        var taken = 0
        var idealDCG = 0.0
        var i = 0
        while true {
            taken += 1
            while level >= 0 && counts[level].level > 0 && taken > counts[level].count {
                level -= 1
                taken = 1
            }
            if level < 0 || counts[level].level <= 0 { break }
            if i == cutoffs[c] {
                if idealDCG > 0 { values[c] /= idealDCG }
                c += 1
                if c == cutoffs.count { break }
            }
            idealDCG += Double(counts[level].level) / log2(Double(i + 2))
            i += 1
        }
        while c < cutoffs.count {
            if idealDCG > 0 { values[c] /= idealDCG }
            c += 1
        }
        return values
    }

    /// G: the gain of the document at rank i over log2(2 + ideal cost so far − gain so
    /// far), normalised by the total ideal gain.
    static let g = Entry("G", .pairs) { r, _, p in
        var resultsG = 0.0, sumResults = 0.0, sumIdeal = 0.0, sumCost = 0.0
        let minCost = 1.0
        walkRanks(r, GainTable(pairs: p.pairs, ranking: r)) { _, gain, idealGain in
            if let gain { sumResults += gain }
            if let idealGain, idealGain > 0 { sumIdeal += idealGain }
            guard let gain else { return }
            // Past the ideal ranking every rank costs the minimum.
            let cost = idealGain ?? 0
            sumCost += cost >= minCost ? cost : minCost
            if gain != 0 { resultsG += gain / log2(2 + sumCost - sumResults) }
        }
        return [sumIdeal > 0 ? resultsG / sumIdeal : 0]
    }

    /// binG: G with binary gains: the mean over relevant documents of
    /// 1 / log2(2 + non-relevant documents above it).
    static let binG = Entry("binG") { r, _, _ in
        var relSoFar = 0
        var sum = 0.0
        for i in 0..<r.numRet where r.isRelevant(i) {
            relSoFar += 1
            sum += 1.0 / log2(Double(3 + i - relSoFar))
        }
        return [relSoFar > 0 ? sum / Double(r.numRel) : 0]
    }

    /// dcg of the run and of the ideal ranking, trec_eval's te_calc_ndcg.
    static func discountedGains(_ r: JudgedRanking, _ p: ParsedParameters) -> (dcg: Double, ideal: Double) {
        var dcg = 0.0, idealDCG = 0.0
        walkRanks(r, GainTable(pairs: p.pairs, ranking: r)) { i, gain, idealGain in
            if let gain, gain != 0 { dcg += gain / log2(Double(i + 2)) }
            if let idealGain, idealGain > 0 { idealDCG += idealGain / log2(Double(i + 2)) }
        }
        return (dcg, idealDCG)
    }

    /// Walks ranks 0, 1, ... as far as the run or its ideal ranking reaches (trec_eval's
    /// three loops: both, then the run alone, then the ideal alone). `visit` gets the
    /// rank, the gain of the run's document there (nil past the run) and the ideal
    /// ranking's gain there (nil once the ideal ranking had ended before this rank; 0 at
    /// the rank where it ends).
    @inline(__always)
    static func walkRanks(_ r: JudgedRanking, _ table: GainTable,
                          _ visit: (_ rank: Int, _ gain: Double?, _ idealGain: Double?) -> Void) {
        var ideal = IdealGains(table)
        var i = 0
        while i < r.numRet || ideal.gain > 0 {
            let gain: Double? = i < r.numRet ? table.gain(of: r.rels[i]) : nil
            var idealGain: Double?
            if ideal.gain > 0 {
                ideal.advance()
                idealGain = ideal.gain
            }
            visit(i, gain, idealGain)
            i += 1
        }
    }
}
