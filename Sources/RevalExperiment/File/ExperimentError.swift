import RevalFormats
import RevalYAML

/// What is wrong with an experiment or one of the files it names, with the place:
/// `FILE:LINE:COLUMN: what was wrong; expected ...` (the column where the file has one).
/// Every such error is a bad input, exit code 2, and is raised before any run is evaluated.
public struct ExperimentError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line, or nil when the problem is the file as a whole.
    public var line: Int?
    /// 1-based column (in Unicode scalars, as libyaml counts), when known.
    public var column: Int?
    public var message: String
    public var exitCode: Int32 = 2

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, exitCode: Int32 = 2) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.exitCode = exitCode
    }

    /// An error at a place in an experiment file.
    public init(at location: ExperimentLocation, _ message: String) {
        self.init(file: location.file, line: location.line, column: location.column, message: message)
    }

    /// An error of the experiment file's YAML or of a profile it names.
    public init(_ error: YAMLError) {
        self.init(file: error.file, line: error.line, column: error.column, message: error.message, exitCode: error.exitCode)
    }

    /// An error of a file the experiment names (a qrels or run file that does not parse).
    public init(_ error: InputError) {
        self.init(file: error.file, line: error.line, message: error.message, exitCode: error.exitCode)
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message)"
    }
}

/// A place in an experiment file.
public struct ExperimentLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        guard let line else { return file }
        return column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }
}
