extension MeasureSelection {
    /// Resolves `-m` arguments for the relevance format given with -R.
    ///
    /// With qrels this is `select(_:)`, which also rejects the other formats' measures. With preferences or judgment groups only trec_eval
    /// names apply: that format's measures and nicknames (`all_prefs`, `prefs`, `qrels_jg`),
    /// plus runid and num_q, in trec_eval's print order; when a measure is given parameters
    /// more than once, the first wins. A known measure the format cannot compute (map with
    /// `-R prefs`, prefs_simp with qrels) is `MeasureError.wrongRelevanceFormat`.
    ///
    /// ```swift
    /// try MeasureSelection.select(["all_prefs"], format: .prefs).map(\.name)
    /// // ["runid", "num_q", "prefs_num_prefs_poss", ..., "prefs_avgjg_imp"]
    /// try MeasureSelection.select(["P_avgjg.5,10"], format: .qrelsJudgmentGroups).flatMap(\.valueNames)
    /// // ["P_avgjg_5", "P_avgjg_10"]
    /// ```
    public static func select(_ arguments: [String], format: RelevanceFormat) throws(MeasureError) -> [any ReportedMeasure] {
        if format == .qrels { return try select(arguments) }
        var selected = Set<String>()
        var parameters: [String: String] = [:]
        for argument in arguments {
            // ir_measures names are qrels measures.
            if argument.contains("@") || argument.contains("(") || ModernMeasure.isFamilyName(argument) {
                throw .wrongRelevanceFormat(measure: argument, format: format)
            }
            let name = String(argument.prefix { $0 != "." })
            if let dot = argument.firstIndex(of: ".") {
                let text = String(argument[argument.index(after: dot)...])
                if text.isEmpty { throw .emptyParameters(name) }
                if parameters[name] == nil { parameters[name] = text }
            }
            if let members = allNicknames[name] {
                selected.formUnion(members)
            } else if printOrder.contains(name) {
                selected.insert(name)
            } else {
                throw .unknownMeasure(name)
            }
        }
        var measures: [any ReportedMeasure] = []
        for name in printOrder where selected.contains(name) {
            guard RelevanceFormat.formats(forMeasure: name).contains(format) else {
                throw .wrongRelevanceFormat(measure: name, format: format)
            }
            if let preference = PreferenceMeasureCatalog.entry(named: name) {
                measures.append(preference)
            } else if let averaged = JudgmentGroupMeasureCatalog.entry(named: name) {
                measures.append(try averaged.make(parameters: parameters[name]))
            } else {
                measures.append(try MeasureCatalog.make(name, parameters: parameters[name]))
            }
        }
        return measures
    }

    /// The nicknames of every format.
    static let allNicknames: [String: [String]] = MeasureCatalog.nicknames
        .merging(PreferenceMeasureCatalog.nicknames) { a, _ in a }
        .merging(JudgmentGroupMeasureCatalog.nicknames) { a, _ in a }

    /// Every trec_eval measure name in trec_eval's print order (`te_trec_measures[]`): the
    /// preference and judgment-group measures come after num_nonrel_judged_ret.
    static let printOrder: [String] = {
        let qrels = MeasureCatalog.entries.map(\.name)
        let split = (qrels.firstIndex(of: "num_nonrel_judged_ret") ?? qrels.count - 1) + 1
        return Array(qrels[..<split]) + PreferenceMeasureCatalog.entries.map(\.name)
            + JudgmentGroupMeasureCatalog.entries.map(\.name) + Array(qrels[split...])
    }()
}
