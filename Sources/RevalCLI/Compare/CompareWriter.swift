import RevalStats
import RevalFormats

/// `reval compare`'s output in its four formats.
enum CompareWriter {
    static func write(_ report: CompareReport, format: CompareOptions.Format) -> String {
        switch format {
        case .text: return text(report)
        case .json: return json(report)
        case .csv: return csv(report)
        case .markdown: return markdown(report)
        }
    }

    static func testName(_ test: SignificanceTest) -> String {
        switch test {
        case .t: return "paired t-test"
        case .randomization: return "randomization test"
        case .wilcoxon: return "Wilcoxon signed-rank test"
        case .bootstrap: return "bootstrap"
        case .tukey: return "randomised Tukey HSD"
        }
    }

    static func correctionName(_ correction: PValueCorrection) -> String {
        switch correction {
        case .holm: return "Holm"
        case .bonferroni: return "Bonferroni"
        case .benjaminiHochberg: return "Benjamini-Hochberg"
        case .none: return "no"
        }
    }

    /// The line above each measure's table.
    static func heading(_ section: CompareReport.MeasureSection, _ report: CompareReport) -> String {
        let s = report.settings
        let family = s.test == .tukey
            ? "family-wise over all \(report.runs.count) runs"
            : "\(correctionName(s.effectiveCorrection)) correction over \(section.comparisons.count) comparison\(section.comparisons.count == 1 ? "" : "s")"
        return "\(section.measure): \(report.topicCount) topics; significance by the \(testName(s.test)), \(family), alpha \(s.alpha)"
    }

    // MARK: Table columns shared by text and Markdown

    static func columns(_ report: CompareReport) -> [(title: String, numeric: Bool)] {
        let percent = formatPercent(report.settings.confidence)
        var columns: [(String, Bool)] = [
            ("baseline", false), ("system", false), ("baseline mean", true), ("system mean", true),
            ("difference", true), ("\(percent) CI", true), ("t", true), ("p (t)", true),
            ("p (rand)", true), ("p (wilcoxon)", true),
        ]
        if report.settings.test == .tukey { columns.append(("p (tukey)", true)) }
        columns += [("p (adjusted)", true), ("d_z", true), ("W/T/L", true), ("sig.", false)]
        return columns
    }

    static func cells(_ c: PairComparison, _ report: CompareReport) -> [String] {
        let interval = c.bootstrap.low.map { low in "[\(CompareText.fixed(low, signed: true)), \(CompareText.fixed(c.bootstrap.high, signed: true))]" } ?? "n/a"
        var cells = [
            c.baseline, c.system, CompareText.fixed(c.baselineMean), CompareText.fixed(c.systemMean),
            CompareText.fixed(c.difference, signed: true), interval, CompareText.fixed(c.tTest.t),
            CompareText.p(c.tTest.p), CompareText.p(c.randomization.p), CompareText.p(c.wilcoxon.p),
        ]
        if report.settings.test == .tukey { cells.append(CompareText.p(c.tukeyP)) }
        let wtl = c.winsTiesLosses
        cells += [
            CompareText.p(c.adjustedP), CompareText.fixed(c.effectSize.cohensDz),
            "\(wtl.wins)/\(wtl.ties)/\(wtl.losses)", c.significant == true ? "*" : "",
        ]
        return cells
    }

    static func formatPercent(_ confidence: Double) -> String {
        let percent = confidence * 100
        return percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    }

    static func topicList(_ differences: [PairComparison.TopicDifference]) -> String {
        differences.isEmpty ? "none" : differences.map { "\($0.topic) \(CompareText.fixed($0.difference, signed: true))" }.joined(separator: ", ")
    }

    // MARK: Text

    static func text(_ report: CompareReport) -> String {
        var out = ""
        let columns = columns(report)
        for (k, section) in report.sections.enumerated() {
            if k > 0 { out += "\n" }
            out += heading(section, report) + "\n\n"
            let rows = [columns.map(\.title)] + section.comparisons.map { cells($0, report) }
            var widths = columns.map { _ in 0 }
            for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
            for row in rows {
                var line = ""
                for (i, cell) in row.enumerated() {
                    let pad = String(repeating: " ", count: widths[i] - cell.count)
                    if i > 0 { line += "  " }
                    line += columns[i].numeric ? pad + cell : cell + pad
                }
                while line.hasSuffix(" ") { line.removeLast() }
                out += line + "\n"
            }
            out += "\n"
            for c in section.comparisons {
                out += "\(c.baseline) -> \(c.system):\n"
                out += "  largest gains:  \(topicList(c.largestGains))\n"
                out += "  largest losses: \(topicList(c.largestLosses))\n"
                for note in c.notes { out += "  note: \(note)\n" }
            }
        }
        let s = report.settings
        out += "\n* adjusted p <= \(s.alpha). Randomization: \(s.permutations) permutations (exact when 2^n <= that); "
        out += "bootstrap: \(s.bootstrapResamples) resamples; seed \(s.seed).\n"
        return out
    }

    // MARK: Markdown

    static func markdown(_ report: CompareReport) -> String {
        var out = ""
        let columns = columns(report)
        for (k, section) in report.sections.enumerated() {
            if k > 0 { out += "\n" }
            out += "### " + CompareText.markdown(heading(section, report)) + "\n\n"
            out += "| " + columns.map { CompareText.markdown($0.title) }.joined(separator: " | ") + " |\n"
            out += "|" + columns.map { $0.numeric ? " ---: |" : " --- |" }.joined() + "\n"
            for c in section.comparisons {
                out += "| " + cells(c, report).map(CompareText.markdown).joined(separator: " | ") + " |\n"
            }
            out += "\n"
            for c in section.comparisons {
                out += "- \(CompareText.markdown(c.baseline)) → \(CompareText.markdown(c.system)): largest gains "
                out += CompareText.markdown(topicList(c.largestGains)) + "; largest losses "
                out += CompareText.markdown(topicList(c.largestLosses))
                for note in c.notes { out += "; " + CompareText.markdown(note) }
                out += "\n"
            }
        }
        out += "\n\\* adjusted p ≤ \(report.settings.alpha).\n"
        return out
    }

    // MARK: JSON

    /// The fields of one comparison, in order; `json` values are written as they are.
    static func fields(_ c: PairComparison, _ report: CompareReport) -> [(key: String, json: String, csv: String)] {
        func number(_ key: String, _ x: Double?) -> (String, String, String) { (key, JSONEscape.number(x), CompareText.csv(x)) }
        func text(_ key: String, _ s: String) -> (String, String, String) { (key, JSONEscape.quoted(s), CompareText.csv(s)) }
        func integer(_ key: String, _ n: Int) -> (String, String, String) { (key, String(n), String(n)) }
        let wtl = c.winsTiesLosses
        var fields = [
            text("measure", c.measure), text("baseline", c.baseline), text("system", c.system), integer("n", c.n),
            number("baseline_mean", c.baselineMean), number("system_mean", c.systemMean), number("difference", c.difference),
            number("t", c.tTest.t), number("t_p", c.tTest.p), number("randomization_p", c.randomization.p),
            text("randomization_method", c.randomization.method.rawValue),
            number("bootstrap_low", c.bootstrap.low), number("bootstrap_high", c.bootstrap.high),
            number("bootstrap_p", c.bootstrap.p), number("wilcoxon_p", c.wilcoxon.p),
            text("wilcoxon_method", c.wilcoxon.method.rawValue),
            number("wilcoxon_statistic", c.wilcoxon.nonZero > 0 ? c.wilcoxon.statistic : nil),
        ]
        if report.settings.test == .tukey { fields.append(number("tukey_p", c.tukeyP)) }
        fields += [
            number("effect_size", c.effectSize.cohensDz), integer("wins", wtl.wins), integer("ties", wtl.ties),
            integer("losses", wtl.losses), number("p", c.p), number("adjusted_p", c.adjustedP),
            (key: "significant", json: c.significant.map { $0 ? "true" : "false" } ?? "null",
             csv: c.significant.map { $0 ? "true" : "false" } ?? ""),
        ]
        return fields
    }

    static func json(_ report: CompareReport) -> String {
        let s = report.settings
        var out = "{\n"
        out += "  \"test\": \(JSONEscape.quoted(s.test.rawValue)),\n"
        out += "  \"correction\": \(JSONEscape.quoted(s.effectiveCorrection.rawValue)),\n"
        out += "  \"alpha\": \(JSONEscape.number(s.alpha)),\n"
        out += "  \"permutations\": \(s.permutations),\n"
        out += "  \"bootstrap\": \(s.bootstrapResamples),\n"
        out += "  \"confidence\": \(JSONEscape.number(s.confidence)),\n"
        out += "  \"seed\": \(s.seed),\n"
        out += "  \"topics\": \(report.topicCount),\n"
        out += "  \"runs\": [" + report.runs.map(JSONEscape.quoted).joined(separator: ", ") + "],\n"
        out += "  \"warnings\": [" + report.warnings.map(JSONEscape.quoted).joined(separator: ", ") + "],\n"
        out += "  \"comparisons\": ["
        for (k, c) in report.comparisons.enumerated() {
            out += k == 0 ? "\n" : ",\n"
            var parts = fields(c, report).map { "\(JSONEscape.quoted($0.key)): \($0.json)" }
            func differences(_ list: [PairComparison.TopicDifference]) -> String {
                "[" + list.map { "{\"topic\": \(JSONEscape.quoted($0.topic)), \"difference\": \(JSONEscape.number($0.difference))}" }.joined(separator: ", ") + "]"
            }
            parts.append("\"largest_gains\": " + differences(c.largestGains))
            parts.append("\"largest_losses\": " + differences(c.largestLosses))
            parts.append("\"notes\": [" + c.notes.map(JSONEscape.quoted).joined(separator: ", ") + "]")
            out += "    {" + parts.joined(separator: ", ") + "}"
        }
        out += report.comparisons.isEmpty ? "]\n" : "\n  ]\n"
        return out + "}\n"
    }

    // MARK: CSV

    static func csv(_ report: CompareReport) -> String {
        guard let first = report.comparisons.first else { return "" }
        var out = fields(first, report).map(\.key).joined(separator: ",") + ",notes\n"
        for c in report.comparisons {
            out += fields(c, report).map(\.csv).joined(separator: ",") + "," + CompareText.csv(c.notes.joined(separator: "; ")) + "\n"
        }
        return out
    }
}
