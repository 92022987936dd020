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
        let table = GainTable(pairs: p.pairs, ranking: r)
        var ideal = IdealGains(table)
        var dcg = 0.0, idealDCG = 0.0, sum = 0.0
        var relRet = 0, rel = 0
        var i = 0
        while i < r.numRet && ideal.gain > 0 {
            let gain = table.gain(of: r.rels[i])
            if gain != 0 { dcg += gain / log2(Double(i + 2)) }
            ideal.advance()
            if ideal.gain > 0 {
                rel += 1
                idealDCG += ideal.gain / log2(Double(i + 2))
            }
            if gain > 0 { sum += dcg / idealDCG; relRet += 1 }
            i += 1
        }
        while i < r.numRet {
            let gain = table.gain(of: r.rels[i])
            if gain != 0 { dcg += gain / log2(Double(i + 2)) }
            if gain > 0 { sum += dcg / idealDCG; relRet += 1 }
            i += 1
        }
        while ideal.gain > 0 {
            ideal.advance()
            if ideal.gain > 0 {
                rel += 1
                idealDCG += ideal.gain / log2(Double(i + 2))
            }
            i += 1
        }
        sum += Double(rel - relRet) * dcg / idealDCG
        return [sum > 0 ? sum / Double(rel) : 0]
    }

    /// nDCG averaged at the ranks where the ideal gain changes (the R levels), plus the
    /// end of the run when the run is longer.
    static let rNDCG = Entry("Rndcg", .pairs) { r, _, p in
        let table = GainTable(pairs: p.pairs, ranking: r)
        guard r.numRel > 0 else { return [0] }
        var ideal = IdealGains(table)
        var previousIdeal = ideal.gain
        var dcg = 0.0, idealDCG = 0.0, sum = 0.0
        var changes = 0
        var i = 0
        while i < r.numRet && ideal.gain > 0 {
            let gain = table.gain(of: r.rels[i])
            ideal.advance()
            if previousIdeal != ideal.gain {
                if idealDCG > 0 { sum += dcg / idealDCG; changes += 1 }
                previousIdeal = ideal.gain
            }
            if gain != 0 { dcg += gain / log2(Double(i + 2)) }
            if ideal.gain > 0 { idealDCG += ideal.gain / log2(Double(i + 2)) }
            i += 1
        }
        if i < r.numRet {
            while i < r.numRet {
                let gain = table.gain(of: r.rels[i])
                if gain != 0 { dcg += gain / log2(Double(i + 2)) }
                i += 1
            }
            if idealDCG > 0 { sum += dcg / idealDCG; changes += 1 }
        }
        while ideal.gain > 0 {
            ideal.advance()
            if previousIdeal != ideal.gain {
                if idealDCG > 0 { sum += dcg / idealDCG; changes += 1 }
                previousIdeal = ideal.gain
            }
            if ideal.gain > 0 { idealDCG += ideal.gain / log2(Double(i + 2)) }
            i += 1
        }
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
        let table = GainTable(pairs: p.pairs, ranking: r)
        var ideal = IdealGains(table)
        var resultsG = 0.0, sumResults = 0.0, sumIdeal = 0.0, sumCost = 0.0
        let minCost = 1.0
        var i = 0
        while i < r.numRet && ideal.gain > 0 {
            let gain = table.gain(of: r.rels[i])
            sumResults += gain
            ideal.advance()
            if ideal.gain > 0 { sumIdeal += ideal.gain }
            sumCost += ideal.gain >= minCost ? ideal.gain : minCost
            if gain != 0 { resultsG += gain / log2(2 + sumCost - sumResults) }
            i += 1
        }
        while i < r.numRet {
            let gain = table.gain(of: r.rels[i])
            sumResults += gain
            sumCost += minCost
            if gain != 0 { resultsG += gain / log2(2 + sumCost - sumResults) }
            i += 1
        }
        while ideal.gain > 0 {
            ideal.advance()
            if ideal.gain > 0 { sumIdeal += ideal.gain }
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
        let table = GainTable(pairs: p.pairs, ranking: r)
        var ideal = IdealGains(table)
        var dcg = 0.0, idealDCG = 0.0
        var i = 0
        while i < r.numRet && ideal.gain > 0 {
            let gain = table.gain(of: r.rels[i])
            if gain != 0 { dcg += gain / log2(Double(i + 2)) }
            ideal.advance()
            if ideal.gain > 0 { idealDCG += ideal.gain / log2(Double(i + 2)) }
            i += 1
        }
        while i < r.numRet {
            let gain = table.gain(of: r.rels[i])
            if gain != 0 { dcg += gain / log2(Double(i + 2)) }
            i += 1
        }
        while ideal.gain > 0 {
            ideal.advance()
            if ideal.gain > 0 { idealDCG += ideal.gain / log2(Double(i + 2)) }
            i += 1
        }
        return (dcg, idealDCG)
    }
}
