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
        subcommands: [EvalCommand.self, ConvertCommand.self, FuseCommand.self]
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
            runEval(rest, invokedAs: "trec_eval")
        } else if rest.first == "eval" {
            runEval(Array(rest.dropFirst()), invokedAs: "reval eval")
        } else if rest.first == "fuse" {
            exit(fuseOutput(Array(rest.dropFirst())).write())
        } else {
            Reval.main(rest)
        }
    }

    /// Parses trec_eval arguments; a usage error exits 1, as trec_eval's does. `name` is
    /// the command as the user typed it, for help and usage text.
    static func runEval(_ arguments: [String], invokedAs name: String) {
        let command: EvalCommand
        do {
            command = try EvalCommand.parse(TrecEvalArguments.normalize(arguments))
        } catch {
            var out = CommandOutput()
            if EvalCommand.exitCode(for: error) == .success {
                out.stdout = renamed(Reval.helpMessage(for: EvalCommand.self), to: name) + "\n"
                exit(out.write())
            }
            out.error(EvalCommand.message(for: error), exitCode: 1)
            out.stderr += renamed(EvalCommand.usage, to: name) + "\n"
            out.write()
            exit(1)
        }
        exit(command.execute().write())
    }

    /// Help text naming the command `name` instead of `reval eval`.
    private static func renamed(_ text: String, to name: String) -> String {
        name == "reval eval" ? text : text.replacing("reval eval ", with: name + " ")
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

    /// Runs `reval fuse` arguments in-process and returns what would be printed; usage
    /// errors exit 2, help exits 0.
    public static func fuseOutput(_ arguments: [String]) -> CommandOutput {
        do {
            return try FuseCommand.parse(arguments).execute()
        } catch {
            var out = CommandOutput()
            if FuseCommand.exitCode(for: error) == .success {
                out.stdout = Reval.helpMessage(for: FuseCommand.self) + "\n"
                return out
            }
            out.error(FuseCommand.message(for: error), exitCode: 2)
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
