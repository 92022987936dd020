/// Relevance value of a retrieved document that is not in the qrels at all.
public let nonpoolRelevance = -1
/// Relevance value of a retrieved document that is in the qrels with a negative grade
/// (pooled but not judged).
public let unjudgedRelevance = -2

/// One topic's ranking after sorting and judging: the input of every measure.
///
/// `rels[i]` is the grade of the document at rank i+1, or `nonpoolRelevance` /
/// `unjudgedRelevance`. This is trec_eval's RES_RELS.
public struct JudgedRanking: Sendable {
    /// The grade of each retrieved document in rank order; `nonpoolRelevance` and `unjudgedRelevance` mark unjudged ones.
    public var rels: [Int]
    /// The number of retrieved documents (after -M and -J).
    public var numRet: Int { rels.count }
    /// Retrieved judged documents with grade >= the relevance level.
    public var numRelRet: Int
    /// Judged documents of the topic with grade >= the relevance level.
    public var numRel: Int
    /// Retrieved documents the qrels do not mention.
    public var numNonpool: Int
    /// Retrieved documents in the pool but unjudged (negative grades).
    public var numUnjudgedInPool: Int
    /// Judged documents of the topic per grade (grades >= 0, zero counts left out).
    public var levelCounts: [LevelCount]
    /// The relevance level (-l) the counts were made with.
    public var relevanceLevel: Int

    /// A ranking from its parts; readers build it with `TopicRun.judged(by:options:)`.
    public init(rels: [Int], numRelRet: Int, numRel: Int, numNonpool: Int, numUnjudgedInPool: Int,
                levelCounts: [LevelCount], relevanceLevel: Int) {
        self.rels = rels
        self.numRelRet = numRelRet
        self.numRel = numRel
        self.numNonpool = numNonpool
        self.numUnjudgedInPool = numUnjudgedInPool
        self.levelCounts = levelCounts
        self.relevanceLevel = relevanceLevel
    }

    /// One more than the highest non-negative grade judged (trec_eval's num_rel_levels).
    public var numRelLevels: Int { (levelCounts.last?.level ?? -1) + 1 }

    /// Judged documents of the topic at exactly `level`.
    public func count(atLevel level: Int) -> Int {
        levelCounts.first { $0.level == level }?.count ?? 0
    }

    /// Whether the document at rank `i` (0-based) has a grade at or above the relevance level.
    @inline(__always)
    public func isRelevant(_ i: Int) -> Bool { rels[i] >= relevanceLevel }

    /// The same ranking judged with another relevance level (for measures with their own
    /// `rel=N`): num_rel and num_rel_ret are counted again.
    public func withRelevanceLevel(_ level: Int) -> JudgedRanking {
        var copy = self
        copy.relevanceLevel = level
        copy.numRel = levelCounts.reduce(0) { $0 + ($1.level >= level ? $1.count : 0) }
        copy.numRelRet = rels.reduce(0) { $0 + ($1 >= 0 && $1 >= level ? 1 : 0) }
        return copy
    }
}
