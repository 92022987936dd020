/// Ranks with ties given their average rank (`scipy.stats.rankdata(method='average')`), and
/// the sizes of the groups of tied values.
struct AverageRanks {
    /// ranks[i] is the rank of values[i], 1-based.
    var ranks: [Double]
    /// The size of every group of equal values, in ascending order of value (1 for a value
    /// that ties with none).
    var tieGroups: [Int]

    init(_ values: [Double]) {
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        ranks = [Double](repeating: 0, count: values.count)
        tieGroups = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
            // Ranks start + 1 … end share their average.
            let rank = Double(start + 1) + Double(end - start - 1) / 2
            for k in start..<end { ranks[order[k]] = rank }
            tieGroups.append(end - start)
            start = end
        }
    }

    var hasTies: Bool { tieGroups.contains { $0 > 1 } }
}
