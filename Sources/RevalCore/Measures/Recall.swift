// Recall family: recall, iprec_at_recall, 11pt_avg.

extension MeasureCatalog {
    /// Relevant documents in the top k, divided by the number of relevant documents.
    static let recall = Entry("recall", .integerCutoffs(defaults: standardCutoffs)) { r, _, p in
        guard r.numRel > 0 else { return p.integers.map { _ in 0 } }
        return p.integers.map { Double(relevantRetrieved(r, within: $0)) / Double(r.numRel) }
    }

    /// Interpolated precision at recall levels x: the highest precision at any rank at
    /// or after the one where lround(x·R) relevant documents have been seen.
    static let iprecAtRecall = Entry("iprec_at_recall", .decimalCutoffs(defaults: elevenRecallLevels)) { r, _, p in
        interpolatedPrecision(r, at: p.decimals)
    }

    /// The mean of interpolated precision over the given recall levels (default 0, .1 … 1).
    static let elevenPointAverage = Entry("11pt_avg", .decimalParameters(defaults: elevenRecallLevels)) { r, _, p in
        guard !p.decimals.isEmpty else { return [0] }
        let values = interpolatedPrecision(r, at: p.decimals)
        var sum = 0.0
        for v in values.reversed() { sum += v }
        return [sum / Double(p.decimals.count)]
    }

    static let elevenRecallLevels = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]

    /// trec_eval 10.0's walk: from the last retrieved document up, keep the running
    /// maximum precision, and assign it to a recall level when the count of relevant
    /// documents seen equals lround(level·R). Levels not reached get the maximum at the
    /// top. Levels are handled in the given order (trec_eval assumes it is ascending).
    /// With nothing retrieved every value is 0 (trec_eval prints -nan there).
    static func interpolatedPrecision(_ r: JudgedRanking, at levels: [Double]) -> [Double] {
        var values = [Double](repeating: 0, count: levels.count)
        guard r.numRet > 0 else { return values }
        let cutoffs = levels.map { roundedToInt($0 * Double(r.numRel)) }
        var current = levels.count - 1
        while current >= 0 && cutoffs[current] > r.numRelRet { current -= 1 }
        var best = Double(r.numRelRet) / Double(r.numRet)
        var relSoFar = r.numRelRet
        var i = r.numRet
        while i > 0 && relSoFar > 0 {
            let precision = Double(relSoFar) / Double(i)
            if best < precision { best = precision }
            if r.isRelevant(i - 1) {
                while current >= 0 && relSoFar == cutoffs[current] {
                    values[current] = best
                    current -= 1
                }
                relSoFar -= 1
            }
            i -= 1
        }
        while current >= 0 {
            values[current] = best
            current -= 1
        }
        return values
    }
}
