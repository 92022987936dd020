#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Average precision family: map, gm_map, map_cut, yaap.

extension MeasureCatalog {
    /// Mean average precision: the sum of precision at each relevant retrieved document,
    /// divided by the number of relevant documents.
    static let map = Entry("map") { r, _, _ in [averagePrecision(r, cutoff: r.numRet)] }

    /// map per topic, geometric mean over topics (summary only).
    static let gmMap = Entry("gm_map", .none, .geometric) { r, _, _ in [averagePrecision(r, cutoff: r.numRet)] }

    /// Average precision counting only relevant documents in the top k.
    static let mapCut = Entry("map_cut", .integerCutoffs(defaults: standardCutoffs)) { r, _, p in
        p.integers.map { averagePrecision(r, cutoff: min($0, r.numRet)) }
    }

    /// Robertson's "yet another average precision":
    /// log((1 + S) / (1 + R - S)), S the sum of precision at relevant retrieved documents.
    static let yaap = Entry("yaap") { r, _, _ in
        var sum = 0.0, relSoFar = 0
        for i in 0..<r.numRet where r.isRelevant(i) {
            relSoFar += 1
            sum += Double(relSoFar) / Double(i + 1)
        }
        return [log((1.0 + sum) / (1.0 + Double(r.numRel) - sum))]
    }

    static let standardCutoffs = [5, 10, 15, 20, 30, 100, 200, 500, 1000]

    static func averagePrecision(_ r: JudgedRanking, cutoff: Int) -> Double {
        var sum = 0.0, relSoFar = 0
        for i in 0..<cutoff where r.isRelevant(i) {
            relSoFar += 1
            sum += Double(relSoFar) / Double(i + 1)
        }
        return relSoFar > 0 ? sum / Double(r.numRel) : 0
    }
}
