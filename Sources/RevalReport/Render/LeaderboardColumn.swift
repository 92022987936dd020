/// One column of the rendered tables, with what its cells hold. Markdown, LaTeX, HTML and
/// CSV walk the same list, so every format shows the same columns in the same order.
enum LeaderboardColumn: Equatable {
    case about(Int)
    case quality(dataset: Int, measure: Int)
    case average(measure: Int)
    case topics(dataset: Int)
    case split(dataset: Int, side: SplitSide, measure: Int)
    case cost(dataset: Int, figure: CostFigure)

    enum SplitSide: String { case interpolate, extrapolate, gap }
    enum CostFigure: String { case p95, qps, money, pareto }

    /// Which value is best in the column: the highest, the lowest, or none (no bold).
    enum Best { case highest, lowest, none }

    var best: Best {
        switch self {
        case .quality, .average: return .highest
        case .split(_, let side, _): return side == .gap ? .none : .highest
        case .cost(_, let figure):
            switch figure {
            case .p95, .money: return .lowest
            case .qps: return .highest
            case .pareto: return .none
            }
        case .about, .topics: return .none
        }
    }

    var isNumeric: Bool {
        switch self {
        case .about: return false
        case .cost(_, let figure): return figure != .pareto
        default: return true
        }
    }
}

/// A cell: its number (nil when empty), its significance mark, and whether it is the best
/// of its column.
struct LeaderboardCell {
    var value: Double?
    var text: String?
    var mark: Leaderboard.Mark?
    var best = false
}

extension Leaderboard {
    /// The columns of the tables: quality per dataset and measure, the averages (with more
    /// than one dataset), topics per dataset, split columns (first measure), cost columns
    /// per dataset that has them, and the about columns.
    var columns: [LeaderboardColumn] {
        var columns: [LeaderboardColumn] = []
        for d in datasets.indices {
            for m in measures.indices { columns.append(.quality(dataset: d, measure: m)) }
        }
        if showsAverage {
            for m in measures.indices { columns.append(.average(measure: m)) }
        }
        for d in datasets.indices { columns.append(.topics(dataset: d)) }
        for (d, dataset) in datasets.enumerated() where dataset.hasSplit {
            for side in [LeaderboardColumn.SplitSide.interpolate, .extrapolate, .gap] {
                columns.append(.split(dataset: d, side: side, measure: 0))
            }
        }
        for (d, dataset) in datasets.enumerated() where dataset.hasCost {
            for figure in [LeaderboardColumn.CostFigure.p95, .qps, .money, .pareto] {
                columns.append(.cost(dataset: d, figure: figure))
            }
        }
        columns += aboutKeys.indices.map { .about($0) }
        return columns
    }

    /// Column headers as two parts: what it belongs to (a dataset, "average") and what it
    /// holds. `withDataset: false` drops the dataset part when there is one dataset.
    func header(_ column: LeaderboardColumn) -> (group: String?, label: String) {
        switch column {
        case .about(let k):
            return (nil, aboutKeys[k])
        case .quality(let d, let m):
            return (datasets[d].name, measures[m])
        case .average(let m):
            return ("average", measures[m])
        case .topics(let d):
            return (datasets[d].name, "topics")
        case .split(let d, let side, let m):
            return (datasets[d].name, "\(side.rawValue) \(measures[m])")
        case .cost(let d, let figure):
            switch figure {
            case .p95: return (datasets[d].name, "p95 ms")
            case .qps: return (datasets[d].name, "QPS")
            case .money: return (datasets[d].name, "\(datasets[d].currency ?? "USD")/1M queries")
            case .pareto: return (datasets[d].name, "Pareto")
            }
        }
    }

    /// The header as one line: "dl19-passage ndcg_cut_10", or just "ndcg_cut_10" with one
    /// dataset when `short`.
    func headerText(_ column: LeaderboardColumn, short: Bool) -> String {
        let (group, label) = header(column)
        guard let group, !(short && datasets.count == 1 && group != "average") else { return label }
        return group + " " + label
    }

    func cell(_ column: LeaderboardColumn, _ row: Row) -> LeaderboardCell {
        switch column {
        case .about(let k):
            return LeaderboardCell(value: nil, text: row.about[k])
        case .quality(let d, let m):
            return LeaderboardCell(value: row.scores[d][m], mark: row.marks[d][m])
        case .average(let m):
            return LeaderboardCell(value: row.average[m])
        case .topics(let d):
            guard let missing = row.missingTopics[d] else { return LeaderboardCell() }
            return LeaderboardCell(value: Double(datasets[d].topics), text: missing == 0 ? nil : "\(missing) missing")
        case .split(let d, let side, let m):
            guard let cells = row.splits[d] else { return LeaderboardCell() }
            switch side {
            case .interpolate: return LeaderboardCell(value: cells.interpolate[m])
            case .extrapolate: return LeaderboardCell(value: cells.extrapolate[m])
            case .gap: return LeaderboardCell(value: cells.gap[m])
            }
        case .cost(let d, let figure):
            guard let cost = row.cost[d] else { return LeaderboardCell() }
            switch figure {
            case .p95: return LeaderboardCell(value: cost.p95Milliseconds)
            case .qps: return LeaderboardCell(value: cost.qps)
            case .money: return LeaderboardCell(value: cost.costPerMillion)
            case .pareto: return LeaderboardCell(value: nil, text: cost.pareto.map { $0 ? "yes" : "no" })
            }
        }
    }

    /// Every row's cells, with the best of each column flagged.
    func cellGrid() -> [[LeaderboardCell]] {
        let columns = self.columns
        var grid = rows.map { row in columns.map { cell($0, row) } }
        for (c, column) in columns.enumerated() where column.best != .none {
            let values = grid.compactMap { $0[c].value }
            guard values.count > 1, let best = column.best == .highest ? values.max() : values.min() else { continue }
            for r in grid.indices where grid[r][c].value == best { grid[r][c].best = true }
        }
        return grid
    }

    /// The text of a number cell in the human formats.
    func displayText(_ column: LeaderboardColumn, _ cell: LeaderboardCell) -> String {
        guard let value = cell.value else { return cell.text ?? "" }
        switch column {
        case .topics:
            return cell.text.map { "\(Int(value)) (\($0))" } ?? "\(Int(value))"
        case .split(_, let side, _):
            return side == .gap ? ReportNumber.difference(value) : ReportNumber.quality(value)
        case .cost(_, let figure):
            return figure == .money ? ReportNumber.money(value) : ReportNumber.oneDecimal(value)
        default:
            return ReportNumber.quality(value)
        }
    }
}
