/// The `gate:` section of an experiment file: which system is judged, against which
/// baseline, and the checks it must pass. `reval gate` gives one verdict per (check,
/// dataset). docs/ci.md describes every key.
///
/// ```yaml
/// gate:
///   candidate: SPLADE++ ED
///   baseline: BM25
///   checks:
///     - {measure: ndcg_cut.10, min: 0.70, max_drop: 0.01}
/// ```
public struct GateSpec: Sendable, Equatable {
    /// The system judged (a name under `systems:`).
    public var candidate: String
    /// `gate.baseline`, else the experiment's `baseline`; nil when neither is given. It may
    /// be the candidate itself only when no check needs a baseline.
    public var baseline: String?
    public var checks: [GateCheck]
    public var location: ExperimentLocation

    /// The baseline when it is another system than the candidate (the one worst topics are
    /// measured against).
    public var comparedBaseline: String? { baseline == candidate ? nil : baseline }
}

/// One check of the gate: a measure, the datasets it applies to, and the criteria the
/// candidate's mean must meet on each of them. A check passes on a dataset when every
/// criterion given does.
public struct GateCheck: Sendable, Equatable {
    /// 1-based, in the file's order: names the check in every report.
    public var index: Int
    /// As written (`ndcg_cut.10`, `nDCG@10`).
    public var measure: String
    /// The one printed name it selects (`ndcg_cut_10`).
    public var printedName: String
    /// Resolved: as listed, or every dataset the candidate has a run for.
    public var datasets: [String]
    /// The candidate's mean must be >= this.
    public var min: GateThreshold?
    /// candidate mean >= baseline mean − max_drop.
    public var maxDrop: GateThreshold?
    /// candidate mean >= baseline mean × (1 − max_relative_drop).
    public var maxRelativeDrop: GateThreshold?
    /// Fails only when the candidate is lower and the experiment's paired test gives p < alpha.
    public var notSignificantlyWorse: Bool
    /// |candidate mean − the candidate's published (`expected`) score| <= tolerance.
    public var reproduce: GateThreshold?
    public var location: ExperimentLocation

    /// Whether a criterion compares with the baseline.
    public var needsBaseline: Bool { maxDrop != nil || maxRelativeDrop != nil || notSignificantlyWorse }

    /// The criteria given, by their keys, in a fixed order.
    public var criterionKeys: [String] {
        var keys: [String] = []
        if min != nil { keys.append("min") }
        if maxDrop != nil { keys.append("max_drop") }
        if maxRelativeDrop != nil { keys.append("max_relative_drop") }
        if notSignificantlyWorse { keys.append("not_significantly_worse") }
        if reproduce != nil { keys.append("reproduce") }
        return keys
    }
}

/// A number of the gate section, with its text as written (`0.70` stays `0.70` in reports).
public struct GateThreshold: Sendable, Equatable {
    public var value: Double
    public var text: String
    public var location: ExperimentLocation

    public init(value: Double, text: String, location: ExperimentLocation) {
        self.value = value
        self.text = text
        self.location = location
    }
}
