/// The report as a Markdown table (GitHub's dialect), with the rules and hardware as
/// sentences; names are escaped so that none can break the table or add markup.
extension CostReport {
    public func markdown() -> String {
        let columns = self.columns()
        var out = "Latency percentiles: \(Self.markdownEscape(ruleDescription)).\n"
        if let qualityTopics { out += "Quality: \(Self.markdownEscape(qualityTopics)).\n" }
        out += "Frontier: \(Self.markdownEscape(frontierDescription)).\n\n"
        out += "| " + columns.map { Self.markdownEscape($0.header) }.joined(separator: " | ") + " |\n"
        out += "|" + columns.map { $0.numeric ? " ---: |" : " --- |" }.joined() + "\n"
        for i in systems.indices {
            out += "| " + columns.map { Self.markdownEscape($0.cells[i]) }.joined(separator: " | ") + " |\n"
        }
        out += "\nHardware:\n\n"
        for line in hardwareLines { out += "- \(Self.markdownEscape(line))\n" }
        if !budget.isEmpty { out += "\n\(Self.markdownEscape(bestSentence))\n" }
        return out
    }

    /// `text` as literal Markdown inline text: the characters that start markup or end a
    /// table cell backslash-escaped, line ends as spaces.
    public static func markdownEscape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#", "~", "!", "&":
                out += "\\" + String(character)
            case "\n", "\r", "\r\n":
                out += " "
            default:
                out.append(character)
            }
        }
        return out
    }
}
