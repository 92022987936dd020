/// A gate as a Markdown summary (GitHub's `$GITHUB_STEP_SUMMARY`, a merge request note):
/// a heading with the outcome, a table of every verdict (result, check, dataset, measure,
/// candidate and baseline means, each criterion), then for each failure a table of the
/// topics that lost most against the baseline. Text from the experiment goes through
/// `MarkdownEscape`.
///
/// ```swift
/// try AtomicFile.write(Array(GateMarkdown.render(report).utf8), to: "gate.md")
/// ```
public enum GateMarkdown {
    public static func render(_ report: GateReport) -> String {
        let e = MarkdownEscape.escape
        var out = "## reval gate: \(report.passed ? "passed" : "FAILED")\n\n"
        var about = "Candidate **\(e(report.candidate))**"
        if let baseline = report.baseline { about += " against **\(e(baseline))**" }
        if let title = report.title { about += ", \(e(title))" }
        out += about + ". " + e(GateTerminal.closing(report)) + ".\n\n"
        out += "| Result | Check | Dataset | Measure | Candidate | Baseline | Criteria |\n"
        out += "|---|---|---|---|---|---|---|\n"
        for verdict in report.verdicts {
            let result = verdict.passed ? (verdict.isNearMiss ? "✅ pass (near miss)" : "✅ pass") : "❌ **FAIL**"
            let criteria = verdict.criteria.map { criterion in
                let mark = criterion.passed ? "" : "**fail** "
                return "\(mark)\(criterion.kind.rawValue): \(e(criterion.summary))\(criterion.nearMiss ? " (near miss)" : "")"
            }
            out += "| \(result) | \(verdict.check) | \(e(verdict.dataset)) | \(e(verdict.measure)) | "
            out += "\(ReportNumber.quality(verdict.candidateMean)) | \(verdict.baselineMean.map(ReportNumber.quality) ?? "") | "
            out += criteria.joined(separator: "<br>") + " |\n"
        }
        for verdict in report.verdicts where !verdict.passed && !verdict.worstTopics.isEmpty {
            guard let baseline = verdict.baseline else { continue }
            out += "\n### Check \(verdict.check) on \(e(verdict.dataset)): the topics that lost most against \(e(baseline))\n\n"
            out += "| Topic | \(e(verdict.candidate)) | \(e(baseline)) | Difference |\n|---|---|---|---|\n"
            for loss in verdict.worstTopics {
                out += "| \(e(loss.topic)) | \(ReportNumber.quality(loss.candidate)) | \(ReportNumber.quality(loss.baseline)) | \(ReportNumber.difference(loss.difference)) |\n"
            }
        }
        if !report.warnings.isEmpty {
            out += "\n" + report.warnings.map { "- \(e($0))\n" }.joined()
        }
        out += "\n<sub>\(e(report.generator)), \(e(report.experiment)); not_significantly_worse: \(e(report.significance))</sub>\n"
        return out
    }
}
