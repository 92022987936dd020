/// The leaderboard as CSV (RFC 4180: CRLF line ends, fields quoted by `CSVEscape`): one
/// header line, then one line per system in rank order. Numbers at full precision; an
/// empty field where a value does not exist. Columns: rank, system, baseline, the about
/// columns, `<dataset> <measure>` for every pair, `average <measure>`, `<dataset> topics`
/// and `<dataset> missing_topics`, significance per pair (`<dataset> <measure> p`,
/// `adjusted_p`, `significant`), split columns per measure and cost columns per dataset.
public enum CSVRenderer {
    public static func render(_ board: Leaderboard) -> String {
        var header = ["rank", "system", "baseline"] + board.aboutKeys
        var fields: [(Leaderboard.Row) -> String] = []
        func add(_ name: String, _ field: @escaping (Leaderboard.Row) -> String) {
            header.append(name)
            fields.append(field)
        }
        func number(_ value: Double?) -> String { value.map(ReportNumber.full) ?? "" }
        for (d, dataset) in board.datasets.enumerated() {
            for (m, measure) in board.measures.enumerated() {
                add("\(dataset.name) \(measure)") { number($0.scores[d][m]) }
            }
        }
        for (m, measure) in board.measures.enumerated() {
            add("average \(measure)") { number($0.average[m]) }
        }
        for (d, dataset) in board.datasets.enumerated() {
            add("\(dataset.name) topics") { $0.missingTopics[d] == nil ? "" : String(dataset.topics) }
            add("\(dataset.name) missing_topics") { $0.missingTopics[d].map(String.init) ?? "" }
        }
        if board.hasMarks {
            for (d, dataset) in board.datasets.enumerated() {
                for (m, measure) in board.measures.enumerated() {
                    add("\(dataset.name) \(measure) p") { number($0.marks[d][m]?.p) }
                    add("\(dataset.name) \(measure) adjusted_p") { number($0.marks[d][m]?.adjustedP) }
                    add("\(dataset.name) \(measure) significant") { $0.marks[d][m].map { $0.significant ? "true" : "false" } ?? "" }
                }
            }
        }
        for (d, dataset) in board.datasets.enumerated() where dataset.hasSplit {
            for (m, measure) in board.measures.enumerated() {
                add("\(dataset.name) interpolate \(measure)") { number($0.splits[d]?.interpolate[m]) }
                add("\(dataset.name) extrapolate \(measure)") { number($0.splits[d]?.extrapolate[m]) }
                add("\(dataset.name) gap \(measure)") { number($0.splits[d]?.gap[m]) }
            }
        }
        for (d, dataset) in board.datasets.enumerated() where dataset.hasCost {
            add("\(dataset.name) p95_ms") { number($0.cost[d]?.p95Milliseconds) }
            add("\(dataset.name) qps") { number($0.cost[d]?.qps) }
            add("\(dataset.name) cost_per_million") { number($0.cost[d]?.costPerMillion) }
            add("\(dataset.name) currency") { $0.cost[d]?.currency ?? "" }
            add("\(dataset.name) pareto") { $0.cost[d]?.pareto.map { $0 ? "true" : "false" } ?? "" }
        }
        var out = header.map(CSVEscape.escape).joined(separator: ",") + "\r\n"
        for row in board.rows {
            let values = [String(row.rank), row.name, row.isBaseline ? "true" : "false"]
                + row.about.map { $0 ?? "" } + fields.map { $0(row) }
            out += values.map(CSVEscape.escape).joined(separator: ",") + "\r\n"
        }
        return out
    }
}
