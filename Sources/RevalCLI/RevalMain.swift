#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser

/// The `reval` command and its subcommands.
public struct Reval: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "reval",
        abstract: "Retrieval evaluation: trec_eval-exact measures, fast.",
        version: revalVersion,
        subcommands: [EvalCommand.self, ConvertCommand.self]
    )

    public init() {}
}

/// Entry point: `reval SUBCOMMAND ...`, or trec_eval's command line when the program is
/// invoked as `trec_eval` (through a link), so existing scripts switch by PATH.
public enum RevalMain {
    public static func main(_ arguments: [String] = CommandLine.arguments) {
        let program = arguments.first.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "reval"
        let rest = Array(arguments.dropFirst())
        if program == "trec_eval" {
            runEval(rest)
        } else if rest.first == "eval" {
            runEval(Array(rest.dropFirst()))
        } else {
            Reval.main(rest)
        }
    }

    /// Parses trec_eval arguments; a usage error exits 1, as trec_eval's does.
    static func runEval(_ arguments: [String]) {
        let command: EvalCommand
        do {
            command = try EvalCommand.parse(TrecEvalArguments.normalize(arguments))
        } catch {
            let code = EvalCommand.exitCode(for: error)
            if code == .success {
                EvalCommand.exit(withError: error)
            }
            var out = CommandOutput()
            out.error(EvalCommand.message(for: error), exitCode: 1)
            out.stderr += EvalCommand.usageString() + "\n"
            out.write()
            exit(1)
        }
        exit(command.execute().write())
    }

    /// Runs `reval convert` arguments in-process and returns what would be printed.
    public static func convertOutput(_ arguments: [String]) -> CommandOutput {
        do {
            return try ConvertCommand.parse(arguments).execute()
        } catch {
            var out = CommandOutput()
            out.error(ConvertCommand.message(for: error), exitCode: 1)
            return out
        }
    }

    /// Runs `reval eval` (trec_eval) arguments in-process and returns what would be
    /// printed. For tests and embedding.
    public static func evalOutput(_ arguments: [String]) -> CommandOutput {
        do {
            return try EvalCommand.parse(TrecEvalArguments.normalize(arguments)).execute()
        } catch {
            var out = CommandOutput()
            out.error(EvalCommand.message(for: error), exitCode: EvalCommand.exitCode(for: error) == .success ? 0 : 1)
            return out
        }
    }
}
