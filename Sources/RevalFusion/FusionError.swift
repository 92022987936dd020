/// Why runs cannot be fused: a setting that does not fit (the wrong number of weights, a
/// negative k) or a score that cannot be combined. `description` is the line reval prints
/// after `reval: ` (the CLI puts the run's file and line in front of data problems).
public struct FusionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The input run (0-based, in the order given) a data problem is in; nil for settings.
    public var run: Int?
    /// The run's line the problem is on, when known.
    public var line: Int?

    public init(_ message: String, run: Int? = nil, line: Int? = nil) {
        self.message = message
        self.run = run
        self.line = line
    }

    public var description: String { message }
}
