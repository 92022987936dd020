/// The leaderboard as JSON, every number at full precision (the shortest decimal that
/// reads back as the same double), values that do not exist as `null`:
///
/// ```json
/// {"systems": [{"name": "SPLADE++", "rank": 1,
///               "scores": {"dl19-passage": {"ndcg_cut_10": 0.7308...}},
///               "average": {"ndcg_cut_10": 0.7308...},
///               "significance": {"dl19-passage": {"ndcg_cut_10": {"p": 2.27e-06, "adjusted_p": 6.8e-06, "significant": true}}},
///               "splits": {"dl19-passage": {"interpolate": {...}, "extrapolate": {...}, "gap": {...}}},
///               "cost": {"cacm": {"p95_ms": 4.1, "qps": 303.2, "cost_per_million": 0.076, "pareto": true}}}]}
/// ```
///
/// docs/experiments.md lists every key.
public enum JSONRenderer {
    public static func render(_ board: Leaderboard) -> String {
        var top: [(String, JSONValue)] = [
            ("title", .optional(board.title)),
            ("experiment", .string(board.experimentName)),
            ("generator", .string(board.generator)),
            ("inputs", .object([("xxh64", .string(board.inputs.combined)),
                                ("files", .array(board.inputs.files.map { .object([("path", .string($0.path)), ("xxh64", .string($0.xxh64))]) }))])),
            ("measures", .array(board.measures.map { .string($0) })),
            ("baseline", .optional(board.baseline)),
            ("significance", .object([("test", .string(board.significance.test.rawValue)),
                                      ("correction", .string(board.significance.test == .tukey ? "none" : board.significance.correction.rawValue)),
                                      ("alpha", .number(board.significance.alpha)),
                                      ("permutations", .integer(board.significance.permutations)),
                                      ("seed", .integer(Int(clamping: board.significance.seed)))])),
            ("datasets", .array(board.datasets.map { dataset in
                .object([("name", .string(dataset.name)), ("topics", .integer(dataset.topics)),
                         ("group", .optional(dataset.group)), ("splits", .bool(dataset.hasSplit)), ("cost", .bool(dataset.hasCost))])
            })),
        ]
        top.append(("systems", .array(board.rows.map { system($0, board) })))
        top.append(("warnings", .array(board.warnings.map { .string($0) })))
        return JSONValue.object(top).render()
    }

    static func system(_ row: Leaderboard.Row, _ board: Leaderboard) -> JSONValue {
        let ran = board.datasets.indices.filter { row.scores[$0].contains { $0 != nil } || row.missingTopics[$0] != nil }
        func perMeasure(_ values: [Double?]) -> JSONValue {
            .object(board.measures.enumerated().map { ($1, .optional(values[$0])) })
        }
        var members: [(String, JSONValue)] = [
            ("name", .string(row.name)),
            ("rank", .integer(row.rank)),
            ("baseline", .bool(row.isBaseline)),
            ("about", .object(board.aboutKeys.enumerated().compactMap { k, key in row.about[k].map { (key, .string($0)) } })),
            ("scores", .object(ran.map { (board.datasets[$0].name, perMeasure(row.scores[$0])) })),
            ("average", perMeasure(row.average)),
        ]
        if !board.groups.isEmpty {
            members.append(("groups", .object(board.groups.enumerated().map { ($1, perMeasure(row.groupAverages[$0])) })))
        }
        members.append(("topics", .object(ran.map { (board.datasets[$0].name, .integer(board.datasets[$0].topics)) })))
        members.append(("missing_topics", .object(ran.map { (board.datasets[$0].name, .integer(row.missingTopics[$0] ?? 0)) })))
        let compared = board.datasets.indices.filter { d in row.marks[d].contains { $0 != nil } }
        members.append(("significance", .object(compared.map { d in
            (board.datasets[d].name, .object(board.measures.enumerated().compactMap { m, measure in
                row.marks[d][m].map { mark in
                    (measure, .object([("p", .optional(mark.p)), ("adjusted_p", .optional(mark.adjustedP)),
                                       ("significant", .bool(mark.significant)), ("difference", .optional(mark.difference))]))
                }
            }))
        })))
        members.append(("splits", .object(board.datasets.indices.compactMap { d in
            row.splits[d].map { cells in
                (board.datasets[d].name, .object([("interpolate", perMeasure(cells.interpolate)),
                                                  ("extrapolate", perMeasure(cells.extrapolate)),
                                                  ("gap", perMeasure(cells.gap))]))
            }
        })))
        members.append(("cost", .object(board.datasets.indices.compactMap { d in
            row.cost[d].map { cost in (board.datasets[d].name, .object([("p95_ms", .optional(cost.p95Milliseconds)), ("qps", .optional(cost.qps)),
                                                     ("cost_per_million", .optional(cost.costPerMillion)),
                                                     ("currency", .optional(cost.currency)), ("pareto", .optional(cost.pareto))])) }
        })))
        members.append(("expected", .array(row.expected.map { check in
            .object([("dataset", .string(check.dataset)), ("measure", .string(check.measure)),
                     ("expected", .number(check.expected)), ("actual", .optional(check.actual)),
                     ("reproduced", .bool(check.reproduced))])
        })))
        return .object(members)
    }
}
