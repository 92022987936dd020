import RevalCost
import RevalExperiment

/// A leaderboard: systems ranked by the first measure's average over datasets, with every
/// number a reader needs beside it — quality per dataset with significance marks against
/// the baseline, the multi-dataset average, split columns, cost columns and the Pareto
/// frontier, published scores reproduced or not, and descriptive columns. Every renderer
/// (Markdown, CSV, JSON, LaTeX, HTML) reads this one value.
///
/// ```swift
/// let results = try ExperimentEvaluation.evaluate(try ExperimentReader.read(path: "Reports/dl19.yaml"))
/// let board = Leaderboard.build(results, generator: "reval 0.1.0")
/// board.rows.map(\.name)                       // ranked
/// print(MarkdownRenderer.render(board))
/// ```
public struct Leaderboard: Sendable {
    public struct Dataset: Sendable {
        public var name: String
        /// Qrels topics: every mean's denominator.
        public var topics: Int
        public var group: String?
        public var hasSplit: Bool
        /// Buckets of the split.
        public var splitBuckets: Int
        public var hasCost: Bool
        /// The currency of money figures on this dataset, when any is priced.
        public var currency: String?
    }

    /// A cell's comparison with the baseline.
    public struct Mark: Sendable, Equatable {
        public var p: Double?
        public var adjustedP: Double?
        public var significant: Bool
        /// system − baseline.
        public var difference: Double?
        /// Significantly higher than the baseline (false: significantly lower, or not
        /// significant).
        public var isGain: Bool { significant && (difference ?? 0) > 0 }
        public var isLoss: Bool { significant && (difference ?? 0) < 0 }
    }

    /// Macro averages over a split's buckets (each bucket weighs the same), per measure.
    public struct SplitCells: Sendable, Equatable {
        public var interpolate: [Double?]
        public var extrapolate: [Double?]
        /// interpolate − extrapolate.
        public var gap: [Double?]
    }

    public struct CostCells: Sendable, Equatable {
        public var p95Milliseconds: Double?
        public var qps: Double?
        public var costPerMillion: Double?
        public var currency: String?
        /// On the frontier of quality (the first measure) against cost on the experiment's
        /// axis; nil when it cannot be placed.
        public var pareto: Bool?
    }

    /// A published score and whether the run reproduces it (within half a unit of its last
    /// written decimal).
    public struct ExpectedCheck: Sendable, Equatable {
        public var dataset: String
        /// Printed name.
        public var measure: String
        public var expectedText: String
        public var expected: Double
        public var actual: Double?
        public var reproduced: Bool
    }

    public struct Row: Sendable {
        public var name: String
        /// 1 for the best; equal averages share a rank; systems without an average follow
        /// by name.
        public var rank: Int
        public var isBaseline: Bool
        /// scores[dataset][measure]; nil where the system has no run.
        public var scores: [[Double?]]
        /// Qrels topics the run lacks, per dataset; nil where it has no run.
        public var missingTopics: [Int?]
        /// Per measure; nil unless the system has a run on every dataset.
        public var average: [Double?]
        /// groupAverages[group][measure].
        public var groupAverages: [[Double?]]
        /// marks[dataset][measure]; nil for the baseline and where there is no comparison.
        public var marks: [[Mark?]]
        public var splits: [SplitCells?]
        public var cost: [CostCells?]
        /// Aligned with `Leaderboard.aboutKeys`.
        public var about: [String?]
        public var expected: [ExpectedCheck]
    }

    /// Per-topic differences of one system against the baseline on one dataset, sorted from
    /// the largest gain to the largest loss.
    public struct TopicDifferences: Sendable {
        public var dataset: String
        public var system: String
        public var measure: String
        public var topics: [String]
        public var differences: [Double]
    }

    public var title: String?
    /// Printed measure names; the first ranks the table.
    public var measures: [String]
    public var datasets: [Dataset]
    /// Group names, in order of first appearance.
    public var groups: [String]
    /// The number of values averaged: ungrouped datasets plus groups.
    public var averagedUnits: Int
    public var aboutKeys: [String]
    public var baseline: String?
    public var significance: SignificanceSettings
    public var costAxis: CostAxis
    public var percentileRule: PercentileRule
    public var rows: [Row]
    public var topicDifferences: [TopicDifferences]
    /// The experiment file's name (no folders).
    public var experimentName: String
    /// "reval 0.1.0".
    public var generator: String
    public var inputs: InputDigest
    public var warnings: [String]

    /// Whether averages are worth a column: more than one value is averaged.
    public var showsAverage: Bool { averagedUnits > 1 }
    /// Whether any cell carries a comparison.
    public var hasMarks: Bool { rows.contains { $0.marks.contains { $0.contains { $0 != nil } } } }
}
