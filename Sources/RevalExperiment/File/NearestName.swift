/// The closest of a list of names to a misspelt one, by edit distance (insertions,
/// deletions, substitutions and swaps of neighbours each cost 1), when it is close enough
/// to be a likely typo: at most 2 edits, and fewer than half the name's length.
enum NearestName {
    static func find(_ name: String, among candidates: [String]) -> String? {
        let limit = min(2, max(1, (name.count - 1) / 2))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(Array(name.lowercased()), Array(candidate.lowercased()))
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// Optimal string alignment distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { d = min(d, previous2[j - 2] + 1) }
                current[j] = d
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
