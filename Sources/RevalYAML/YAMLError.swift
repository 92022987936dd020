/// A problem in a YAML (or JSON) file, located by file, line and column.
///
/// Its `description` is the one line reval prints after `reval: `:
/// `profile.yaml:4:3: unknown key 'pric_per_hour' in hardware; did you mean 'price_per_hour'?`
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line, or nil when the problem is the file as a whole (unreadable, empty).
    public var line: Int?
    /// 1-based column in Unicode scalars, as libyaml counts them; nil with `line`.
    public var column: Int?
    public var message: String
    /// 2: a bad input file.
    public var exitCode: Int32

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, exitCode: Int32 = 2) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String {
        switch (line, column) {
        case let (line?, column?): return "\(file):\(line):\(column): \(message)"
        case let (line?, nil): return "\(file):\(line): \(message)"
        default: return "\(file): \(message)"
        }
    }
}
