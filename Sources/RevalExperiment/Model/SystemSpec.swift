import RevalCost

/// One system: its run per dataset, and optionally efficiency profiles, published scores
/// and descriptive text.
public struct SystemSpec: Sendable {
    public var name: String
    /// dataset name → run, in the file's order.
    public var runs: [DatasetPath]
    /// dataset name → efficiency profile.
    public var efficiency: [DatasetProfile]
    /// Published scores this system should reproduce.
    public var expected: [ExpectedScore]
    /// Free text shown as columns (`type: sparse`), in the file's order.
    public var about: [(key: String, value: String)]
    public var location: ExperimentLocation

    /// The run for `dataset`, if any.
    public func run(for dataset: String) -> DatasetPath? { runs.first { $0.dataset == dataset } }

    /// The efficiency profile for `dataset`, if any.
    public func profile(for dataset: String) -> DatasetProfile? { efficiency.first { $0.dataset == dataset } }
}

/// An efficiency profile (RevalCost) of a system on one dataset, read when the experiment
/// is read.
public struct DatasetProfile: Sendable {
    public var file: DatasetPath
    public var dataset: String { file.dataset }
    /// nil only when the experiment was read without checking files.
    public var profile: EfficiencyProfile?
}

/// A file that belongs to one dataset (a run, a profile).
public struct DatasetPath: Sendable, Equatable {
    public var dataset: String
    /// Resolved against the experiment's folder.
    public var path: String
    /// As written in the experiment file.
    public var asWritten: String
    public var location: ExperimentLocation
}

/// A published score: system × dataset × measure → value, with the text it was written as
/// (its decimals say how closely it must be reproduced).
public struct ExpectedScore: Sendable, Equatable {
    public var dataset: String
    /// The measure as written (`ndcg_cut.10`, `nDCG@10`).
    public var measure: String
    /// The printed name it selects (`ndcg_cut_10`).
    public var printedName: String
    public var value: Double
    public var text: String
    public var location: ExperimentLocation

    /// Half a unit in the last decimal written: 0.5058 → 0.00005. A value that rounds to the
    /// published text is within it.
    public var roundingTolerance: Double {
        let mantissa = text.split(whereSeparator: { $0 == "e" || $0 == "E" }).first.map(String.init) ?? text
        let decimals = mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        var tolerance = 0.5
        for _ in 0..<decimals { tolerance /= 10 }
        return tolerance * (1 + 1e-9)
    }
}
