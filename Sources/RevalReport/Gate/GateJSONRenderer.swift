/// A gate as JSON: every verdict with every criterion at full precision (`null` where a
/// value does not exist), the worst topics of failures, and the counts. Keys in docs/ci.md.
///
/// ```swift
/// try AtomicFile.write(Array(GateJSONRenderer.render(report).utf8), to: "gate.json")
/// ```
public enum GateJSONRenderer {
    public static func render(_ report: GateReport) -> String {
        JSONValue.object([
            ("generator", .string(report.generator)),
            ("experiment", .string(report.experiment)),
            ("title", .optional(report.title)),
            ("candidate", .string(report.candidate)),
            ("baseline", .optional(report.baseline)),
            ("significance", .string(report.significance)),
            ("passed", .bool(report.passed)),
            ("counts", .object([
                ("verdicts", .integer(report.verdicts.count)),
                ("passed", .integer(report.verdicts.count - report.failures.count)),
                ("failed", .integer(report.failures.count)),
                ("near_misses", .integer(report.nearMisses.count)),
            ])),
            ("verdicts", .array(report.verdicts.map(verdict))),
            ("warnings", .array(report.warnings.map { .string($0) })),
        ]).render()
    }

    static func verdict(_ verdict: GateVerdict) -> JSONValue {
        .object([
            ("check", .integer(verdict.check)),
            ("dataset", .string(verdict.dataset)),
            ("measure", .string(verdict.measure)),
            ("printed_measure", .string(verdict.printedName)),
            ("classname", .string(verdict.classname)),
            ("name", .string(verdict.name)),
            ("passed", .bool(verdict.passed)),
            ("near_miss", .bool(verdict.isNearMiss)),
            ("candidate", .string(verdict.candidate)),
            ("baseline", .optional(verdict.baseline)),
            ("candidate_mean", .number(verdict.candidateMean)),
            ("baseline_mean", .optional(verdict.baselineMean)),
            ("topics", .integer(verdict.topics)),
            ("line", verdict.location.line.map { .integer($0) } ?? .null),
            ("criteria", .array(verdict.criteria.map(criterion))),
            ("worst_topics", .array(verdict.worstTopics.map { loss in
                .object([
                    ("topic", .string(loss.topic)),
                    ("candidate", .number(loss.candidate)),
                    ("baseline", .number(loss.baseline)),
                    ("difference", .number(loss.difference)),
                ])
            })),
        ])
    }

    static func criterion(_ criterion: GateCriterion) -> JSONValue {
        .object([
            ("kind", .string(criterion.kind.rawValue)),
            ("setting", .string(criterion.setting)),
            ("threshold", .number(criterion.threshold)),
            ("actual", .optional(criterion.actual)),
            ("margin", .optional(criterion.margin)),
            ("passed", .bool(criterion.passed)),
            ("near_miss", .bool(criterion.nearMiss)),
            ("difference", .optional(criterion.difference)),
            ("expected", .optional(criterion.expected)),
            ("test", .optional(criterion.test)),
            ("summary", .string(criterion.summary)),
        ])
    }
}
