/// Why runs cannot be fused: a setting that does not fit (the wrong number of weights, a
/// negative k) or a score that cannot be combined. `description` is the line reval prints
/// after `reval: ` (the CLI puts the run's file and line in front of data problems).
public struct FusionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The input run (0-based, in the order given) a data problem is in; nil for settings.
    public var run: Int?
    /// The run's line the problem is on, when known.
    public var line: Int?
    /// 4 for a document listed twice (trec_eval's code for it, as `reval eval` uses); 2 for
    /// everything else.
    public var exitCode: Int32

    public init(_ message: String, run: Int? = nil, line: Int? = nil, exitCode: Int32 = 2) {
        self.message = message
        self.run = run
        self.line = line
        self.exitCode = exitCode
    }

    public var description: String { message }
}
