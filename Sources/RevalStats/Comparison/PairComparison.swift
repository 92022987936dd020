/// Every statistic of one system against one baseline on one measure.
public struct PairComparison: Sendable {
    /// A topic and the system's difference to the baseline on it.
    public struct TopicDifference: Sendable, Equatable {
        public var topic: String
        public var difference: Double
    }

    public var measure: String
    public var baseline: String
    public var system: String
    public var n: Int
    public var baselineMean: Double
    public var systemMean: Double
    /// mean(system − baseline) over the topics.
    public var difference: Double?
    public var tTest: PairedTTest
    public var randomization: RandomizationTest
    public var bootstrap: BootstrapInterval
    public var wilcoxon: WilcoxonSignedRank
    public var effectSize: EffectSize
    public var winsTiesLosses: WinsTiesLosses
    /// Tukey HSD's p for this pair, when that test was asked for.
    public var tukeyP: Double?
    /// The p of the deciding test, before correction.
    public var p: Double?
    /// `p` after the correction over the comparisons of the measure.
    public var adjustedP: Double?
    /// adjustedP ≤ alpha; nil when there is no p.
    public var significant: Bool?
    /// The five largest gains (difference > 0), largest first, ties in topic order.
    public var largestGains: [TopicDifference]
    /// The five largest losses (difference < 0), largest first, ties in topic order.
    public var largestLosses: [TopicDifference]
    /// Why values are missing (each a sentence).
    public var notes: [String]
}
