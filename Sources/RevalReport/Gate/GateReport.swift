import RevalExperiment

/// The verdicts of `reval gate`: one per (check, dataset), in the file's check order and
/// then dataset order. Built by `GateReport.judge(_:)` from an evaluated experiment; every
/// renderer (terminal, JUnit XML, Markdown, GitHub annotations, JSON) reads only this.
///
/// ```swift
/// let results = try ExperimentEvaluation.evaluate(experiment)
/// let report = try GateReport.judge(results, generator: "reval 0.1")
/// report.passed            // true when every verdict passes: exit 0
/// GateTerminal.render(report)
/// ```
public struct GateReport: Sendable {
    public var title: String?
    /// The experiment file, as given.
    public var experiment: String
    public var generator: String
    public var candidate: String
    /// The baseline compared with, when the candidate is compared with one.
    public var baseline: String?
    /// How `not_significantly_worse` is decided, for notes: "paired t-test, alpha 0.05".
    public var significance: String
    public var verdicts: [GateVerdict]
    public var warnings: [String]

    /// Whether every verdict passes.
    public var passed: Bool { verdicts.allSatisfy(\.passed) }
    public var failures: [GateVerdict] { verdicts.filter { !$0.passed } }
    public var nearMisses: [GateVerdict] { verdicts.filter(\.isNearMiss) }
    /// The datasets that have verdicts, in the experiment's order.
    public var datasets: [String] {
        var seen: [String] = []
        for verdict in verdicts where !seen.contains(verdict.dataset) { seen.append(verdict.dataset) }
        return seen
    }
}

/// One check on one dataset.
public struct GateVerdict: Sendable {
    /// The check's 1-based index in the file.
    public var check: Int
    public var dataset: String
    /// The measure as written, and its printed name.
    public var measure: String
    public var printedName: String
    public var candidate: String
    public var baseline: String?
    public var candidateMean: Double
    public var baselineMean: Double?
    /// The qrels topics: every mean's denominator.
    public var topics: Int
    public var criteria: [GateCriterion]
    /// For a failure with a baseline: the (at most) 10 topics where the candidate lost most
    /// against it, largest loss first; ties in the qrels' topic order.
    public var worstTopics: [TopicLoss]
    /// Where the check stands in the experiment file.
    public var location: ExperimentLocation

    public var passed: Bool { criteria.allSatisfy(\.passed) }
    /// Passed, but some criterion within 10% of its threshold (see `GateCriterion.nearMiss`).
    public var isNearMiss: Bool { passed && criteria.contains(where: \.nearMiss) }

    /// The JUnit class name: `gate.<dataset>`.
    public var classname: String { "gate.\(dataset)" }
    /// The JUnit test name, unique within the class: `check 1: ndcg_cut.10 min, max_drop`.
    public var name: String { "check \(check): \(measure) \(criteria.map(\.kind.rawValue).joined(separator: ", "))" }
}

/// One criterion of a check on one dataset: what was compared, and by how much it passed
/// or failed.
public struct GateCriterion: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case min
        case maxDrop = "max_drop"
        case maxRelativeDrop = "max_relative_drop"
        case notSignificantlyWorse = "not_significantly_worse"
        case reproduce
    }

    public var kind: Kind
    /// The value of the key as written (`0.70`; `true` for not_significantly_worse).
    public var setting: String
    /// What the candidate is held to: the floor (min, max_drop, max_relative_drop), alpha
    /// (not_significantly_worse), the tolerance (reproduce).
    public var threshold: Double
    /// What is held to it: the candidate's mean; the p-value (nil when the candidate is
    /// not lower, or the test does not exist); |mean − expected|.
    public var actual: Double?
    /// How far inside (positive) or outside (negative) the threshold: mean − floor,
    /// p − alpha, tolerance − |mean − expected|. nil for not_significantly_worse when the
    /// candidate is not lower or the test gives no p.
    public var margin: Double?
    public var passed: Bool
    /// Passed with less than 10% of the threshold's room to spare: docs/ci.md.
    public var nearMiss: Bool
    /// The published score (reproduce).
    public var expected: Double?
    public var expectedText: String?
    /// candidate − baseline (the baseline criteria).
    public var difference: Double?
    /// The test's name (not_significantly_worse): "t-test".
    public var test: String?
    /// One line saying what was compared: "0.7308 >= 0.70 (margin +0.0308)" (renderers put the kind before it).
    public var summary: String
}

/// A topic where the candidate scored lower than the baseline.
public struct TopicLoss: Sendable, Equatable {
    public var topic: String
    public var candidate: Double
    public var baseline: Double
    /// candidate − baseline (negative).
    public var difference: Double
}
