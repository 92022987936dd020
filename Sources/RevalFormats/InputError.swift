/// A problem with an input file, located by file and line.
///
/// Its `description` is the one line reval prints: `reval: FILE:LINE: what was wrong`.
/// `exitCode` follows trec_eval: 2 for unreadable or malformed input, 4 for a document
/// listed twice.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based physical line number, or nil when the problem is the file as a whole.
    public var line: Int?
    public var message: String
    public var exitCode: Int32

    public init(file: String, line: Int? = nil, message: String, exitCode: Int32 = 2) {
        self.file = file
        self.line = line
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
