/// Resolves `-m` arguments written in either syntax: trec_eval's (`map`, `P.5,10`,
/// `ndcg_cut.10`, `all_trec`) or ir_measures' (`nDCG@10`, `AP(rel=2)`, `RBP(p=0.9)`).
///
/// ```swift
/// let measures = try MeasureSelection.select(["nDCG@10", "map", "P.5", "RR@10"])
/// measures.map(\.name)  // ["map", "P", "nDCG@10", "RR@10"]
/// ```
///
/// An argument with no `@` and no `(` whose name (before the first `.`) is a trec_eval
/// measure or nickname keeps trec_eval's meaning, so `P`, `Rprec`, `infAP` and `map` select
/// what trec_eval selects. So does any other such argument that is not exactly an
/// ir_measures name (`AP`, `NumQ`), so unknown names fail as they do in trec_eval.
/// trec_eval measures come first, in trec_eval's print order; ir_measures names follow in
/// the order given, each once.
///
/// `relevanceLevel` is trec_eval's `-l`: it applies to trec_eval's measures when they are
/// computed, and it is the `rel` of every ir_measures name that takes `rel` and does not
/// set it, so `-l 2 -m AP` selects `AP(rel=2)`, printed so.
public enum MeasureSelection {
    /// The measures the `-m` arguments name, trec_eval's first in print order, then ir_measures names in the order given.
    public static func select(_ arguments: [String], relevanceLevel: Int = 1) throws(MeasureError) -> [any Measure] {
        var trecArguments: [String] = []
        var modern: [ModernMeasure] = []
        for argument in arguments {
            if isTrecEvalArgument(argument) {
                trecArguments.append(argument)
            } else {
                let measure = try ModernMeasure.parse(argument, relevanceLevel: relevanceLevel)
                if !modern.contains(where: { $0.name == measure.name }) { modern.append(measure) }
            }
        }
        let trec: [any Measure]
        do {
            trec = trecArguments.isEmpty ? [] : try MeasureCatalog.select(trecArguments)
        } catch {
            // A preference or judgment-group measure (or nickname) needs another -R format.
            if case .unknownMeasure(let name) = error, isOtherFormatName(name) {
                throw .wrongRelevanceFormat(measure: name, format: .qrels)
            }
            throw error
        }
        return trec + modern
    }

    /// Whether `name` is a measure or nickname of a relevance format other than qrels.
    static func isOtherFormatName(_ name: String) -> Bool {
        PreferenceMeasureCatalog.entry(named: name) != nil || JudgmentGroupMeasureCatalog.entry(named: name) != nil
            || PreferenceMeasureCatalog.nicknames[name] != nil || JudgmentGroupMeasureCatalog.nicknames[name] != nil
    }

    /// Whether `argument` is read with trec_eval's syntax.
    public static func isTrecEvalArgument(_ argument: String) -> Bool {
        if argument.contains("@") || argument.contains("(") { return false }
        let root = String(argument.prefix { $0 != "." })
        if MeasureCatalog.nicknames[root] != nil || MeasureCatalog.entry(named: root) != nil { return true }
        return !ModernMeasure.isFamilyName(argument)
    }
}
