/// "Did you mean ...?" for a misspelt key: the allowed key closest in edit distance.
public enum KeySuggestion {
    /// The key of `candidates` nearest to `key` (edit distance over characters, case ignored,
    /// a swap of neighbours counting as one edit), when it is near enough to be a slip: at most 1 edit for keys of up to 4
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

    /// Edit distance with adjacent transpositions (optimal string alignment): insertions,
    /// deletions, substitutions and swaps of two neighbours each cost 1, so "nmae" is one
    /// slip from "name".
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}
