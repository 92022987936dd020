import RevalCost
import RevalEval
import RevalSplits

/// An experiment evaluated once: per dataset, one results table holding every system's
/// per-topic values (the -c rule), and the split and cost figures derived from it. Every
/// view (leaderboard, gate) reads these; nothing reads a run twice.
public struct ExperimentResults: Sendable {
    public var experiment: Experiment
    /// In the experiment's dataset order.
    public var datasets: [DatasetResults]
    /// Every input file and its XXH64, and one digest over them all.
    public var inputs: InputDigest
    /// Things a reader should know (runs lacking topics, small split sides), in order.
    public var warnings: [String]

    /// The results of the dataset called `name`.
    public func dataset(_ name: String) -> DatasetResults? { datasets.first { $0.spec.name == name } }
}

/// One dataset's results.
public struct DatasetResults: Sendable {
    public var spec: DatasetSpec
    /// Runs are named by system, in the experiment's system order, for the systems with a
    /// run on this dataset. Topics are the qrels topics.
    public var table: ResultsTable
    /// The split and every system's values on it, when the dataset has one.
    public var split: SplitEvaluation?
    /// Cost figures of the systems with an efficiency profile here (quality from `table`,
    /// the frontier on the experiment's cost axis), when any has one.
    public var cost: CostReport?

    /// The systems with a run on this dataset.
    public var systems: [String] { table.runs }
    /// The number of qrels topics (every mean's denominator).
    public var topicCount: Int { table.topics.count }
}
