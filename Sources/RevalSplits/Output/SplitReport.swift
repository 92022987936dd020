import RevalCore
import RevalFormats

/// A `SplitEvaluation` written out as text (a table per run, 4 decimals as trec_eval
/// prints), JSON or CSV (full precision), or Markdown (4 decimals).
///
/// JSON, the shape the checks read:
///
/// ```text
/// {"measures": [...], "runs": [{"name": ..., "buckets": [{"bucket": "bucket-1",
///   "interpolate": {"n": 38, "ndcg_cut_10": 0.489...}, "extrapolate": {"n": 5, ...},
///   "gap": {...}, "relative_gap": {...}}, ...],
///   "macro": {"interpolate": {"n": ..., "buckets": 5, ...}, "extrapolate": {...}, "gap": {...},
///             "relative_gap": {...}},
///   "pooled": {...}, "full": {"n": 43, ...}}], "warnings": [...]}
/// ```
///
/// ```swift
/// var text = ""
/// SplitReport.write(result, format: .text, into: &text)
/// ```
public enum SplitReport {
    public enum Format: String, CaseIterable, Sendable {
        case text, json, csv, markdown
    }

    public static func write(_ result: SplitEvaluation, format: Format, into out: inout String) {
        switch format {
        case .text: text(result, into: &out)
        case .json: json(result, into: &out)
        case .csv: csv(result, into: &out)
        case .markdown: markdown(result, into: &out)
        }
    }

    /// One row of a run's table: where, which side, how many topics, the values.
    struct Row {
        var bucket: String
        var side: String
        var n: Int?
        var values: [Double?]
    }

    /// A run's rows: per bucket its sides, gap and relative gap; then macro, pooled (left
    /// out of the tables for people when there is one bucket: they repeat it), full.
    static func rows(_ run: SplitEvaluation.RunResult, averages: Bool = true) -> [Row] {
        func add(_ name: String, _ sides: SplitEvaluation.Sides, to rows: inout [Row]) {
            for side in sides.sides { rows.append(Row(bucket: name, side: side.label, n: side.n, values: side.values)) }
            if let gap = sides.gap { rows.append(Row(bucket: name, side: "gap", n: nil, values: gap)) }
            if let relative = sides.relativeGap { rows.append(Row(bucket: name, side: "relative_gap", n: nil, values: relative)) }
        }
        var rows: [Row] = []
        for bucket in run.buckets { add(bucket.bucket, bucket.results, to: &rows) }
        if averages {
            add("macro", run.macro, to: &rows)
            add("pooled", run.pooled, to: &rows)
        }
        rows.append(Row(bucket: "full", side: run.full.label, n: run.full.n, values: run.full.values))
        return rows
    }

    /// 4 decimals, as trec_eval prints; a whole count (num_ret on one side) as an integer.
    static func fixed(_ value: Double?, style: MeasureStyle.Summary) -> String {
        guard let value else { return "-" }
        if style == .sum && value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        let text = String(formatFixed4(value).drop { $0 == " " })
        // A difference of rounding noise (pooled gaps of a partition) is no negative number.
        return text == "-0.0000" ? "0.0000" : text
    }

    static func fixed(_ values: [Double?], _ result: SplitEvaluation) -> [String] {
        zip(values, result.summaryStyles).map { fixed($0, style: $1) }
    }

    static func runHeading(_ run: SplitEvaluation.RunResult) -> String {
        guard run.perBucketRuns else { return run.name }
        return run.name + " (" + run.buckets.map { "\($0.bucket): \($0.run)" }.joined(separator: ", ") + ")"
    }

    static func text(_ result: SplitEvaluation, into out: inout String) {
        for (r, run) in result.runs.enumerated() {
            if r > 0 { out += "\n" }
            out += "run \(runHeading(run))\n"
            let header = ["bucket", "side", "n"] + result.measures
            let body = rows(run, averages: run.buckets.count > 1).map { row in
                [row.bucket, row.side, row.n.map(String.init) ?? ""] + fixed(row.values, result)
            }
            let table = [header] + body
            let widths = header.indices.map { c in table.map { $0[c].count }.max() ?? 0 }
            for line in table {
                var cells: [String] = []
                for (c, cell) in line.enumerated() {
                    let pad = String(repeating: " ", count: widths[c] - cell.count)
                    cells.append(c < 2 ? cell + pad : pad + cell)
                }
                var text = cells.joined(separator: "  ")
                while text.last == " " { text.removeLast() }
                out += text + "\n"
            }
        }
    }

    static func markdown(_ result: SplitEvaluation, into out: inout String) {
        for (r, run) in result.runs.enumerated() {
            if r > 0 { out += "\n" }
            out += "### \(TextEscaping.markdown(runHeading(run)))\n\n"
            let header = ["bucket", "side", "n"] + result.measures
            out += "| " + header.map(TextEscaping.markdown).joined(separator: " | ") + " |\n"
            out += "|" + header.indices.map { $0 < 2 ? "---|" : "---:|" }.joined() + "\n"
            for row in rows(run, averages: run.buckets.count > 1) {
                let cells = [row.bucket, row.side].map(TextEscaping.markdown) + [row.n.map(String.init) ?? ""] + fixed(row.values, result)
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
        }
        if !result.warnings.isEmpty {
            out += "\n"
            for warning in result.warnings { out += "- warning: \(TextEscaping.markdown(warning))\n" }
        }
    }

    static func csv(_ result: SplitEvaluation, into out: inout String) {
        out += (["run", "bucket", "side", "n"] + result.measures).map(TextEscaping.csv).joined(separator: ",") + "\n"
        for run in result.runs {
            for row in rows(run) {
                let values = row.values.map { v -> String in
                    guard let v else { return "" }
                    return v.isNaN ? "nan" : v.isInfinite ? (v > 0 ? "inf" : "-inf") : "\(v)"
                }
                out += ([run.name, row.bucket, row.side].map(TextEscaping.csv) + [row.n.map(String.init) ?? ""] + values)
                    .joined(separator: ",") + "\n"
            }
        }
    }

    static func json(_ result: SplitEvaluation, into out: inout String) {
        let measures = result.measures
        func values(_ values: [Double?], n: Int? = nil, buckets: Int? = nil) -> String {
            var members: [String] = []
            if let n { members.append("\"n\":\(n)") }
            if let buckets { members.append("\"buckets\":\(buckets)") }
            for (name, value) in zip(measures, values) { members.append("\(JSONEscape.quoted(name)):\(JSONEscape.number(value))") }
            return "{" + members.joined(separator: ",") + "}"
        }
        func sides(_ sides: SplitEvaluation.Sides, macro: Bool) -> [String] {
            var members = sides.sides.map { side in
                "\(JSONEscape.quoted(side.label)):" + values(side.values, n: side.n, buckets: macro ? side.buckets : nil)
            }
            if let gap = sides.gap { members.append("\"gap\":" + values(gap)) }
            if let relative = sides.relativeGap { members.append("\"relative_gap\":" + values(relative)) }
            return members
        }
        var runs: [String] = []
        for run in result.runs {
            let buckets = run.buckets.map { bucket -> String in
                var members = ["\"bucket\":\(JSONEscape.quoted(bucket.bucket))"]
                if run.perBucketRuns { members.append("\"run\":\(JSONEscape.quoted(bucket.run))") }
                members += sides(bucket.results, macro: false)
                return "{" + members.joined(separator: ",") + "}"
            }
            runs.append("{\"name\":\(JSONEscape.quoted(run.name)),\"buckets\":[" + buckets.joined(separator: ",") + "],"
                        + "\"macro\":{" + sides(run.macro, macro: true).joined(separator: ",") + "},"
                        + "\"pooled\":{" + sides(run.pooled, macro: false).joined(separator: ",") + "},"
                        + "\"full\":" + values(run.full.values, n: run.full.n) + "}")
        }
        out += "{\"measures\":[" + measures.map(JSONEscape.quoted).joined(separator: ",") + "],"
        out += "\"runs\":[" + runs.joined(separator: ",") + "],"
        out += "\"warnings\":[" + result.warnings.map(JSONEscape.quoted).joined(separator: ",") + "]}\n"
    }
}
