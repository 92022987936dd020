// Counting measures: runid, num_q, num_ret, num_rel, num_rel_ret, num_nonrel_judged_ret.
// Counts are summed over topics in the summary, not averaged.

extension MeasureCatalog {
    /// The run tag; printed in the summary only.
    static let runid = Entry("runid", .none, MeasureStyle(format: .runTag, summary: .none, perQuery: false)) { _, _, _ in [0] }

    /// Number of topics evaluated; printed in the summary only.
    static let numQ = Entry("num_q", .none, MeasureStyle(format: .integer, summary: .topicCount, perQuery: false)) { _, _, _ in [1] }

    /// Documents retrieved (after -M and -J).
    static let numRet = Entry("num_ret", .none, .count) { r, _, _ in [Double(r.numRet)] }

    /// Judged documents with grade >= the relevance level.
    static let numRel = Entry("num_rel", .none, .count) { r, _, _ in [Double(r.numRel)] }

    /// Relevant documents retrieved.
    static let numRelRet = Entry("num_rel_ret", .none, .count) { r, _, _ in [Double(r.numRelRet)] }

    /// Judged non-relevant documents retrieved: num_ret - nonpool - unjudged - num_rel_ret.
    static let numNonrelJudgedRet = Entry("num_nonrel_judged_ret", .none, .count) { r, _, _ in
        [Double(r.numRet - r.numNonpool - r.numUnjudgedInPool - r.numRelRet)]
    }
}
