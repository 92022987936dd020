import RevalFormats
import RevalYAML

/// A problem with a profile, a latency file, a hardware catalogue or the command's
/// options, as the one line reval prints: `FILE:LINE[:COLUMN]: what was wrong; expected ...`.
public struct CostError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    /// 2: bad input files and bad option values alike.
    public var exitCode: Int32

    public init(_ description: String, exitCode: Int32 = 2) {
        self.description = description
        self.exitCode = exitCode
    }

    public init(_ error: YAMLError) {
        self.init(error.description, exitCode: error.exitCode)
    }

    public init(_ error: InputError) {
        self.init(error.description, exitCode: error.exitCode)
    }
}
