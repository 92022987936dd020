/// "Did you mean ...?" for a misspelt key: the allowed key closest in edit distance.
public enum KeySuggestion {
    /// The key of `candidates` nearest to `key` (Levenshtein distance over characters, case
    /// ignored), when it is near enough to be a slip: at most 1 edit for keys of up to 4
    /// characters, 2 up to 8, 3 beyond. Ties go to the earlier candidate.
    ///
    /// ```swift
    /// KeySuggestion.closest(to: "pric_per_hour", among: ["name", "price_per_hour"])  // "price_per_hour"
    /// KeySuggestion.closest(to: "colour", among: ["name", "run"])                   // nil
    /// ```
    public static func closest(to key: String, among candidates: [String]) -> String? {
        let word = Array(key.lowercased())
        let limit = word.count <= 4 ? 1 : word.count <= 8 ? 2 : 3
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(word, Array(candidate.lowercased()))
            if distance <= limit, best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Levenshtein distance: insertions, deletions and substitutions, each costing 1.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
