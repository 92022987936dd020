/// trec_eval's judgment-group measures in its print order (after the preference measures
/// in `te_trec_measures[]`) and the nickname `qrels_jg`.
public enum JudgmentGroupMeasureCatalog {
    /// A measure's name and the qrels measure it averages.
    public struct Entry: Sendable {
        public let name: String
        let base: MeasureCatalog.Entry

        /// The measure with parameters parsed from `text` (nil for the defaults); the
        /// parameters are the base measure's (`P_avgjg.5,10` prints P_avgjg_5, P_avgjg_10).
        public func make(parameters text: String?) throws(MeasureError) -> GroupAveragedMeasure {
            let p = try base.kind.parse(text, measure: name)
            let measure = try base.make(parameters: text)
            return GroupAveragedMeasure(name: name, valueNames: base.kind.valueNames(name, p), base: measure)
        }
    }

    public static let entries: [Entry] = [
        Entry(name: "map_avgjg", base: MeasureCatalog.map),
        Entry(name: "P_avgjg", base: MeasureCatalog.precision),
        Entry(name: "Rprec_mult_avgjg", base: MeasureCatalog.rPrecMult),
    ]

    public static let nicknames: [String: [String]] = [
        "qrels_jg": ["runid", "num_q", "map_avgjg", "P_avgjg", "Rprec_mult_avgjg"],
    ]

    public static func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }
}
