import ArgumentParser
import RevalCore
import RevalExperiment
import RevalFormats
import RevalReport

/// `reval leaderboard EXPERIMENT.yaml`: evaluates an experiment once and writes its
/// leaderboard in every format the file names, then prints the Markdown table.
public struct LeaderboardCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "leaderboard",
        abstract: "Evaluate an experiment file and write its leaderboard (Markdown, CSV, JSON, HTML, LaTeX).",
        discussion: """
            The experiment file (YAML) names the datasets, the systems' runs, the measures, a \
            baseline and the significance test; docs/experiments.md describes every key. The \
            whole file and every file it names are checked before anything is evaluated; then \
            each (system, dataset) pair is evaluated once, in parallel. The reports go to \
            <output>.md, .csv, .json, .html and .tex in the experiment file's folder (or \
            --output-dir), each written atomically; the table is printed.

            Examples:
              reval leaderboard Reports/dl19.yaml
              reval leaderboard Reports/dl19.yaml --output-dir /tmp/reports
            """
    )

    @Argument(help: "The experiment file (YAML).")
    var experiment: String

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Folder for the reports (default: the experiment file's folder).", valueName: "dir"))
    var outputDirectory: String?

    @Option(name: .customLong("threads"),
            help: ArgumentHelp("Threads to use (default: all processors, or REVAL_THREADS). Output is the same for any number.", valueName: "n"))
    var threads: Int?

    public init() {}

    public func run() throws {
        let code = execute().write()
        if code != 0 { throw ExitCode(code) }
    }

    public func execute() -> CommandOutput {
        var out = CommandOutput()
        if let threads, threads < 1 {
            out.error("--threads \(threads): expected a whole number >= 1", exitCode: 2)
            return out
        }
        let threadCount = threads ?? defaultThreadCount()
        do throws(ExperimentError) {
            let experiment = try ExperimentReader.read(path: self.experiment)
            let folder = outputDirectory ?? experiment.folder
            if ExperimentPathsCheck.isFolder(folder) == false {
                out.error("--output-dir \(folder): no such folder; expected an existing folder for the reports", exitCode: 2)
                return out
            }
            let results = try ExperimentEvaluation.evaluate(experiment, threads: threadCount)
            for warning in results.warnings { out.warning(warning) }
            let board = Leaderboard.build(results, generator: "reval \(revalVersion)", threads: threadCount)
            let paths: [String]
            do {
                paths = try LeaderboardFiles.write(board, settings: experiment.leaderboard, folder: folder)
            } catch {
                out.error(error.description, exitCode: 2)
                return out
            }
            if let title = board.title { out.stdout += "# \(MarkdownEscape.escape(title))\n\n" }
            out.stdout += MarkdownRenderer.table(board)
            let missed = board.expectedChecks.filter { !$0.check.reproduced }
            for (system, check) in missed {
                out.warning("\(system) on \(check.dataset): \(check.measure) is \(check.actual.map(ReportNumber.text) ?? "missing"), published \(check.expectedText)")
            }
            out.stderr += "reval: wrote \(paths.joined(separator: ", "))\n"
        } catch {
            out.error(error.description, exitCode: 2)
        }
        return out
    }
}

/// Whether a path is a folder.
enum ExperimentPathsCheck {
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
