/// A measure named in ir_measures' syntax (`nDCG@10`, `AP(rel=2)`, `RBP(p=0.9)`): one
/// value per topic, printed under its canonical name.
///
/// ```swift
/// let m = try ModernMeasure.parse("nDCG(dcg='exp-log2')@10")
/// m.name                        // "nDCG(dcg='exp-log2')@10"
/// m.evaluate(ranking, context)  // [0.6131]
/// try ModernMeasure.parse("MAP(rel=1)").name  // "AP": aliases and defaults are dropped
/// ```
///
/// Measures trec_eval also has are computed by trec_eval's code (`nDCG@10` is
/// `ndcg_cut.10`); docs/measures.md lists every name and its definition.
public struct ModernMeasure: Measure {
    /// The canonical ir_measures name: the family's own name (not an alias), parameters
    /// in the family's order, those equal to their default left out, then `@cutoff`.
    public let name: String
    /// How its value prints and combines.
    public let style: MeasureStyle
    /// Whether a topic missing from the run scores 0 outright under -c.
    public let zeroForMissingTopic: Bool
    let compute: @Sendable (JudgedRanking, EvalContext) -> Double

    init(name: String, style: MeasureStyle = .real, zeroForMissingTopic: Bool = false,
         compute: @escaping @Sendable (JudgedRanking, EvalContext) -> Double) {
        self.name = name
        self.style = style
        self.zeroForMissingTopic = zeroForMissingTopic
        self.compute = compute
    }

    /// One value, printed under the canonical name.
    public var valueNames: [String] { [name] }

    /// The measure's value for one judged ranking.
    public func evaluate(_ ranking: JudgedRanking, _ context: EvalContext) -> [Double] {
        [compute(ranking, context)]
    }

    /// The measure called `text` in ir_measures' syntax. `relevanceLevel` (trec_eval's
    /// `-l`) is the `rel` of a family that takes one with default 1 when `text` does not
    /// set it; the name then shows it (`AP(rel=2)`).
    /// Throws `.unknownMeasure` for a name no family has, `.invalidParameters` otherwise.
    public static func parse(_ text: String, relevanceLevel: Int = 1) throws(MeasureError) -> ModernMeasure {
        let parsed = try ModernMeasureName.parse(text)
        guard let (family, presets) = ModernFamily.named(parsed.family) else { throw .unknownMeasure(text) }
        var defaults = presets
        let presetRel = presets.contains { $0.key == "rel" }
        let defaultRel = family.parameters.contains { $0.key == "rel" && $0.defaultValue == .integer(1) }
        if relevanceLevel != 1, presetRel || defaultRel, !parsed.parameters.contains(where: { $0.key == "rel" }) {
            // An alias's rel (NumRelRet is NumRet(rel=1)) is a default too.
            defaults.removeAll { $0.key == "rel" }
            defaults.append(ModernParameter("rel", .integer(relevanceLevel)))
        }
        let arguments = try family.arguments(for: parsed, presets: defaults)
        return family.build(arguments)
    }

    /// Whether `name` alone (no parameters, no cutoff) is a modern family or alias, e.g.
    /// `AP`, `NumQ`, `MRR`.
    public static func isFamilyName(_ name: String) -> Bool {
        ModernFamily.named(name) != nil
    }

    /// The family names, in the order docs/measures.md lists them.
    public static var familyNames: [String] { ModernFamily.all.map(\.name) }
}
