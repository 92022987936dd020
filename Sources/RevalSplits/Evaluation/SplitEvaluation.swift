#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RevalCore
import RevalEval

/// Every measure of every run on every side of every bucket of a split, with the averages
/// over buckets, the gaps between the sides and the value over the full qrels.
///
/// Values come from one `ResultsTable` (each run evaluated once over the full qrels with
/// trec_eval's `-c` rule): a side's value is the table restricted to the side's topics,
/// summarised as trec_eval -c summarises, so it equals trec_eval -c run on qrels holding
/// just those topics. Over buckets:
///
///     macro(side) = (1/K) Σ_k value(bucket k, side)          each bucket weighs the same
///     pooled(side) = summary over every (bucket k, topic t in side of k) pair
///     gap = value(interpolate) − value(extrapolate)
///     relative gap = gap / value(interpolate)
///
/// A side with no topics has no value (nil) and is left out of the macro mean, with a
/// warning; so is a side with fewer than `smallSide` topics warned about, though it counts.
///
/// ```swift
/// let table = try ResultsTable.evaluate(qrels: qrels, runs: [RunInput(path: "bm25.txt")],
///                                       measures: ["ndcg_cut.10"], settings: settings)
/// let result = SplitEvaluation(split: split, table: table, entries: [.run("bm25.txt")])
/// result.runs[0].macro.side(SplitLabel.extrapolate)?.values   // [0.57...]
/// ```
public struct SplitEvaluation: Sendable {
    /// What one row of results is made of: one run for every bucket, or one run per bucket
    /// (the proper protocol: bucket k's run comes from the model trained without bucket k).
    public enum Entry: Sendable {
        case run(String)
        case perBucket(name: String, runs: [String: String])

        public var name: String {
            switch self {
            case .run(let name): return name
            case .perBucket(let name, _): return name
            }
        }

        func run(for bucket: String) -> String? {
            switch self {
            case .run(let name): return name
            case .perBucket(_, let runs): return runs[bucket]
            }
        }
    }

    /// The number of topics and the value of every measure on one side (nil: no topics).
    public struct Side: Sendable, Equatable {
        public var label: String
        public var n: Int
        /// Aligned with `SplitEvaluation.measures`.
        public var values: [Double?]
        /// For macro averages: how many buckets had topics on this side.
        public var buckets: Int?
    }

    /// The sides of one bucket, or the macro or pooled sides, and their gaps.
    public struct Sides: Sendable, Equatable {
        public var sides: [Side]
        /// interpolate − extrapolate per measure; nil when the split lacks one of them.
        public var gap: [Double?]?
        /// gap / interpolate per measure (nil where interpolate is 0).
        public var relativeGap: [Double?]?

        public func side(_ label: String) -> Side? { sides.first { $0.label == label } }
    }

    public struct Bucket: Sendable, Equatable {
        public var bucket: String
        /// The run the values come from.
        public var run: String
        public var results: Sides
    }

    public struct RunResult: Sendable, Equatable {
        public var name: String
        public var perBucketRuns: Bool
        public var buckets: [Bucket]
        public var macro: Sides
        public var pooled: Sides
        /// Over every topic of the full qrels (for per-bucket runs: the mean over buckets of
        /// each bucket's run).
        public var full: Side
    }

    /// Printed measure names (text and count-of-topics measures left out).
    public private(set) var measures: [String]
    /// How each measure combines over topics (counts are sums), aligned with `measures`.
    public private(set) var summaryStyles: [MeasureStyle.Summary]
    public private(set) var labels: [String]
    public private(set) var runs: [RunResult] = []
    public private(set) var warnings: [String] = []

    /// Sides with fewer topics than this are warned about.
    public static let smallSide = 5

    public init(split: Split, table: ResultsTable, entries: [Entry]) {
        let kept = table.measures.indices.filter { table.summaryStyles[$0] != .topicCount && table.summaryStyles[$0] != .none }
        measures = kept.map { table.measures[$0] }
        let styles = kept.map { table.summaryStyles[$0] }
        summaryStyles = styles
        labels = split.labels
        let withGap = split.hasInterpolationAndExtrapolation
        let tableTopics = Set(table.topics)
        warnings = Self.coverageWarnings(split, tableTopics: tableTopics, qrelsCount: table.topics.count)
        let sideTables = split.buckets.map { bucket in
            labels.map { label in table.restricted(to: bucket.topics(labelled: label)) }
        }
        for (k, bucket) in split.buckets.enumerated() {
            for (l, label) in labels.enumerated() {
                let n = sideTables[k][l].topics.count
                if n == 0 {
                    warnings.append("\(bucket.name) \(label): no topics of the qrels; left out of the macro mean")
                } else if n < Self.smallSide {
                    warnings.append("\(bucket.name) \(label): \(n) topic\(n == 1 ? "" : "s") (fewer than \(Self.smallSide)); "
                                        + "it still weighs 1/\(split.buckets.count) of the macro mean")
                }
            }
        }
        for entry in entries {
            var buckets: [Bucket] = []
            var pooledValues = labels.map { _ in measures.map { _ in [Double]() } }
            for (k, bucket) in split.buckets.enumerated() {
                let run = entry.run(for: bucket.name) ?? entry.name
                var sides: [Side] = []
                for (l, label) in labels.enumerated() {
                    let sideTable = sideTables[k][l]
                    let n = sideTable.topics.count
                    let values = measures.map { n == 0 ? nil : sideTable.mean(run: run, measure: $0) }
                    sides.append(Side(label: label, n: n, values: values))
                    for (m, measure) in measures.enumerated() {
                        pooledValues[l][m].append(contentsOf: sideTable.values(run: run, measure: measure) ?? [])
                    }
                }
                buckets.append(Bucket(bucket: bucket.name, run: run, results: Self.sides(sides, withGap: withGap)))
            }
            let macroSides = labels.enumerated().map { l, label -> Side in
                let present = buckets.compactMap { $0.results.sides[l].n > 0 ? $0.results.sides[l] : nil }
                let values = measures.indices.map { m -> Double? in
                    let per = present.compactMap { $0.values[m] }
                    guard !per.isEmpty, per.count == present.count else { return nil }
                    var sum = 0.0
                    for v in per { sum += v }
                    return sum / Double(per.count)
                }
                return Side(label: label, n: present.reduce(0) { $0 + $1.n }, values: values, buckets: present.count)
            }
            let pooledSides = labels.enumerated().map { l, label -> Side in
                let n = buckets.reduce(0) { $0 + $1.results.sides[l].n }
                let values = measures.indices.map { m in n == 0 ? nil : Self.summary(pooledValues[l][m], styles[m]) }
                return Side(label: label, n: n, values: values)
            }
            let full: Side
            switch entry {
            case .run(let name):
                full = Side(label: "all", n: table.topics.count, values: measures.map { table.mean(run: name, measure: $0) })
            case .perBucket:
                let names = buckets.map(\.run)
                full = Side(label: "all", n: table.topics.count, values: measures.map { measure -> Double? in
                    let per = names.compactMap { table.mean(run: $0, measure: measure) }
                    guard per.count == names.count, !per.isEmpty else { return nil }
                    var sum = 0.0
                    for v in per { sum += v }
                    return sum / Double(per.count)
                })
            }
            var perBucket = false
            if case .perBucket = entry { perBucket = true }
            runs.append(RunResult(name: entry.name, perBucketRuns: perBucket, buckets: buckets,
                                  macro: Self.sides(macroSides, withGap: withGap),
                                  pooled: Self.sides(pooledSides, withGap: withGap), full: full))
        }
    }

    /// The sides with their gaps.
    static func sides(_ sides: [Side], withGap: Bool) -> Sides {
        guard withGap,
              let i = sides.first(where: { $0.label == SplitLabel.interpolate }),
              let e = sides.first(where: { $0.label == SplitLabel.extrapolate }) else {
            return Sides(sides: sides, gap: nil, relativeGap: nil)
        }
        let gap = zip(i.values, e.values).map { a, b -> Double? in
            guard let a, let b else { return nil }
            return a - b
        }
        let relative = zip(gap, i.values).map { g, a -> Double? in
            guard let g, let a, a != 0 else { return nil }
            return g / a
        }
        return Sides(sides: sides, gap: gap, relativeGap: relative)
    }

    /// Combines per-topic values as trec_eval -c's summary does.
    static func summary(_ values: [Double], _ style: MeasureStyle.Summary) -> Double? {
        switch style {
        case .none: return nil
        case .topicCount: return Double(values.count)
        case .sum:
            var sum = 0.0
            for v in values { sum += v }
            return sum
        case .mean:
            var sum = 0.0
            for v in values { sum += v }
            return values.isEmpty ? nil : sum / Double(values.count)
        case .geometricMean:
            var sum = 0.0
            for v in values { sum += log(max(v, minimumGeometricMeanValue)) }
            return values.isEmpty ? nil : exp(sum / Double(values.count))
        }
    }

    /// Split topics the qrels lack, and qrels topics a bucket gives no label.
    static func coverageWarnings(_ split: Split, tableTopics: Set<String>, qrelsCount: Int) -> [String] {
        var warnings: [String] = []
        var absent: [(topic: String, location: SourceLocation?)] = []
        var seen = Set<String>()
        for bucket in split.buckets {
            for topic in bucket.topics where !tableTopics.contains(topic) && seen.insert(topic).inserted {
                absent.append((topic, bucket.location(of: topic)))
            }
        }
        // The first in file order.
        if let first = absent.min(by: { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }) {
            let place = first.location.map { " at \($0)" } ?? ""
            warnings.append("\(split.source): \(absent.count) topic\(absent.count == 1 ? "" : "s") of the split "
                                + "\(absent.count == 1 ? "is" : "are") not in the qrels (first: '\(first.topic)'\(place)); left out of every side")
        }
        for bucket in split.buckets {
            let labelled = Set(bucket.topics).intersection(tableTopics).count
            if labelled < qrelsCount {
                warnings.append("\(bucket.name): \(qrelsCount - labelled) of the \(qrelsCount) qrels topics have no label; "
                                    + "they are in no side of this bucket")
            }
        }
        return warnings
    }
}
