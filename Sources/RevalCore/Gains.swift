/// Gain per relevance grade for the gain-based measures (ndcg, dcg, G, rbp, ...), built
/// as trec_eval's setup_gains builds it: custom `level=gain` pairs first, then every grade
/// from 0 to the highest judged grade with gain = grade, sorted by gain.
struct GainTable {
    struct Level {
        var level: Int
        var count: Int
        var gain: Double
    }

    /// Ascending by gain.
    var levels: [Level] {
        didSet { lookup = Self.lookupTable(levels) }
    }
    /// gain(of:) by direct index, `rel - lookupBase`, when the levels span a small range.
    private var lookup: [Double]
    private var lookupBase: Int { -2 }

    /// Above this many grades only the judged ones are listed, to bound memory.
    static let denseLevelLimit = 1 << 16

    init(pairs: [(name: String, value: Double)], ranking r: JudgedRanking) {
        var levels: [Level] = []
        for pair in pairs where Self.isInteger(pair.name) {
            levels.append(Level(level: cAtol(pair.name), count: 0, gain: pair.value))
        }
        let grades: [Int] = r.numRelLevels <= Self.denseLevelLimit
            ? Array(0..<r.numRelLevels)
            : Array(Set([0] + r.levelCounts.map(\.level))).sorted()
        for grade in grades {
            let count = r.count(atLevel: grade)
            if let j = levels.firstIndex(where: { $0.level == grade }) {
                levels[j].count = count
            } else {
                levels.append(Level(level: grade, count: count, gain: Double(grade)))
            }
        }
        let sorted = Self.mergeSorted(levels)
        self.levels = sorted
        lookup = Self.lookupTable(sorted)
    }

    /// The gain of a document with relevance value `rel`: that of the first level (in
    /// gain order) with that grade, as trec_eval's get_gain finds it; 0 when none matches.
    @inline(__always)
    func gain(of rel: Int) -> Double {
        let index = rel - lookupBase
        if index >= 0 && index < lookup.count { return lookup[index] }
        for l in levels where l.level == rel { return l.gain }
        return 0
    }

    /// Gains for grades -2 (unjudged) up to the highest listed grade, when that range is
    /// small; grades outside it fall back to the linear search.
    private static func lookupTable(_ levels: [Level]) -> [Double] {
        guard let highest = levels.map(\.level).max(), highest < denseLevelLimit,
              levels.allSatisfy({ $0.level >= -2 }) else { return [] }
        var table = [Double](repeating: 0, count: highest + 3)
        var filled = [Bool](repeating: false, count: highest + 3)
        for l in levels where !filled[l.level + 2] {
            table[l.level + 2] = l.gain
            filled[l.level + 2] = true
        }
        return table
    }

    /// trec_eval's valid_int: an optional sign, then one or more digits.
    static func isInteger(_ s: String) -> Bool {
        var bytes = Substring(s).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        return !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// trec_eval compares gains as `(int)(a - b)`, so gains less than 1 apart tie, and
    /// the comparison is not transitive. The order then depends on the sort algorithm:
    /// this is glibc's top-down merge sort, which trec_eval's qsort runs on such arrays.
    static func mergeSorted(_ items: [Level]) -> [Level] {
        guard items.count > 1 else { return items }
        let half = items.count / 2
        let left = mergeSorted(Array(items[..<half]))
        let right = mergeSorted(Array(items[half...]))
        var merged: [Level] = []
        merged.reserveCapacity(items.count)
        var i = 0, j = 0
        while i < left.count && j < right.count {
            if truncatedToInt(left[i].gain - right[j].gain) <= 0 {
                merged.append(left[i]); i += 1
            } else {
                merged.append(right[j]); j += 1
            }
        }
        merged.append(contentsOf: left[i...])
        merged.append(contentsOf: right[j...])
        return merged
    }
}

/// Walks the ideal ranking implied by a gain table: all judged documents, highest gain
/// first, one step per rank. `gain` is the ideal gain at the current rank.
struct IdealGains {
    private let table: GainTable
    private var level: Int
    private var taken = 0
    private(set) var gain: Double

    init(_ table: GainTable) {
        self.table = table
        level = table.levels.count - 1
        gain = level >= 0 ? table.levels[level].gain : 0
    }

    /// Moves to the next rank and updates `gain`.
    mutating func advance() {
        taken += 1
        while level >= 0 && taken > table.levels[level].count {
            taken = 1
            level -= 1
            gain = level >= 0 ? table.levels[level].gain : 0
        }
    }
}
