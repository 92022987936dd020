/// A gate as GitHub Actions annotations (workflow commands on stdout): `::error` for each
/// failing verdict and `::warning` for each near miss (a passing verdict with a criterion
/// within 10% of its threshold), each placed at the check's line in the experiment file.
/// Properties are escaped with `GitHubCommandEscape.property`, messages with `.message`.
/// GitHub shows at most 10 annotations of each kind per step.
///
/// ```text
/// ::error file=Reports/gate-dl19.yaml,line=12,col=7,title=reval gate check 2 failed on dl19-passage::max_drop: ...
/// ```
public enum GitHubAnnotations {
    public static func render(_ report: GateReport) -> String {
        var out = ""
        for verdict in report.verdicts {
            let kind: String
            let title: String
            let criteria: [GateCriterion]
            if !verdict.passed {
                kind = "error"
                title = "reval gate check \(verdict.check) failed on \(verdict.dataset)"
                criteria = verdict.criteria.filter { !$0.passed }
            } else if verdict.isNearMiss {
                kind = "warning"
                title = "reval gate check \(verdict.check) near miss on \(verdict.dataset)"
                criteria = verdict.criteria.filter(\.nearMiss)
            } else {
                continue
            }
            var properties = ["file=\(GitHubCommandEscape.property(verdict.location.file))"]
            if let line = verdict.location.line { properties.append("line=\(line)") }
            if let column = verdict.location.column { properties.append("col=\(column)") }
            properties.append("title=\(GitHubCommandEscape.property(title))")
            var message = "\(verdict.candidate) \(verdict.measure): "
                + criteria.map { "\($0.kind.rawValue): \($0.summary)" }.joined(separator: "; ")
            if !verdict.passed, let baseline = verdict.baseline, !verdict.worstTopics.isEmpty {
                message += "\nworst topics against \(baseline): "
                    + verdict.worstTopics.map { "\($0.topic) \(ReportNumber.difference($0.difference))" }.joined(separator: ", ")
            }
            out += "::\(kind) \(properties.joined(separator: ","))::\(GitHubCommandEscape.message(message))\n"
        }
        return out
    }
}
