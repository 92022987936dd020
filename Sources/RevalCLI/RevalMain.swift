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
        version: revalVersionLine,
        subcommands: [EvalCommand.self, CompareCommand.self, ConvertCommand.self, CostCommand.self, SplitCommand.self,
                      FuseCommand.self, LeaderboardCommand.self, GateCommand.self]
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
        } else if rest.first == "compare" {
            exit(compareOutput(Array(rest.dropFirst())).write())
        } else if rest.first == "cost" {
            exit(costOutput(Array(rest.dropFirst())).write())
        } else if rest.first == "split" {
            exit(splitOutput(Array(rest.dropFirst())).write())
        } else if rest.first == "fuse" {
            exit(fuseOutput(Array(rest.dropFirst())).write())
        } else if rest.first == "leaderboard" {
            exit(leaderboardOutput(Array(rest.dropFirst())).write())
        } else if rest.first == "gate" {
            exit(gateOutput(Array(rest.dropFirst())).write())
        } else {
            switch parse(rest) {
            case .finished(let out):
                exit(out.write())
            case .command(var command):
                do {
                    try command.run()
                    exit(0)
                } catch {
                    exit(failure(error).write())
                }
            }
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

    /// Runs `reval cost` arguments in-process and returns what would be printed: help on
    /// stdout with exit 0, a usage error or bad input with exit 2.
    public static func costOutput(_ arguments: [String]) -> CommandOutput {
        do {
            return try CostCommand.parse(arguments).execute()
        } catch {
            var out = CommandOutput()
            if CostCommand.exitCode(for: error) == .success {
                out.stdout = Reval.helpMessage(for: CostCommand.self) + "\n"
                return out
            }
            out.error(CostCommand.message(for: error), exitCode: 2)
            out.stderr += Reval.usageString(for: CostCommand.self) + "\n"
            return out
        }
    }

    /// Runs `reval convert` arguments in-process and returns what would be printed.
    public static func convertOutput(_ arguments: [String]) -> CommandOutput {
        switch parse(["convert"] + arguments) {
        case .finished(let out): return out
        case .command(let command):
            guard let convert = command as? ConvertCommand else { return CommandOutput() }
            return convert.execute()
        }
    }

    /// Runs `reval leaderboard ...` arguments (after `leaderboard`) in-process and returns
    /// what would be printed. Usage errors exit 2; help exits 0.
    public static func leaderboardOutput(_ arguments: [String]) -> CommandOutput {
        do {
            return try LeaderboardCommand.parse(arguments).execute()
        } catch {
            var out = CommandOutput()
            if LeaderboardCommand.exitCode(for: error) == .success {
                out.stdout = LeaderboardCommand.fullMessage(for: error) + "\n"
                return out
            }
            out.error(LeaderboardCommand.message(for: error), exitCode: 2)
            out.stderr += "Usage: " + Reval.usageString(for: LeaderboardCommand.self) + "\n"
            return out
        }
    }

    /// Runs `reval gate ...` arguments (after `gate`) in-process and returns what would be
    /// printed: exit 0 when every verdict passes, 1 when one fails, 2 for a usage error or
    /// bad input; help exits 0.
    public static func gateOutput(_ arguments: [String], environment: GateEnvironment = .current) -> CommandOutput {
        do {
            return try GateCommand.parse(arguments).execute(environment: environment)
        } catch {
            var out = CommandOutput()
            if GateCommand.exitCode(for: error) == .success {
                out.stdout = GateCommand.fullMessage(for: error) + "\n"
                return out
            }
            out.error(GateCommand.message(for: error), exitCode: 2)
            out.stderr += "Usage: " + Reval.usageString(for: GateCommand.self) + "\n"
            return out
        }
    }

    /// Runs `reval split ...` arguments (after `split`) in-process and returns what would be
    /// printed. Usage errors exit 2, as in every command newer than `eval`; help exits 0.
    public static func splitOutput(_ arguments: [String]) -> CommandOutput {
        let options = arguments.prefix { $0 != "--" }
        if options.contains("-h") || options.contains("--help") || arguments.first == "help" {
            // Asked for here, since the parser renders the group's help for a subcommand's --help.
            var out = CommandOutput()
            let named = arguments.first == "help" ? arguments.dropFirst().first : arguments.first
            let command: ParsableCommand.Type = switch named {
            case "eval": SplitEvalCommand.self
            case "make": SplitMakeCommand.self
            default: SplitCommand.self
            }
            let help = Reval.helpMessage(for: command)
            out.stdout = (command == SplitEvalCommand.self ? SplitEvalArguments.help(help) : help) + "\n"
            return out
        }
        let parsed: ParsableCommand
        do {
            let rewritten = arguments.first == "eval" ? ["eval"] + SplitEvalArguments.rewrite(Array(arguments.dropFirst())) : arguments
            parsed = try Reval.parseAsRoot(["split"] + rewritten)
        } catch {
            var out = CommandOutput()
            if Reval.exitCode(for: error) == .success {
                out.stdout = Reval.fullMessage(for: error) + "\n"
                return out
            }
            out.error(Reval.message(for: error), exitCode: 2)
            out.stderr += Reval.fullMessage(for: error).split(separator: "\n").filter { $0.hasPrefix("Usage:") }
                .map { $0 + "\n" }.joined()
            return out
        }
        switch parsed {
        case let command as SplitEvalCommand: return command.execute()
        case let command as SplitMakeCommand: return command.execute()
        default:
            var out = CommandOutput()
            out.stdout = Reval.helpMessage(for: SplitCommand.self) + "\n"
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
            let message = FuseCommand.message(for: error).split(separator: "\n").first.map(String.init) ?? "bad arguments"
            out.error("\(message) (see 'reval fuse --help')", exitCode: 2)
            return out
        }
    }

    /// Runs `reval compare` arguments in-process and returns what would be printed; a usage
    /// error is one `reval:` line and exit 2, help is printed with exit 0.
    public static func compareOutput(_ arguments: [String]) -> CommandOutput {
        do {
            return try CompareCommand.parse(arguments).execute()
        } catch {
            var out = CommandOutput()
            if CompareCommand.exitCode(for: error) == .success {
                out.stdout = Reval.helpMessage(for: CompareCommand.self) + "\n"
                return out
            }
            let message = CompareCommand.message(for: error).split(separator: "\n").first.map(String.init) ?? "bad arguments"
            out.error("\(message) (see 'reval compare --help')", exitCode: 2)
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
