/// Reference means and standard deviations per topic and measure, for trec_eval's -Z:
/// each value x becomes (x - mean) / sd.
///
/// ```swift
/// let table = ZScoreTable([ZScoreTable.Entry(topic: "301", measure: "map", mean: 0.1212, deviation: 0.1545)])
/// table.zScore(0.05, topic: "301", measure: "map")   // -0.4608...
/// table.zScore(0.05, topic: "301", measure: "P_5")   // -1000000: no reference values
/// ```
public struct ZScoreTable: Sendable {
    /// What trec_eval prints for a value without reference numbers (MISSING_ZSCORE_VALUE).
    public static let missingValue = -1_000_000.0

    /// One line of a z-score file: `topic measure mean sd`.
    public struct Entry: Sendable, Equatable {
        public var topic: String
        /// A printed value name (`map`, `P_10`, `ndcg_cut_10`).
        public var measure: String
        public var mean: Double
        public var deviation: Double
        /// Source line, for messages.
        public var line: Int

        public init(topic: String, measure: String, mean: Double, deviation: Double, line: Int = 0) {
            self.topic = topic
            self.measure = measure
            self.mean = mean
            self.deviation = deviation
            self.line = line
        }
    }

    /// Entries sorted by topic, then measure (bytes), as get_zscores.c sorts them.
    public let entries: [Entry]
    /// topic → (first entry, count) in `entries`.
    private let ranges: [String: (start: Int, count: Int)]

    public init(_ entries: [Entry]) {
        self.entries = entries.sorted { a, b in
            if a.topic != b.topic { return byteOrderLess(a.topic, b.topic) }
            if a.measure != b.measure { return byteOrderLess(a.measure, b.measure) }
            return a.line < b.line
        }
        var ranges: [String: (start: Int, count: Int)] = [:]
        var start = 0
        while start < self.entries.count {
            var end = start + 1
            while end < self.entries.count && self.entries[end].topic == self.entries[start].topic { end += 1 }
            ranges[self.entries[start].topic] = (start, end - start)
            start = end
        }
        self.ranges = ranges
    }

    /// The first entry, in line order, that repeats a (topic, measure) pair, with the
    /// entry it repeats.
    public func firstRepeat() -> (first: Entry, repeated: Entry)? {
        var best: (first: Entry, repeated: Entry)?
        for (a, b) in zip(entries, entries.dropFirst()) where a.topic == b.topic && a.measure == b.measure {
            if let current = best, current.repeated.line <= b.line { continue }
            best = (a, b)
        }
        return best
    }

    /// The reference numbers for one topic and printed measure name, found as trec_eval's
    /// convert_zscores.c finds them.
    ///
    /// Its binary search runs over one entry too many: a name sorting after all of the
    /// topic's names is also compared with the first entry of the next topic, and takes
    /// that entry's numbers when it matches. reval does the same (the one past the last
    /// topic is never read).
    public func reference(topic: String, measure: String) -> (mean: Double, deviation: Double)? {
        guard let range = ranges[topic] else { return nil }
        var low = range.start, high = range.start + range.count
        while low <= high {
            let middle = (low + high) / 2
            guard middle < entries.count else { return nil }
            let name = entries[middle].measure
            if measure == name { return (entries[middle].mean, entries[middle].deviation) }
            if byteOrderLess(measure, name) { high = middle - 1 } else { low = middle + 1 }
        }
        return nil
    }

    /// (value - mean) / sd; with sd 0, 0 when the value equals the mean; without reference
    /// numbers, or with sd 0 and another value, `missingValue`.
    public func zScore(_ value: Double, topic: String, measure: String) -> Double {
        guard let reference = reference(topic: topic, measure: measure) else { return Self.missingValue }
        if reference.deviation != 0 { return (value - reference.mean) / reference.deviation }
        return value == reference.mean ? 0 : Self.missingValue
    }
}
