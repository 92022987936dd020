/// One system on one dataset: its run, how fast it answered, on what hardware, at what
/// price. Read from a `*.profile.yaml` file (or the same keys as JSON) by `ProfileReader`.
///
/// ```yaml
/// name: bm25
/// run: runs/run.cacm.bm25.txt.gz
/// latency: latency/latency.cacm.bm25.tsv
/// hardware:
///   name: 2 vCPU VM
///   price_per_hour: 0.0832
/// concurrency: 1
/// ```
///
/// Paths are relative to the profile's folder and are stored resolved.
public struct EfficiencyProfile: Sendable, Equatable {
    /// The profile file itself.
    public var file: String
    /// The system's name in every output.
    public var name: String
    /// The dataset the figures are for, in words (informative; a warning when profiles
    /// compared together name different ones).
    public var dataset: String?
    /// The run file (any format reval reads).
    public var run: String?
    /// The per-query latency TSV (`qid`, `latency_ms`).
    public var latencyFile: String?
    /// Figures stated in the profile instead of a latency file.
    public var latencySummary: LatencySummary?
    /// Measured queries per second, stated when there is no latency file.
    public var qps: Double?
    public var hardware: Hardware?
    /// Queries served at once on the hardware: 1 unless stated.
    public var concurrency: Int
    public var indexBytes: Int64?
    /// Memory the system needs while serving, in bytes.
    public var memoryBytes: Int64?
    public var buildSeconds: Double?
    public var gpu: String?
    public var notes: String?

    public init(file: String, name: String, concurrency: Int = 1) {
        self.file = file
        self.name = name
        self.concurrency = concurrency
    }
}
