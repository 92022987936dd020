/// The terminal view of a gate: a header, one line per verdict (`PASS` or `FAIL`, the
/// check, the measure and dataset, each criterion's numbers and margin), for a failure a
/// second line with the topics that lost most against the baseline, and a closing count.
/// Names from the experiment file pass through `TerminalEscape`, so none can forge a line.
///
/// ```text
/// PASS check 1 ndcg_cut.10 on dl19-passage: min: 0.7308 >= 0.70 (margin +0.0308); max_drop: ...
/// FAIL check 2 ndcg_cut.10 on dl19-passage: max_drop: 0.5058 < SPLADE++ ED 0.7308 - 0.01 = 0.7208 (margin -0.2150)
///      worst topics against SPLADE++ ED: 1112341 -0.8734, ...
/// ```
public enum GateTerminal {
    public static func render(_ report: GateReport) -> String {
        var out = "reval gate: \(TerminalEscape.escape(report.candidate))"
        if let baseline = report.baseline { out += " against \(TerminalEscape.escape(baseline))" }
        out += " (\(TerminalEscape.escape(report.experiment)))\n"
        for verdict in report.verdicts {
            out += line(verdict) + "\n"
            if !verdict.passed, let baseline = verdict.baseline, !verdict.worstTopics.isEmpty {
                let topics = verdict.worstTopics.map { "\(TerminalEscape.escape($0.topic)) \(ReportNumber.difference($0.difference))" }
                out += "     worst topics against \(TerminalEscape.escape(baseline)): \(topics.joined(separator: ", "))\n"
            }
        }
        out += closing(report) + "\n"
        return out
    }

    /// `PASS check 1 ndcg_cut.10 on dl19-passage: min: ...; max_drop: ...`.
    public static func line(_ verdict: GateVerdict) -> String {
        let criteria = verdict.criteria.map { criterion in
            "\(criterion.kind.rawValue): \(criterion.summary)" + (criterion.nearMiss ? " [near miss]" : "")
        }
        return "\(verdict.passed ? "PASS" : "FAIL") check \(verdict.check) \(TerminalEscape.escape(verdict.measure)) on "
            + "\(TerminalEscape.escape(verdict.dataset)): \(TerminalEscape.escape(criteria.joined(separator: "; ")))"
    }

    /// `gate passed: 3 of 3 verdicts pass (1 near miss)` or `gate FAILED: 1 of 3 verdicts fail`.
    public static func closing(_ report: GateReport) -> String {
        let total = report.verdicts.count
        let nearMisses = report.nearMisses.count
        let misses = nearMisses == 0 ? "" : " (\(nearMisses) near \(nearMisses == 1 ? "miss" : "misses"))"
        if report.passed { return "gate passed: \(total) of \(total) \(total == 1 ? "verdict passes" : "verdicts pass")\(misses)" }
        return "gate FAILED: \(report.failures.count) of \(total) \(total == 1 ? "verdict fails" : "verdicts fail")\(misses)"
    }
}
