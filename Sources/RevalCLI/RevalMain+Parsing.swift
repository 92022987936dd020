import ArgumentParser
import RevalCore
import RevalFormats

/// The command line of every command but `eval` (which keeps trec_eval's own rules):
/// usage errors exit 2, `-v` is `--version`, and a first argument that is no command gets
/// a hint.
extension RevalMain {
    /// What `reval ARGS` (ARGS not starting with `eval`) does before a command runs.
    public enum Parsed {
        /// Nothing to run: help, the version, or a usage error, already in the output.
        case finished(CommandOutput)
        /// A command to run.
        case command(any ParsableCommand)
    }

    /// The exit code of usage errors and input errors in every command but `eval`.
    static let usageExitCode: Int32 = 2

    /// Parses `arguments` (without the program name) for a command other than `eval`.
    public static func parse(_ arguments: [String]) -> Parsed {
        var out = CommandOutput()
        if arguments == ["-v"] {
            out.stdout = revalVersionLine + "\n"
            return .finished(out)
        }
        if let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first) {
            out.error(unknownCommand(first, arguments), exitCode: usageExitCode)
            return .finished(out)
        }
        do {
            return .command(try Reval.parseAsRoot(arguments))
        } catch {
            return .finished(failure(error, arguments: arguments))
        }
    }

    /// The output for an error thrown while parsing or running a command: help and the
    /// version on stdout (exit 0), a command's own exit code, or a usage error (exit 2).
    static func failure(_ error: any Error, arguments: [String] = []) -> CommandOutput {
        var out = CommandOutput()
        if let exit = error as? ExitCode {
            out.exitCode = exit.rawValue
            return out
        }
        if Reval.exitCode(for: error) == .success {
            out.stdout = Reval.fullMessage(for: error) + "\n"
            return out
        }
        var message = Reval.fullMessage(for: error)
        if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        out.error(message, exitCode: usageExitCode)
        if let first = arguments.first, first.hasPrefix("-"), !["-h", "--help", "--version"].contains(first) {
            out.stderr += "reval: to evaluate a run as trec_eval does: reval eval [options] QRELS RUN\n"
        }
        return out
    }

    /// The names the first argument may take.
    static var commandNames: [String] {
        Reval.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    /// The message for a first argument that is not a command. It names no list of
    /// commands (`reval --help` has it).
    static func unknownCommand(_ first: String, _ arguments: [String]) -> String {
        let commands = commandNames.filter { $0 != "help" }
        let shown = arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
        if fileExists(first) {
            return "'\(first)' is a file, not a command; to evaluate a run: reval eval \(shown)"
        }
        let near = commands.map { (MeasureNameSuggestions.editDistance(first.lowercased(), $0), $0) }
            .filter { $0.0 <= 2 }.min { $0.0 < $1.0 }
        if let near {
            return "unknown command '\(first)'; did you mean 'reval \(near.1)'? (see 'reval --help' for the commands)"
        }
        if arguments.count >= 2 {
            return "unknown command '\(first)'; to evaluate a run: reval eval \(shown) (or see 'reval --help' for the commands)"
        }
        return "unknown command '\(first)'; see 'reval --help' for the commands"
    }
}
