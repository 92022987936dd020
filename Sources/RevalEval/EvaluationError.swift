import RevalCore
import RevalFormats

/// Why an evaluation could not give results: a broken input file, an unknown measure, or
/// a document listed twice. `description` is the one line reval prints after `reval: `.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
    /// The line printed after `reval: `.
    public var description: String
    /// The exit code trec_eval uses for the same fault: 1 for a bad measure name, 2 for
    /// unreadable input, 4 for a duplicate document.
    public var exitCode: Int32
    /// The input error behind it, when there is one.
    public var inputError: InputError?

    /// An error with its message and exit code.
    public init(_ description: String, exitCode: Int32, inputError: InputError? = nil) {
        self.description = description
        self.exitCode = exitCode
        self.inputError = inputError
    }

    /// The error for a broken input file.
    public init(_ error: InputError) {
        self.init(error.description, exitCode: error.exitCode, inputError: error)
    }

    /// The error for an evaluation that stopped at a duplicate document or at preferences that
    /// contradict each other.
    public init(_ failure: EvaluationFailure, runPath: String, qrelsPath: String) {
        switch failure {
        case .duplicateInRun(let dup):
            self.init("\(runPath):\(dup.line): document '\(dup.docno)' appears twice for topic '\(dup.topic)' (also line \(dup.firstLine))",
                      exitCode: 4)
        case .duplicateInQrels(let topic, let docno, let firstLine, let line):
            self.init("\(qrelsPath):\(line): document '\(docno)' is judged twice for topic '\(topic)' (also line \(firstLine))",
                      exitCode: 4)
        case .inconsistentPreferences(let error):
            self.init(error.line.map { "\(qrelsPath):\($0): \(error.message)" } ?? "\(qrelsPath): \(error.message)",
                      exitCode: 4)
        }
    }

    /// The error for a measure name that cannot be read; `arguments` are the -m values it
    /// came from, for the hint (trec_eval's error names only the part before the first
    /// `.`; the hint needs all of `iprec_at_recall_0.10`).
    public init(_ error: MeasureError, arguments: [String] = []) {
        switch error {
        case .unknownMeasure(let name):
            let argument = arguments.first { $0 == name || $0.hasPrefix(name + ".") } ?? name
            let near = MeasureNameSuggestions.nearest(to: argument).map { "'\($0)'" }
            let list = near.count > 1 ? near.dropLast().joined(separator: ", ") + " or " + near[near.count - 1] : near.first
            let hint = list.map { "did you mean \($0)? (see 'reval eval --help' for the list)" }
            self.init("unknown measure '\(name)'; " + (hint ?? "see 'reval eval --help' for the list"), exitCode: 1)
        case .emptyParameters(let name):
            self.init("measure '\(name).' has an empty parameter list", exitCode: 1)
        case .invalidParameters:
            self.init(error.description, exitCode: 2)
        case .wrongRelevanceFormat:
            // trec_eval fails computing the measure: exit 4.
            self.init(error.description, exitCode: 4)
        }
    }
}
