/// The two labels of ReSTTest's protocol, and the names reports keep for themselves.
public enum SplitLabel {
    /// Test queries like the training queries (in ReSTTest: the other buckets' test queries).
    public static let interpolate = "interpolate"
    /// Test queries unlike the training queries (in ReSTTest: the held-out bucket's).
    public static let extrapolate = "extrapolate"

    /// Names a label or a bucket may not take, because reports use them for rows and keys
    /// of their own.
    public static let reserved: Set<String> = ["gap", "relative_gap", "macro", "pooled", "full", "n", "bucket", "run", "name"]

    /// `interpolate` and `extrapolate` first (when present), then the rest in the given order.
    static func ordered(_ labels: [String]) -> [String] {
        let known = [interpolate, extrapolate].filter(labels.contains)
        return known + labels.filter { $0 != interpolate && $0 != extrapolate }
    }
}
