import RevalPlot

/// The leaderboard as one self-contained HTML page (no external CSS, script, font or
/// image: it works offline and can be mailed): the table, sortable by clicking a header
/// (a few lines of inline script), the notes, published scores, and inline SVG plots drawn
/// by reval — quality against cost with the Pareto frontier, interpolation against
/// extrapolation per system, and each system's per-topic differences against the
/// baseline, sorted.
///
/// The page is also well-formed XML (every element closed, attributes quoted, the script
/// free of `<` and `&`), so XML tools can read it. Every text from the inputs goes through
/// `HTMLEscape` (and `SVG.escape` inside the plots).
public enum HTMLRenderer {
    public static func render(_ board: Leaderboard) -> String {
        let title = board.title ?? "Leaderboard"
        var out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
        out += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(HTMLEscape.escape(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n<main>\n"
        out += "<h1>\(HTMLEscape.escape(title))</h1>\n"
        out += "<p class=\"meta\">\(HTMLEscape.escape("\(board.rows.count) system\(board.rows.count == 1 ? "" : "s"), \(board.datasets.count) dataset\(board.datasets.count == 1 ? "" : "s") (\(board.datasets.map { "\($0.name): \($0.topics) topics" }.joined(separator: ", "))); ranked by \(board.measures[0])\(board.showsAverage ? " averaged over datasets" : ""). Click a column header to sort."))</p>\n"
        out += table(board)
        out += "<ul class=\"notes\">\n"
        for note in board.notes { out += "<li>\(HTMLEscape.escape(note))</li>\n" }
        out += "</ul>\n"
        out += expected(board)
        out += plots(board)
        out += "<footer>\(HTMLEscape.escape(board.footer))</footer>\n</main>\n"
        out += "<script>\n\(script)</script>\n</body>\n</html>\n"
        return out
    }

    static func table(_ board: Leaderboard) -> String {
        let columns = board.columns
        let grid = board.cellGrid()
        var out = "<div class=\"scroll\"><table id=\"leaderboard\">\n<thead><tr>"
        out += "<th class=\"num\" data-sort=\"number\" data-first=\"asc\" title=\"sort\">Rank</th><th data-sort=\"text\" title=\"sort\">System</th>"
        for column in columns {
            let (group, label) = board.header(column)
            let heading = (group.map { "<span class=\"group\">\(HTMLEscape.escape($0))</span><br/>" } ?? "") + HTMLEscape.escape(label)
            out += "<th class=\"\(column.isNumeric ? "num" : "text")\" data-sort=\"\(column.isNumeric ? "number" : "text")\" title=\"sort\">\(heading)</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (r, row) in board.rows.enumerated() {
            out += "<tr\(row.isBaseline ? " class=\"baseline\"" : "")><td class=\"num\" data-value=\"\(row.rank)\">\(row.rank)</td>"
            out += "<td data-value=\"\(HTMLEscape.escape(row.name))\">\(HTMLEscape.escape(row.name))\(row.isBaseline ? " <span class=\"tag\">baseline</span>" : "")</td>"
            for (c, column) in columns.enumerated() {
                let cell = grid[r][c]
                let text = HTMLEscape.escape(board.displayText(column, cell))
                var classes = [column.isNumeric ? "num" : "text"]
                if cell.best { classes.append("best") }
                var attributes = " class=\"\(classes.joined(separator: " "))\""
                if let value = cell.value { attributes += " data-value=\"\(ReportNumber.full(value))\"" }
                else if let text = cell.text { attributes += " data-value=\"\(HTMLEscape.escape(text))\"" }
                var content = text
                if let mark = cell.mark {
                    var tip = ""
                    if let difference = mark.difference { tip += "Δ \(ReportNumber.difference(difference))" }
                    if let p = mark.p { tip += ", p = \(ReportNumber.pValue(p))" }
                    if let adjusted = mark.adjustedP { tip += ", adjusted p = \(ReportNumber.pValue(adjusted))" }
                    attributes += " title=\"\(HTMLEscape.escape(tip))\""
                    if mark.isGain { content += "<sup class=\"gain\">\(Leaderboard.gainMark)</sup>" }
                    if mark.isLoss { content += "<sup class=\"loss\">\(Leaderboard.lossMark)</sup>" }
                }
                out += "<td\(attributes)>\(content)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    static func expected(_ board: Leaderboard) -> String {
        let checks = board.expectedChecks
        guard !checks.isEmpty else { return "" }
        var out = "<h2>Published scores</h2>\n<table class=\"small\">\n<thead><tr><th>System</th><th>Dataset</th><th>Measure</th><th class=\"num\">Published</th><th class=\"num\">reval</th><th>Reproduced</th></tr></thead>\n<tbody>\n"
        for (system, check) in checks {
            out += "<tr><td>\(HTMLEscape.escape(system))</td><td>\(HTMLEscape.escape(check.dataset))</td><td>\(HTMLEscape.escape(check.measure))</td>"
            out += "<td class=\"num\">\(HTMLEscape.escape(check.expectedText))</td><td class=\"num\">\(check.actual.map(ReportNumber.quality) ?? "")</td>"
            out += "<td class=\"\(check.reproduced ? "ok" : "bad")\">\(check.reproduced ? "yes" : "no")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func plots(_ board: Leaderboard) -> String {
        var out = ""
        let costed = board.datasets.indices.filter { board.datasets[$0].hasCost }
        if !costed.isEmpty {
            out += "<h2>Quality against cost</h2>\n<div class=\"plots\">\n"
            for d in costed { out += "<figure>\(qualityCostPlot(board, dataset: d).svg().dropXMLDeclaration)</figure>\n" }
            out += "</div>\n"
        }
        let split = board.datasets.indices.filter { board.datasets[$0].hasSplit }
        if !split.isEmpty {
            out += "<h2>Interpolation and extrapolation</h2>\n<div class=\"plots\">\n"
            for d in split {
                let systems = board.rows.compactMap { row in
                    row.splits[d].map { (name: row.name, interpolate: $0.interpolate[0], extrapolate: $0.extrapolate[0]) }
                }
                let plot = SplitBarsPlot(title: "\(board.datasets[d].name): \(board.measures[0]), macro over \(board.datasets[d].splitBuckets) buckets",
                                         measure: board.measures[0], systems: systems)
                out += "<figure>\(plot.svg().inlineMarkup)</figure>\n"
            }
            out += "</div>\n"
        }
        if let baseline = board.baseline, !board.topicDifferences.isEmpty {
            out += "<h2>Per-topic differences against \(HTMLEscape.escape(baseline))</h2>\n<div class=\"plots\">\n"
            let order = board.rows.map(\.name)
            let sorted = board.topicDifferences.sorted { a, b in
                let da = board.datasets.firstIndex { $0.name == a.dataset } ?? 0, db = board.datasets.firstIndex { $0.name == b.dataset } ?? 0
                if da != db { return da < db }
                return (order.firstIndex(of: a.system) ?? 0) < (order.firstIndex(of: b.system) ?? 0)
            }
            for item in sorted {
                let better = item.differences.filter { $0 > 0 }.count, worse = item.differences.filter { $0 < 0 }.count
                let plot = TopicDifferencePlot(title: "\(item.system) − \(baseline) on \(item.dataset)",
                                               subtitle: "\(item.measure) per topic: \(better) better, \(item.differences.count - better - worse) equal, \(worse) worse",
                                               differences: item.differences, topics: item.topics)
                out += "<figure>\(plot.svg().inlineMarkup)</figure>\n"
            }
            out += "</div>\n"
        }
        return out
    }

    static func qualityCostPlot(_ board: Leaderboard, dataset d: Int) -> ScatterPlot {
        let axis = board.costAxis
        var plot = ScatterPlot(title: "\(board.datasets[d].name): \(board.measures[0]) against cost",
                               xLabel: axis.title(currency: board.datasets[d].currency ?? "USD") + " (log scale)",
                               yLabel: board.measures[0])
        plot.width = 620
        plot.height = 420
        for row in board.rows {
            guard let cost = row.cost[d], let quality = row.scores[d][0] else { continue }
            let x: Double?
            switch axis {
            case .money: x = cost.costPerMillion
            case .p95: x = cost.p95Milliseconds
            default: x = nil
            }
            plot.points.append(.init(label: row.name, x: x ?? .nan, y: quality, emphasized: cost.pareto == true,
                                     tooltip: "\(row.name): \(board.measures[0]) \(ReportNumber.quality(quality))"))
        }
        plot.line = plot.points.indices.filter { plot.points[$0].emphasized }
        return plot
    }

    static let style = """
    body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; margin: 0; background: #fafafa; }
    main { max-width: 1560px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
    h1 { font-size: 26px; margin: 0 0 6px; }
    h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
    .meta { color: #555; margin: 0 0 16px; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; font-size: 14px; }
    th, td { padding: 5px 10px; border-bottom: 1px solid #e4e4e4; white-space: nowrap; }
    th { background: #f0f3f7; text-align: left; vertical-align: bottom; cursor: pointer; user-select: none; white-space: normal; max-width: 120px; }
    th .group { font-weight: normal; color: #555; font-size: 12px; white-space: nowrap; }
    th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.text { white-space: normal; min-width: 90px; max-width: 240px; }
    th.sorted-asc::after { content: " \\25B2"; font-size: 10px; }
    th.sorted-desc::after { content: " \\25BC"; font-size: 10px; }
    tbody tr:hover { background: #f6f9fc; }
    tr.baseline td { background: #fbfaf2; }
    td.best { font-weight: bold; }
    .tag { font-size: 11px; color: #6b5d00; background: #f3edc2; border-radius: 3px; padding: 1px 4px; }
    sup.gain { color: #2e7d32; } sup.loss { color: #c62828; }
    .notes { color: #444; font-size: 13px; line-height: 1.5; max-width: 1100px; padding-left: 20px; }
    table.small th { cursor: default; }
    td.ok { color: #2e7d32; } td.bad { color: #c62828; font-weight: bold; }
    .plots { display: flex; flex-wrap: wrap; gap: 16px; }
    figure { margin: 0; border: 1px solid #e4e4e4; }
    footer { margin-top: 32px; color: #666; font-size: 12px; }

    """

    /// Sorts the leaderboard by a clicked header: numbers by `data-value` (empty cells
    /// last), text by its value; a second click reverses. Written without `<` and `&` so
    /// the page stays well-formed XML.
    static let script = """
    (function () {
      var table = document.getElementById("leaderboard");
      var body = table.tBodies[0];
      var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
      heads.forEach(function (th, column) {
        th.addEventListener("click", function () {
          var numeric = th.getAttribute("data-sort") === "number";
          var first = th.getAttribute("data-first") || (numeric ? "desc" : "asc");
          var descending = th.classList.contains("sorted-asc") ? true : th.classList.contains("sorted-desc") ? false : first === "desc";
          heads.forEach(function (h) { h.classList.remove("sorted-asc", "sorted-desc"); });
          th.classList.add(descending ? "sorted-desc" : "sorted-asc");
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[column].getAttribute("data-value"), y = b.cells[column].getAttribute("data-value");
            if (x === null || x === "") { return y === null || y === "" ? 0 : 1; }
            if (y === null || y === "") { return -1; }
            if (numeric) { x = parseFloat(x); y = parseFloat(y); }
            if (x === y) { return 0; }
            return (x > y) === descending ? -1 : 1;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    })();

    """
}

extension String {
    /// An SVG document's text without its XML declaration, for inline use.
    var dropXMLDeclaration: String {
        guard hasPrefix("<?xml"), let end = firstIndex(of: "\n") else { return self }
        return String(self[index(after: end)...])
    }
}
