/// A measure built from a catalog entry and its parameters.
public struct TrecMeasure: Measure {
    /// trec_eval's root name (`P`, `ndcg_cut`).
    public let name: String
    /// One printed name per value (`P_5`, `P_10`).
    public let valueNames: [String]
    /// How values print and combine.
    public let style: MeasureStyle
    /// The parameters given (or the measure's defaults).
    public let parameters: ParsedParameters
    let compute: @Sendable (JudgedRanking, EvalContext, ParsedParameters) -> [Double]
    let describe: (@Sendable (JudgedRanking, EvalContext, ParsedParameters) -> String)?

    /// The measure's values for one judged ranking.
    public func evaluate(_ ranking: JudgedRanking, _ context: EvalContext) -> [Double] {
        compute(ranking, context, parameters)
    }

    /// The text value (relstring only).
    public func text(_ ranking: JudgedRanking, _ context: EvalContext) -> String? {
        describe?(ranking, context, parameters)
    }

    /// Whether trec_eval zeroes this measure for a topic missing from the run under -c.
    public var zeroForMissingTopic: Bool {
        ["num_ret", "utility", "relstring", "unj", "rbp_resid"].contains(name)
    }
}

/// Every measure reval knows by its trec_eval name, in trec_eval's print order
/// (the order of `te_trec_measures[]` in trec_eval's measures.c), and the nicknames.
public enum MeasureCatalog {
    /// A measure's definition: name, parameter form, print style and computation.
    public struct Entry: Sendable {
        /// trec_eval's name for the measure.
        public let name: String
        /// Which parameters the measure takes.
        public let kind: ParameterKind
        public let style: MeasureStyle
        let compute: @Sendable (JudgedRanking, EvalContext, ParsedParameters) -> [Double]
        var describe: (@Sendable (JudgedRanking, EvalContext, ParsedParameters) -> String)? = nil
        /// How many parameters the measure needs when they are given (utility needs 4).
        var requiredParameterCount: Int? = nil

        init(_ name: String, _ kind: ParameterKind = .none, _ style: MeasureStyle = .real,
             compute: @escaping @Sendable (JudgedRanking, EvalContext, ParsedParameters) -> [Double]) {
            self.name = name
            self.kind = kind
            self.style = style
            self.compute = compute
        }

        /// The measure with parameters parsed from `text` (nil for the defaults).
        public func make(parameters text: String?) throws(MeasureError) -> TrecMeasure {
            let p = try kind.parse(text, measure: name)
            if let required = requiredParameterCount, p.decimals.count != required {
                throw .invalidParameters(measure: name, reason: "needs \(required) comma-separated values, got '\(text ?? "")'")
            }
            return TrecMeasure(name: name, valueNames: kind.valueNames(name, p), style: style,
                               parameters: p, compute: compute, describe: describe)
        }
    }

    /// Print order. One line per measure.
    public static let entries: [Entry] = [
        runid, numQ, numRet, numRel, numRelRet, map, gmMap, rPrec, bpref, recipRank,
        iprecAtRecall, precision, relstring, recall, infAP, gmBpref, rPrecMult, utility,
        elevenPointAverage, binG, g, dcg, idealDCG, ndcg, ndcgRel, rNDCG, ndcgCut, mapCut,
        relativePrecision, success, setP, setRelativeP, setRecall, setMAP, setF,
        numNonrelJudgedRet, yaap, rbp, rbpResidual, unjudged,
    ]

    /// trec_eval's nicknames: `official` (the default), `all_trec` and `set`.
    public static let nicknames: [String: [String]] = [
        "official": ["runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map",
                     "Rprec", "bpref", "recip_rank", "iprec_at_recall", "P"],
        "all_trec": ["runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map",
                     "Rprec", "bpref", "recip_rank", "iprec_at_recall", "P", "relstring",
                     "recall", "unj", "rbp", "rbp_resid", "infAP", "gm_bpref", "utility",
                     "11pt_avg", "ndcg", "relative_P", "Rprec_mult", "success", "map_cut",
                     "ndcg_cut", "ndcg_rel", "Rndcg", "binG", "G", "set_P", "set_recall",
                     "set_relative_P", "set_map", "set_F", "num_nonrel_judged_ret"],
        "set": ["runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "utility", "set_P",
                "set_recall", "set_relative_P", "set_map", "set_F"],
    ]

    /// The catalogue entry with trec_eval's `name`, or nil.
    public static func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    /// The measure called `name` with parameters `text`.
    public static func make(_ name: String, parameters text: String? = nil) throws(MeasureError) -> TrecMeasure {
        guard let entry = entry(named: name) else { throw .unknownMeasure(name) }
        return try entry.make(parameters: text)
    }

    /// Resolves trec_eval `-m` arguments (`map`, `P.5,10`, `all_trec`) into measures in
    /// print order. A nickname selects its measures with default parameters; when a
    /// measure is given parameters more than once, the first wins, as in trec_eval.
    public static func select(_ arguments: [String]) throws(MeasureError) -> [TrecMeasure] {
        var selected = Set<String>()
        var parameters: [String: String] = [:]
        for argument in arguments {
            let name: String
            if let dot = argument.firstIndex(of: ".") {
                name = String(argument[..<dot])
                let text = String(argument[argument.index(after: dot)...])
                if text.isEmpty { throw .emptyParameters(name) }
                if parameters[name] == nil { parameters[name] = text }
            } else {
                name = argument
            }
            if let members = nicknames[name] {
                selected.formUnion(members)
            } else if entry(named: name) != nil {
                selected.insert(name)
            } else {
                throw .unknownMeasure(name)
            }
        }
        var measures: [TrecMeasure] = []
        for entry in entries where selected.contains(entry.name) {
            measures.append(try entry.make(parameters: parameters[entry.name]))
        }
        return measures
    }
}

extension MeasureCatalog.Entry {
    static func withParameterCount(
        _ count: Int, _ name: String, _ kind: ParameterKind, _ style: MeasureStyle = .real,
        compute: @escaping @Sendable (JudgedRanking, EvalContext, ParsedParameters) -> [Double]
    ) -> Self {
        var entry = Self(name, kind, style, compute: compute)
        entry.requiredParameterCount = count
        return entry
    }

    func describing(_ describe: @escaping @Sendable (JudgedRanking, EvalContext, ParsedParameters) -> String) -> Self {
        var entry = self
        entry.describe = describe
        return entry
    }
}
