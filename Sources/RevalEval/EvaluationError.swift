import RevalCore
import RevalFormats

/// Why an evaluation could not give results: a broken input file, an unknown measure, or
/// a document listed twice. `description` is the one line reval prints after `reval: `.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
    public var description: String
    /// The exit code trec_eval uses for the same fault: 1 for a bad measure name, 2 for
    /// unreadable input, 4 for a duplicate document.
    public var exitCode: Int32
    /// The input error behind it, when there is one.
    public var inputError: InputError?

    public init(_ description: String, exitCode: Int32, inputError: InputError? = nil) {
        self.description = description
        self.exitCode = exitCode
        self.inputError = inputError
    }

    public init(_ error: InputError) {
        self.init(error.description, exitCode: error.exitCode, inputError: error)
    }

    /// The error for an evaluation that stopped at a duplicate document.
    public init(_ failure: EvaluationFailure, runPath: String, qrelsPath: String) {
        switch failure {
        case .duplicateInRun(let dup):
            self.init("\(runPath):\(dup.line): document '\(dup.docno)' appears twice for topic '\(dup.topic)' (also line \(dup.firstLine))",
                      exitCode: 4)
        case .duplicateInQrels(let topic, let docno, let firstLine, let line):
            self.init("\(qrelsPath):\(line): document '\(docno)' is judged twice for topic '\(topic)' (also line \(firstLine))",
                      exitCode: 4)
        }
    }

    /// The error for a measure name that cannot be read.
    public init(_ error: MeasureError) {
        switch error {
        case .unknownMeasure(let name):
            self.init("unknown measure '\(name)'; see 'reval eval --help' for the list", exitCode: 1)
        case .emptyParameters(let name):
            self.init("measure '\(name).' has an empty parameter list", exitCode: 1)
        case .invalidParameters:
            self.init(error.description, exitCode: 2)
        }
    }
}
