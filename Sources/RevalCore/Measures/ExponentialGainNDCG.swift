#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// nDCG with exponential gains, 2^grade − 1 (Burges et al., ICML 2005): ir_measures'
// `nDCG(dcg='exp-log2')`, which it computes with gdeval. trec_eval's ndcg uses the grade.

extension ModernMeasure {
    /// The gain of a grade: 2^g − 1, and 0 for grades below 1 and unjudged documents.
    static func exponentialGain(_ grade: Int) -> Double {
        grade > 0 ? Double(sign: .plus, exponent: grade, significand: 1) - 1 : 0
    }

    /// DCG@k / ideal DCG@k with gain 2^g − 1 and discount log2(rank + 1). The ideal
    /// ranking holds every judged document of the topic, best first, cut at k too; with no
    /// cutoff neither ranking is cut. 0 when the topic has no document of grade 1 or more.
    static func exponentialNDCG(_ r: JudgedRanking, cutoff: Int?) -> Double {
        var dcg = 0.0
        for i in 0..<min(cutoff ?? r.numRet, r.numRet) {
            let gain = exponentialGain(r.rels[i])
            if gain > 0 { dcg += gain / log2(Double(i + 2)) }
        }
        var ideal = 0.0
        var rank = 0
        levels: for lc in r.levelCounts.reversed() where lc.level > 0 {
            for _ in 0..<lc.count {
                if let k = cutoff, rank >= k { break levels }
                ideal += exponentialGain(lc.level) / log2(Double(rank + 2))
                rank += 1
            }
        }
        return ideal > 0 ? dcg / ideal : 0
    }
}
