/// Labels test queries `interpolate` or `extrapolate` by their similarity to the nearest
/// training query, and writes the split file `reval split make` prints.
///
/// ```swift
/// let cut = SimilaritySplit.quantile(nearest.map(\.similarity), 0.2)   // 20% extrapolate
/// let text = SimilaritySplit.tsv(testIDs: ids, nearest: nearest, trainingIDs: train, threshold: cut)
/// ```
public enum SimilaritySplit {
    /// The header of the split file.
    public static let header = "qid\tsplit\tsimilarity\tnearest_train_qid"

    /// `interpolate` when the similarity is at least `threshold`, else `extrapolate`.
    public static func label(_ similarity: Double, threshold: Double) -> String {
        similarity >= threshold ? SplitLabel.interpolate : SplitLabel.extrapolate
    }

    /// The q-quantile of `values` with linear interpolation between order statistics (NumPy's
    /// default, Hyndman and Fan's type 7): with the values sorted, h = (n − 1)q and the result
    /// is v[⌊h⌋] + (h − ⌊h⌋)(v[⌊h⌋ + 1] − v[⌊h⌋]). nil for no values.
    public static func quantile(_ values: [Double], _ q: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let h = Double(sorted.count - 1) * q
        let low = Int(h.rounded(.down))
        let high = min(sorted.count - 1, low + 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }

    /// The split file: a header, then one line per test query in the order given, with its
    /// similarity to 6 decimals and its nearest training query (`-` when it shares nothing
    /// with any).
    public static func tsv(testIDs: [String], nearest: [NearestNeighbour], trainingIDs: [String], threshold: Double) -> String {
        var out = header + "\n"
        for (id, neighbour) in zip(testIDs, nearest) {
            out += id + "\t" + label(neighbour.similarity, threshold: threshold) + "\t"
            out += formatted(neighbour.similarity) + "\t" + (neighbour.trainingIndex.map { trainingIDs[$0] } ?? "-") + "\n"
        }
        return out
    }

    /// A similarity to 6 decimals: the value times 10⁶ rounded to the nearest integer (halves
    /// away from zero).
    public static func formatted(_ value: Double) -> String {
        let scaled = (value * 1_000_000).rounded()
        let negative = scaled < 0
        let units = Int(abs(scaled))
        let whole = units / 1_000_000, fraction = units % 1_000_000
        let digits = String(fraction)
        return (negative ? "-" : "") + String(whole) + "." + String(repeating: "0", count: 6 - digits.count) + digits
    }
}
