import RevalCore

/// Evaluation results as JSON, JSON Lines, CSV or TSV, for other programs to read.
///
/// Values carry full precision (the shortest decimal that reads back as the same
/// double); counts are integers; NaN and infinities are `null` in JSON and `nan`/`inf`
/// in CSV and TSV. Rows come in trec_eval's order: per-topic rows (when asked for), then
/// the summary under topic `all`.
///
/// Ids are written byte for byte. A topic id or run tag that is not UTF-8 cannot be a
/// JSON string (an escape would read back as other bytes): JSON and JSON Lines refuse it
/// with `NotUTF8`; CSV and TSV write it as it is.
///
/// ```text
/// topic,measure,value
/// all,map,0.29932373351219636
/// ```
public enum EvaluationWriter {
    public enum Format: String, CaseIterable, Sendable {
        case json, jsonl, csv, tsv
    }

    /// A topic id or run tag that JSON cannot hold.
    public struct NotUTF8: Error, Sendable {
        /// "topic id" or "run tag".
        public var what: String
        public var value: String
        /// The run it belongs to, when several runs are written together.
        public var run: String?
        /// The message after the file name: what cannot be written, and what to use instead.
        public var message: String {
            "cannot write --format json or jsonl: \(what) '\(value.excerpt)' is not UTF-8, which a JSON string must be; "
                + "use --format csv or tsv, which keep ids byte for byte"
        }
    }

    /// One value of one measure for one topic (or "all").
    struct Row {
        var topic: String
        var measure: String
        var value: Value
    }

    enum Value {
        case number(Double, integer: Bool)
        case text(String)
    }

    /// Writes one run's results. `run` names the run in every row (a `run` column or
    /// key) when several runs are written together; `header` is false for the second and
    /// later runs of CSV and TSV, which share the first one's header.
    public static func write(_ evaluation: Evaluation, format: Format, perTopic: Bool, summary: Bool,
                             run: String? = nil, header: Bool = true, into out: inout String) throws(NotUTF8) {
        let rows = (perTopic ? topicRows(evaluation) : []) + (summary ? summaryRows(evaluation) : [])
        if format == .json || format == .jsonl { try requireUTF8(rows) }
        switch format {
        case .json: out += jsonObject(evaluation, perTopic: perTopic, summary: summary, run: run) + "\n"
        case .jsonl:
            let runKey = run.map { "\"run\":\(JSONEscape.quoted($0))," } ?? ""
            for row in rows {
                out += "{\(runKey)\"topic\":\(JSONEscape.quoted(row.topic)),\"measure\":\(JSONEscape.quoted(row.measure)),\"value\":\(jsonValue(row.value))}\n"
            }
        case .csv:
            let runField = run.map { csvField($0) + "," } ?? ""
            if header { out += (run == nil ? "" : "run,") + "topic,measure,value\n" }
            for row in rows { out += "\(runField)\(csvField(row.topic)),\(csvField(row.measure)),\(csvField(plain(row.value)))\n" }
        case .tsv:
            let runField = run.map { tsvField($0) + "\t" } ?? ""
            if header { out += (run == nil ? "" : "run\t") + "topic\tmeasure\tvalue\n" }
            for row in rows { out += "\(runField)\(tsvField(row.topic))\t\(row.measure)\t\(tsvField(plain(row.value)))\n" }
        }
    }

    /// Several runs' results as one JSON document: `{"runs": [{"run": NAME, "summary":
    /// {...}, "topics": {...}}, ...]}`.
    public static func writeJSON(_ evaluations: [(run: String, evaluation: Evaluation)], perTopic: Bool, summary: Bool,
                                 into out: inout String) throws(NotUTF8) {
        for (run, e) in evaluations {
            do {
                try requireUTF8((perTopic ? topicRows(e) : []) + (summary ? summaryRows(e) : []))
            } catch {
                var located = error
                located.run = run
                throw located
            }
        }
        let objects = evaluations.map { jsonObject($0.evaluation, perTopic: perTopic, summary: summary, run: $0.run) }
        out += "{\"runs\":[" + objects.joined(separator: ",") + "]}\n"
    }

    /// Throws for the first topic id or text value of `rows` that is not UTF-8.
    static func requireUTF8(_ rows: [Row]) throws(NotUTF8) {
        func isUTF8(_ s: String) -> Bool {
            // Bytes that are not UTF-8 are held as code points from U+10FF00 (UTF-8 F4 ...).
            guard s.utf8.contains(0xf4) else { return true }
            return s.rawBytes.withUnsafeBytes { String(validating: $0, as: UTF8.self) } != nil
        }
        for row in rows {
            if !isUTF8(row.topic) { throw NotUTF8(what: "topic id", value: row.topic) }
            if case .text(let text) = row.value, !isUTF8(text) {
                throw NotUTF8(what: row.measure == "runid" ? "run tag" : "\(row.measure) of topic \(row.topic)", value: text)
            }
        }
    }

    static func topicRows(_ e: Evaluation) -> [Row] {
        var rows: [Row] = []
        for topic in e.topics {
            for (m, measure) in e.measures.enumerated() where measure.style.perQuery {
                if measure.style.format == .quotedText {
                    rows.append(Row(topic: topic.topic, measure: measure.valueNames[0], value: .text(topic.texts[m] ?? "")))
                    continue
                }
                for (k, name) in measure.valueNames.enumerated() {
                    rows.append(Row(topic: topic.topic, measure: printedName(name, e),
                                    value: .number(topic.values[m][k], integer: isInteger(measure, e))))
                }
            }
        }
        return rows
    }

    static func summaryRows(_ e: Evaluation) -> [Row] {
        var rows: [Row] = []
        for (m, measure) in e.measures.enumerated() {
            switch measure.style.format {
            case .runTag:
                rows.append(Row(topic: "all", measure: measure.valueNames[0], value: .text(e.runTag)))
            case .quotedText:
                continue
            case .real, .integer:
                guard measure.style.summary != .none else { continue }
                for (k, name) in measure.valueNames.enumerated() {
                    rows.append(Row(topic: "all", measure: printedName(name, e),
                                    value: .number(e.summary[m][k], integer: isInteger(measure, e))))
                }
            }
        }
        return rows
    }

    /// z-scores (-Z) are named `Z<name>`, as trec_eval prints them, and are never integers.
    static func printedName(_ name: String, _ e: Evaluation) -> String { e.standardized ? "Z" + name : name }

    static func isInteger(_ measure: any ReportedMeasure, _ e: Evaluation) -> Bool {
        measure.style.format == .integer && !e.standardized
    }

    static func jsonObject(_ e: Evaluation, perTopic: Bool, summary: Bool, run: String?) -> String {
        func object(_ rows: [Row]) -> String {
            "{" + rows.map { "\(JSONEscape.quoted($0.measure)):\(jsonValue($0.value))" }.joined(separator: ",") + "}"
        }
        var parts: [String] = run.map { ["\"run\":" + JSONEscape.quoted($0)] } ?? []
        if summary { parts.append("\"summary\":" + object(summaryRows(e))) }
        if perTopic {
            let rows = topicRows(e)
            var byTopic: [String] = []
            var start = 0
            while start < rows.count {
                var end = start
                while end < rows.count && rows[end].topic == rows[start].topic { end += 1 }
                byTopic.append("\(JSONEscape.quoted(rows[start].topic)):" + object(Array(rows[start..<end])))
                start = end
            }
            parts.append("\"topics\":{" + byTopic.joined(separator: ",") + "}")
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    static func plain(_ value: Value) -> String {
        switch value {
        case .text(let s): return s
        case .number(let x, let integer):
            if x.isNaN { return "nan" }
            if x.isInfinite { return x > 0 ? "inf" : "-inf" }
            return integer ? String(truncatedToInt(x)) : "\(x)"
        }
    }

    static func jsonValue(_ value: Value) -> String {
        switch value {
        case .text(let s): return JSONEscape.quoted(s)
        case .number(let x, _):
            if !x.isFinite { return "null" }
            return plain(value)
        }
    }

    /// A TSV field: TAB, LF, CR and backslash written as `\\t`, `\\n`, `\\r`, `\\\\`, so
    /// an id holding them cannot shift columns or rows.
    static func tsvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" || $0 == "\r\n" }) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
