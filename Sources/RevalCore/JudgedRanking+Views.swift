// Other views of one judged ranking, for the parameters of modern measures: a cutoff
// (`@k`), `judged_only=True` and `gains={...}`. Counts are made again for each view.

extension JudgedRanking {
    /// The first `k` documents (all of them when fewer are retrieved).
    ///
    /// ```swift
    /// ranking.prefix(10).numRet  // at most 10
    /// ```
    public func prefix(_ k: Int) -> JudgedRanking {
        guard k < numRet else { return self }
        var copy = self
        copy.rels = Array(rels.prefix(max(k, 0)))
        copy.recount()
        return copy
    }

    /// The ranking without the documents that have no judgment (not in the qrels, or a
    /// negative grade), the others moved up: trec_eval's -J.
    ///
    /// ```swift
    /// ranking.judgedOnly().rels.allSatisfy { $0 >= 0 }  // true
    /// ```
    public func judgedOnly() -> JudgedRanking {
        var copy = self
        copy.rels = rels.filter { $0 >= 0 }
        copy.recount()
        return copy
    }

    /// The ranking with each judged grade replaced by `gains[grade]` (grades not in the
    /// map are kept), in the documents and in the qrels counts, as ir_measures rewrites
    /// the qrels for `nDCG(gains=...)`. A grade mapped below 0 becomes unjudged, as a
    /// negative grade in the qrels is.
    ///
    /// ```swift
    /// ranking.mappingGrades([2: 3, 3: 7])  // grade 2 is now 3, grade 3 is now 7
    /// ```
    public func mappingGrades(_ gains: [Int: Int]) -> JudgedRanking {
        func map(_ grade: Int) -> Int {
            guard grade >= 0 else { return grade }
            let mapped = gains[grade] ?? grade
            return mapped >= 0 ? mapped : unjudgedRelevance
        }
        var copy = self
        copy.rels = rels.map(map)
        var counts: [Int: Int] = [:]
        for lc in levelCounts where map(lc.level) >= 0 { counts[map(lc.level), default: 0] += lc.count }
        copy.levelCounts = counts.keys.sorted().map { LevelCount(level: $0, count: counts[$0]!) }
        copy.numRel = copy.levelCounts.reduce(0) { $0 + ($1.level >= relevanceLevel ? $1.count : 0) }
        copy.recount()
        return copy
    }

    /// Counts that depend on the retrieved documents, made again from `rels`.
    private mutating func recount() {
        var relRet = 0, nonpool = 0, unjudged = 0
        for rel in rels {
            if rel == nonpoolRelevance { nonpool += 1 }
            else if rel < 0 { unjudged += 1 }
            else if rel >= relevanceLevel { relRet += 1 }
        }
        numRelRet = relRet
        numNonpool = nonpool
        numUnjudgedInPool = unjudged
    }
}
