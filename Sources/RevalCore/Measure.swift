/// What a report needs of a measure, whatever the measure is computed from: its name, the
/// names of the values it prints, and how they print and combine over topics.
///
/// `Measure` computes from a judged ranking (qrels); `PreferenceMeasure` from preference
/// judgments (-R prefs, qrels_prefs); `JudgmentGroupMeasure` from several judgment groups
/// (-R qrels_jg). An `Evaluation` holds any of them.
public protocol ReportedMeasure: Sendable {
    /// trec_eval's root name, e.g. `P` or `ndcg_cut`; for a measure named in ir_measures'
    /// syntax, its canonical name, e.g. `nDCG@10` (see `ModernMeasure`).
    var name: String { get }
    /// One printed name per value, e.g. `P_5`, `P_10`.
    var valueNames: [String] { get }
    /// How values print and combine over topics.
    var style: MeasureStyle { get }
}

/// A retrieval measure: a name, the names of the values it prints, and a pure function
/// from one judged ranking to those values.
///
/// ```swift
/// let p = try MeasureCatalog.make("P", parameters: "5,10")  // P_5, P_10
/// p.evaluate(ranking, context)                               // [0.4, 0.3]
/// ```
public protocol Measure: ReportedMeasure {
    /// Values for one topic, one per `valueNames` entry.
    func evaluate(_ ranking: JudgedRanking, _ context: EvalContext) -> [Double]
    /// A text value for one topic, for measures that print text (relstring).
    func text(_ ranking: JudgedRanking, _ context: EvalContext) -> String?
    /// Whether trec_eval sets this measure to 0 for a qrels topic missing from the run
    /// under -c (num_ret, utility, relstring, unj, rbp_resid), instead of scoring its
    /// one-document placeholder run.
    var zeroForMissingTopic: Bool { get }
}

extension Measure {
    /// No text value, for measures that print numbers.
    public func text(_ ranking: JudgedRanking, _ context: EvalContext) -> String? { nil }
    /// Most measures score trec_eval's placeholder run for a missing topic.
    public var zeroForMissingTopic: Bool { false }
}

/// Settings that every measure may read.
public struct EvalContext: Sendable {
    /// Grade at or above which a document is relevant (-l).
    public var relevanceLevel: Int
    /// Number of documents in the collection (-N), used only by utility.
    public var documentsInCollection: Int

    /// A context for `relevanceLevel` (-l) and `documentsInCollection` (-N).
    public init(relevanceLevel: Int = 1, documentsInCollection: Int = 0) {
        self.relevanceLevel = relevanceLevel
        self.documentsInCollection = documentsInCollection
    }
}

/// How a measure's values print and how they combine into the summary.
public struct MeasureStyle: Sendable, Equatable {
    /// How one value prints.
    public enum Format: Sendable, Equatable {
        /// `%6.4f`
        case real
        /// `%ld` of the value cast to an integer.
        case integer
        /// A quoted string per topic (relstring); nothing in the summary.
        case quotedText
        /// The run tag, summary only (runid).
        case runTag
    }

    /// How per-topic values combine into the summary line.
    public enum Summary: Sendable, Equatable {
        /// Arithmetic mean over topics.
        case mean
        /// Sum over topics.
        case sum
        /// exp(mean(log(max(x, 1e-5)))).
        case geometricMean
        /// The number of topics (num_q).
        case topicCount
        /// Nothing is printed in the summary.
        case none
    }

    /// How values print.
    public var format: Format
    /// How values combine over topics.
    public var summary: Summary
    /// Whether -q prints a line per topic.
    public var perQuery: Bool

    /// A style from its three parts.
    public init(format: Format, summary: Summary, perQuery: Bool) {
        self.format = format
        self.summary = summary
        self.perQuery = perQuery
    }

    /// `%6.4f` values averaged over topics, printed per topic: most measures.
    public static let real = MeasureStyle(format: .real, summary: .mean, perQuery: true)
    /// Integer counts summed over topics (num_ret, num_rel, num_rel_ret).
    public static let count = MeasureStyle(format: .integer, summary: .sum, perQuery: true)
    /// `%6.4f` values with a geometric mean (gm_map, gm_bpref).
    public static let geometric = MeasureStyle(format: .real, summary: .geometricMean, perQuery: false)
}
