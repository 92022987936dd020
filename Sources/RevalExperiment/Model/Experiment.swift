import RevalEval

/// An evaluation described once: the datasets (qrels, splits), the systems (a run per
/// dataset, efficiency profiles, published scores), the measures, a baseline and the
/// significance settings. `reval leaderboard` renders it; `reval gate` judges it.
///
/// Paths are resolved against the experiment file's folder when it is read. Read one with
/// `ExperimentReader.read(path:)`; evaluate it with `ExperimentEvaluation.evaluate(_:)`.
///
/// ```swift
/// let experiment = try ExperimentReader.read(path: "Reports/dl19.yaml")
/// experiment.systems.map(\.name)       // ["BM25", "BM25+RM3", ...]
/// experiment.measures.map(\.name)      // ["ndcg_cut.10", "map", "recall.100"]
/// ```
public struct Experiment: Sendable {
    /// The experiment file, as given.
    public var file: String
    /// The folder its paths are relative to.
    public var folder: String
    /// The file's bytes, for the digest in reports, and for sections read by other
    /// commands (`gate:` parses them again with `YAMLDocument.parse`).
    public var bytes: [UInt8]
    public var title: String?
    /// The measures of the tables, in the file's order; the first ranks the leaderboard.
    public var measures: [MeasureSpec]
    /// -l, -J, -M and the rest; `completeTopics` is always on (the -c rule).
    public var settings: EvaluationSettings
    /// The system every other is compared with, if any.
    public var baseline: String?
    public var significance: SignificanceSettings
    public var cost: CostSettings
    public var datasets: [DatasetSpec]
    public var systems: [SystemSpec]
    public var leaderboard: LeaderboardSettings
    /// The `gate:` section, read by `reval gate`; nil when the file has none.
    public var gate: GateSpec? = nil

    /// The dataset called `name`.
    public func dataset(_ name: String) -> DatasetSpec? { datasets.first { $0.name == name } }

    /// The system called `name`.
    public func system(_ name: String) -> SystemSpec? { systems.first { $0.name == name } }

    /// The printed names of the table measures, in order, each once (`P.5,10` gives `P_5`
    /// and `P_10`). The first ranks the leaderboard.
    public var printedMeasures: [String] {
        var seen = Set<String>()
        return measures.flatMap(\.printedNames).filter { seen.insert($0).inserted }
    }
}

/// A measure as the experiment names it (a trec_eval or ir_measures name) and the printed
/// names it gives.
public struct MeasureSpec: Sendable, Equatable {
    public var name: String
    public var printedNames: [String]
    public var location: ExperimentLocation
}
