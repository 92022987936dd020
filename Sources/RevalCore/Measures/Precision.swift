// Precision family: P, relative_P, Rprec, Rprec_mult, success, recip_rank.

extension MeasureCatalog {
    /// Precision at k: relevant documents in the top k, divided by k (a short run
    /// counts as padded with non-relevant documents).
    static let precision = Entry("P", .integerCutoffs(defaults: standardCutoffs)) { r, _, p in
        p.integers.map { Double(relevantRetrieved(r, within: $0)) / Double($0) }
    }

    /// Precision at k divided by the best possible, min(k, R): precision up to R, recall after.
    static let relativePrecision = Entry("relative_P", .integerCutoffs(defaults: standardCutoffs)) { r, _, p in
        guard r.numRel > 0 else { return p.integers.map { _ in 0 } }
        return p.integers.map { Double(relevantRetrieved(r, within: $0)) / Double(min($0, r.numRel)) }
    }

    /// Precision after R documents, R the number of relevant documents.
    static let rPrec = Entry("Rprec") { r, _, _ in
        guard r.numRel > 0 else { return [0] }
        return [Double(relevantRetrieved(r, within: r.numRel)) / Double(r.numRel)]
    }

    /// Precision after x·R documents for each multiple x; the rank is (long)(x·R + 0.9).
    static let rPrecMult = Entry("Rprec_mult", .decimalCutoffs(defaults: [0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0])) { r, _, p in
        p.decimals.map { x in
            let k = truncatedToInt(x * Double(r.numRel) + 0.9)
            if k > r.numRet { return Double(r.numRelRet) / Double(k) }
            // trec_eval only fills cutoffs it reaches walking down from num_ret while
            // relevant documents remain; the others keep 0.
            if k <= 0 || relevantRetrieved(r, within: k) == 0 { return 0 }
            return Double(relevantRetrieved(r, within: k)) / Double(k)
        }
    }

    /// 1 if a relevant document is in the top k, else 0.
    static let success = Entry("success", .integerCutoffs(defaults: [1, 5, 10])) { r, _, p in
        p.integers.map { relevantRetrieved(r, within: $0) > 0 ? 1 : 0 }
    }

    /// 1 / rank of the first relevant document, 0 if none.
    static let recipRank = Entry("recip_rank") { r, _, _ in
        for i in 0..<r.numRet where r.isRelevant(i) { return [1.0 / Double(i + 1)] }
        return [0]
    }

    /// Relevant documents among the first k retrieved.
    static func relevantRetrieved(_ r: JudgedRanking, within k: Int) -> Int {
        var n = 0
        for i in 0..<min(k, r.numRet) where r.isRelevant(i) { n += 1 }
        return n
    }
}
