/// Per-query latencies as measured: one row per query, in file order.
public struct LatencyTable: Sendable, Equatable {
    /// The file the rows came from.
    public var file: String
    /// Query ids, each once, as `String(rawBytes:)` (so they match run topic ids byte for byte).
    public var queries: [String]
    /// Milliseconds, aligned with `queries`; finite and not negative.
    public var milliseconds: [Double]

    public init(file: String, queries: [String], milliseconds: [Double]) {
        self.file = file
        self.queries = queries
        self.milliseconds = milliseconds
    }

    public var count: Int { queries.count }
}
