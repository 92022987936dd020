/// The report for reading in a terminal: a sentence on the rules, an aligned table, the
/// hardware of each system, and the best system under the budget when one was given.
extension CostReport {
    public func text() -> String {
        var out = "Latency percentiles: \(ruleDescription).\n"
        if let qualityTopics { out += "Quality: \(qualityTopics).\n" }
        out += "Frontier: \(frontierDescription).\n\n"
        let columns = self.columns()
        let widths = columns.map { column in max(column.header.count, column.cells.map(\.count).max() ?? 0) }
        func row(_ cells: [String]) -> String {
            var line = ""
            for (k, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                if k > 0 { line += "  " }
                line += columns[k].numeric ? pad + cell : cell + pad
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line + "\n"
        }
        out += row(columns.map(\.header))
        for i in systems.indices { out += row(columns.map { $0.cells[i] }) }
        out += "\nHardware:\n"
        for line in hardwareLines { out += "  \(line)\n" }
        if !budget.isEmpty { out += "\n\(bestSentence)\n" }
        return out
    }
}
