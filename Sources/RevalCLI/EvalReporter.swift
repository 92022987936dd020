import RevalCore
import RevalEval
import RevalFormats

/// Prints `reval eval`'s results: trec_eval's text or a machine format, one run after
/// another in argument order, stopping at the first run that failed (as the second of two
/// trec_eval calls would fail after the first printed).
struct EvalReporter {
    var perQuery: Bool
    var summary: Bool
    var outputFormat: String
    var qrels: Qrels
    var severalRuns: Bool

    func report(_ results: [Result<Evaluation, EvaluationError>], runs: [RunInput], into out: inout CommandOutput) {
        let machine = EvaluationWriter.Format(rawValue: outputFormat)
        var jsonRuns: [(run: String, evaluation: Evaluation)] = []
        defer {
            if !jsonRuns.isEmpty {
                do {
                    try EvaluationWriter.writeJSON(jsonRuns, perTopic: perQuery, summary: summary, into: &out.stdout)
                } catch {
                    out.error(notUTF8(error, runs: runs), exitCode: 2)
                }
            }
        }
        for (k, (result, run)) in zip(results, runs).enumerated() {
            let evaluation: Evaluation
            switch result {
            case .failure(let error):
                out.error(error.description, exitCode: error.exitCode)
                return
            case .success(let value):
                evaluation = value
            }
            if let machine {
                if let failure = evaluation.failure {
                    report(failure, run: run, into: &out)
                    return
                }
                warnSkipped(evaluation, run: run, into: &out)
                if machine == .json && severalRuns {
                    jsonRuns.append((run.name, evaluation))
                } else {
                    do {
                        try EvaluationWriter.write(evaluation, format: machine, perTopic: perQuery, summary: summary,
                                                   run: severalRuns ? run.name : nil, header: k == 0, into: &out.stdout)
                    } catch {
                        out.error(notUTF8(error, runs: [run]), exitCode: 2)
                        return
                    }
                }
                continue
            }
            if let failure = evaluation.failure {
                // trec_eval prints the topics before the failing one, then stops.
                if perQuery { out.stdout += TrecEvalText.topicLines(evaluation) }
                report(failure, run: run, into: &out)
                return
            }
            warnSkipped(evaluation, run: run, into: &out)
            out.stdout += TrecEvalText.write(evaluation, perTopic: perQuery, summary: summary)
        }
    }

    /// The error line for an id JSON cannot hold, naming the file it came from: the
    /// qrels for a topic id, the run for its tag.
    private func notUTF8(_ error: EvaluationWriter.NotUTF8, runs: [RunInput]) -> String {
        let run = runs.first { $0.name == error.run } ?? runs.first
        let file = error.what == "topic id" ? qrels.source : (run?.path ?? qrels.source)
        return "\(file): \(error.message)"
    }

    /// Reports a duplicate document (exit 4).
    private func report(_ failure: EvaluationFailure, run: RunInput, into out: inout CommandOutput) {
        let error = EvaluationError(failure, runPath: run.path, qrelsPath: qrels.source)
        out.error(error.description, exitCode: error.exitCode)
    }

    private func warnSkipped(_ evaluation: Evaluation, run: RunInput, into out: inout CommandOutput) {
        for warning in evaluation.warnings { out.warning(warning) }
        guard !evaluation.skippedTopics.isEmpty else { return }
        let shown = evaluation.skippedTopics.prefix(10).joined(separator: ", ")
        let more = evaluation.skippedTopics.count > 10 ? ", ..." : ""
        let n = evaluation.skippedTopics.count
        let prefix = severalRuns ? "\(run.path): " : ""
        out.warning("\(prefix)\(n) qrels topic\(n == 1 ? " has" : "s have") no results in the run and \(n == 1 ? "was" : "were") left out of the averages (use -c to score \(n == 1 ? "it" : "them") as 0): \(shown)\(more)")
    }
}
