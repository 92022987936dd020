/// A preference measure of trec_eval: no parameters, one value.
public struct TrecPreferenceMeasure: PreferenceMeasure {
    public let name: String
    public let style: MeasureStyle
    public let needsPairCounts: Bool
    let compute: @Sendable (PreferenceCounts) -> Double

    init(_ name: String, _ style: MeasureStyle = .real, needsPairCounts: Bool = false,
         compute: @escaping @Sendable (PreferenceCounts) -> Double) {
        self.name = name
        self.style = style
        self.needsPairCounts = needsPairCounts
        self.compute = compute
    }

    public var valueNames: [String] { [name] }

    public func evaluate(_ counts: PreferenceCounts) -> [Double] { [compute(counts)] }
}
