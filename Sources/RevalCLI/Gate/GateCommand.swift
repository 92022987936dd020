import ArgumentParser
import RevalCore
import RevalExperiment
import RevalFormats
import RevalReport

/// `reval gate EXPERIMENT.yaml`: judges the candidate of the experiment's `gate:` section
/// and exits 0 when every verdict passes, 1 when any fails, 2 for a bad file or flag.
public struct GateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Check a system against floors, a baseline and published scores, for CI (JUnit XML, Markdown, annotations).",
        discussion: """
            The experiment file's `gate:` section names the candidate, the baseline and the \
            checks (min, max_drop, max_relative_drop, not_significantly_worse, reproduce); \
            docs/ci.md describes every key. The whole file is checked before anything is \
            evaluated. One line per verdict (check × dataset) is printed; a failure also lists \
            the 10 topics that lost most against the baseline.

            With GITHUB_ACTIONS=true, annotations (::error, ::warning for a near miss) are \
            printed too; with GITHUB_STEP_SUMMARY set, the Markdown summary is appended to it.

            Exit codes: 0 every verdict passes, 1 some verdict fails, 2 a bad experiment \
            file, input file or flag.

            Examples:
              reval gate Reports/gate-dl19.yaml
              reval gate Reports/gate-dl19.yaml --junit gate.xml --markdown gate.md --json gate.json
            """
    )

    @Argument(help: "The experiment file (YAML) with a gate: section.")
    var experiment: String

    @Option(name: .customLong("junit"), help: ArgumentHelp("Write the verdicts as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Option(name: .customLong("markdown"), help: ArgumentHelp("Write the Markdown summary to this file.", valueName: "file"))
    var markdown: String?

    @Option(name: .customLong("json"), help: ArgumentHelp("Write every verdict as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(name: .customLong("threads"),
            help: ArgumentHelp("Threads to use (default: all processors, or REVAL_THREADS). Output is the same for any number.", valueName: "n"))
    var threads: Int?

    public init() {}

    public func run() throws {
        let code = execute().write()
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs the gate; `environment` supplies GITHUB_ACTIONS and GITHUB_STEP_SUMMARY.
    public func execute(environment: GateEnvironment = .current) -> CommandOutput {
        var out = CommandOutput()
        if let threads, threads < 1 {
            out.error("--threads \(threads): expected a whole number >= 1", exitCode: 2)
            return out
        }
        let outputs = [("--junit", junit), ("--markdown", markdown), ("--json", json)].compactMap { flag, path in path.map { (flag, $0) } }
        for (flag, path) in outputs {
            if let problem = GateOutputPath.problem(path) {
                out.error("\(flag) \(path): \(problem)", exitCode: 2)
                return out
            }
        }
        let threadCount = threads ?? defaultThreadCount()
        let report: GateReport
        do throws(ExperimentError) {
            let experiment = try ExperimentReader.read(path: self.experiment)
            guard let gate = experiment.gate else {
                throw ExperimentError(file: experiment.file, message: "no 'gate' section; expected gate: {candidate: SYSTEM, checks: [{measure: ndcg_cut.10, min: 0.5}]} (docs/ci.md)")
            }
            let results = try ExperimentEvaluation.evaluate(experiment, threads: threadCount)
            report = GateReport.judge(results, gate: gate, generator: "reval \(revalVersion)", threads: threadCount)
        } catch {
            out.error(error.description, exitCode: 2)
            return out
        }
        for warning in report.warnings { out.warning(warning) }
        do throws(OutputError) {
            if let junit { try AtomicFile.write(Array(JUnitRenderer.render(report).utf8), to: junit) }
            if let markdown { try AtomicFile.write(Array(GateMarkdown.render(report).utf8), to: markdown) }
            if let json { try AtomicFile.write(Array(GateJSONRenderer.render(report).utf8), to: json) }
            if let summary = environment.stepSummary, !summary.isEmpty {
                try StepSummary.append(GateMarkdown.render(report), to: summary)
            }
        } catch {
            out.stdout = GateTerminal.render(report)
            out.error(error.description, exitCode: 2)
            return out
        }
        out.stdout = GateTerminal.render(report)
        if environment.githubActions { out.stdout += GitHubAnnotations.render(report) }
        out.exitCode = report.passed ? 0 : 1
        return out
    }
}

/// What `reval gate` reads from the environment.
public struct GateEnvironment: Sendable {
    /// GITHUB_ACTIONS=true: print annotations.
    public var githubActions: Bool
    /// GITHUB_STEP_SUMMARY: the file the Markdown summary is appended to.
    public var stepSummary: String?

    public init(githubActions: Bool = false, stepSummary: String? = nil) {
        self.githubActions = githubActions
        self.stepSummary = stepSummary
    }

    /// The process's environment.
    public static var current: GateEnvironment {
        GateEnvironment(githubActions: getenv("GITHUB_ACTIONS").map { String(cString: $0) } == "true",
                        stepSummary: getenv("GITHUB_STEP_SUMMARY").map { String(cString: $0) })
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
