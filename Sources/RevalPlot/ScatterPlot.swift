/// A labelled scatter plot with an optional line through some of its points (a Pareto
/// frontier), drawn as a self-contained SVG: quality against cost in `reval cost --plot`
/// and in the leaderboard's HTML.
///
/// Points that cannot be placed (not finite, or not positive on a logarithmic axis) are
/// left out and listed in a note under the plot, never moved to an edge.
///
/// ```swift
/// var plot = ScatterPlot(title: "CACM", xLabel: "USD per million queries (log scale)", yLabel: "nDCG@10")
/// plot.points = [.init(label: "bm25", x: 0.076, y: 0.4895, emphasized: true),
///                .init(label: "dense", x: 5.14, y: 0.4507)]
/// plot.line = [0]
/// let svg = plot.svg()
/// ```
public struct ScatterPlot: Sendable {
    public struct Point: Sendable {
        public var label: String
        public var x: Double
        public var y: Double
        /// Drawn filled (on the frontier) rather than hollow.
        public var emphasized: Bool
        /// Shown when the pointer rests on the point; the label and values by default.
        public var tooltip: String?

        public init(label: String, x: Double, y: Double, emphasized: Bool = false, tooltip: String? = nil) {
            self.label = label
            self.x = x
            self.y = y
            self.emphasized = emphasized
            self.tooltip = tooltip
        }
    }

    public enum LineStyle: Sendable {
        /// Straight segments from point to point.
        case straight
        /// Horizontal then vertical: a frontier's attainable region, where quality only
        /// rises at the next point's cost; after the last point the line runs on to the
        /// right edge (more money buys at least that quality), so a one-point frontier is
        /// drawn too.
        case steps
    }

    public var title: String
    /// A smaller line under the title (data set, percentile rule, hardware).
    public var subtitle: String?
    public var xLabel: String
    public var yLabel: String
    public var xScale: PlotScale = .logarithmic
    public var yScale: PlotScale = .linear
    public var points: [Point] = []
    /// Indices into `points` joined by the line, drawn in increasing x.
    public var line: [Int] = []
    public var lineStyle: LineStyle = .steps
    /// Legend texts for emphasized points and the others; no legend when nil.
    public var legend: (emphasized: String, other: String)? = ("on the Pareto frontier", "dominated")
    /// Lines printed under the plot.
    public var notes: [String] = []
    public var width: Double = 760
    public var height: Double = 500

    public init(title: String, xLabel: String, yLabel: String) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    static let accent = "#1f63a8"
    static let muted = "#7a7a7a"

    func placeable(_ point: Point) -> Bool {
        point.x.isFinite && point.y.isFinite && (xScale != .logarithmic || point.x > 0)
            && (yScale != .logarithmic || point.y > 0)
    }

    /// The SVG document.
    public func svg() -> String {
        let drawn = points.indices.filter { placeable(points[$0]) }
        var notes = self.notes
        let left = points.indices.filter { !placeable(points[$0]) }.map { points[$0].label }
        if !left.isEmpty { notes.append("Not drawn (no value to place): " + left.joined(separator: ", ")) }

        var svg = SVGDocument(width: width, height: height, title: title)
        svg.rect(x: 0, y: 0, width: width, height: height, fill: "#ffffff")
        let plotLeft = 84.0, plotRight = width - 36
        let subtitleLines = subtitle.map { Self.wrap($0, width: plotRight - plotLeft, size: 12) } ?? []
        notes = notes.flatMap { Self.wrap($0, width: width - 32, size: 11) }
        let plotTop = 56.0 + Double(subtitleLines.count) * 16
        let plotBottom = height - 62 - Double(notes.count) * 16
        svg.text(title, x: plotLeft, y: 28, size: 17, bold: true)
        for (k, line) in subtitleLines.enumerated() {
            svg.text(line, x: plotLeft, y: 48 + Double(k) * 16, size: 12, fill: "#555")
        }

        guard !drawn.isEmpty else {
            svg.text("No point to draw", x: (plotLeft + plotRight) / 2, y: (plotTop + plotBottom) / 2,
                     anchor: .middle, size: 14, fill: Self.muted)
            drawNotes(notes, into: &svg, from: height - Double(notes.count) * 16 - 8)
            return svg.render()
        }
        var xAxis = PlotAxis.fitting(drawn.map { points[$0].x }, scale: xScale)
        xAxis.start = plotLeft
        xAxis.end = plotRight
        var yAxis = PlotAxis.fitting(drawn.map { points[$0].y }, scale: yScale)
        yAxis.start = plotBottom
        yAxis.end = plotTop

        drawGrid(xAxis: xAxis, yAxis: yAxis, box: (plotLeft, plotTop, plotRight, plotBottom), into: &svg)
        svg.text(xLabel, x: (plotLeft + plotRight) / 2, y: plotBottom + 42, anchor: .middle, size: 13)
        svg.text(yLabel, x: 24, y: (plotTop + plotBottom) / 2, anchor: .middle, size: 13, rotation: -90)

        let lineIndices = line.filter { drawn.contains($0) }.sorted { points[$0].x < points[$1].x }
        var path: [(x: Double, y: Double)] = []
        for (k, i) in lineIndices.enumerated() {
            let p = (x: xAxis.position(points[i].x), y: yAxis.position(points[i].y))
            if lineStyle == .steps, k > 0, let last = path.last { path.append((p.x, last.y)) }
            path.append(p)
        }
        if lineStyle == .steps, let last = path.last { path.append((plotRight, last.y)) }
        if path.count > 1 { svg.polyline(path, stroke: Self.accent, width: 1.8) }

        // Labels keep clear of the points, of each other and of the line's segments.
        var placed: [(x0: Double, y0: Double, x1: Double, y1: Double)] = zip(path, path.dropFirst()).map { a, b in
            (min(a.x, b.x) - 1, min(a.y, b.y) - 2, max(a.x, b.x) + 1, max(a.y, b.y) + 2)
        }
        for i in drawn {
            let point = points[i]
            let cx = xAxis.position(point.x), cy = yAxis.position(point.y)
            placed.append((cx - 6, cy - 6, cx + 6, cy + 6))
            let tooltip = point.tooltip ?? "\(point.label): \(point.x), \(point.y)"
            svg.circle(cx: cx, cy: cy, r: 5.5, fill: point.emphasized ? Self.accent : "#ffffff",
                       stroke: point.emphasized ? Self.accent : Self.muted, strokeWidth: 2, tooltip: tooltip)
        }
        for i in drawn {
            let point = points[i]
            let cx = xAxis.position(point.x), cy = yAxis.position(point.y)
            let labelWidth = Double(point.label.count) * 7.2
            let toRight = cx + 10 + labelWidth <= plotRight
            let x = toRight ? cx + 10 : cx - 10
            var chosen = cy + 4
            for offset in [-13.0, 0, 13, -26, 26, -39, 39, -52, 52] {
                let baseline = cy + 4 + offset
                let box = (x0: toRight ? x : x - labelWidth, y0: baseline - 12, x1: toRight ? x + labelWidth : x, y1: baseline + 3)
                let clear = !placed.contains { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }
                if clear && box.y0 >= plotTop && box.y1 <= plotBottom {
                    chosen = baseline
                    placed.append(box)
                    break
                }
            }
            if abs(chosen - (cy + 4)) > 14 {
                // A label moved away from its point gets a leader line back to it.
                let edge = chosen < cy ? chosen + 2 : chosen - 12
                svg.line(x1: cx + (toRight ? 4 : -4), y1: cy + (chosen < cy ? -4 : 4), x2: x, y2: edge, stroke: "#aaaaaa")
            }
            svg.text(point.label, x: x, y: chosen, anchor: toRight ? .start : .end, size: 12,
                     fill: point.emphasized ? "#123d66" : "#444")
        }
        if let legend, drawn.contains(where: { points[$0].emphasized }) {
            drawLegend(legend, right: plotRight, y: plotTop - 12, into: &svg)
        }
        drawNotes(notes, into: &svg, from: height - Double(notes.count) * 16 - 8)
        return svg.render()
    }

    private func drawGrid(xAxis: PlotAxis, yAxis: PlotAxis, box: (Double, Double, Double, Double),
                          into svg: inout SVGDocument) {
        let (left, top, right, bottom) = box
        for tick in xAxis.ticks {
            let x = xAxis.position(tick.value)
            svg.line(x1: x, y1: top, x2: x, y2: bottom, stroke: tick.major ? "#d9d9d9" : "#efefef")
            svg.line(x1: x, y1: bottom, x2: x, y2: bottom + 5, stroke: "#444")
            svg.text(tick.label, x: x, y: bottom + 19, anchor: .middle, size: 11, fill: "#333")
        }
        for tick in yAxis.ticks {
            let y = yAxis.position(tick.value)
            svg.line(x1: left, y1: y, x2: right, y2: y, stroke: "#e3e3e3")
            svg.line(x1: left - 5, y1: y, x2: left, y2: y, stroke: "#444")
            svg.text(tick.label, x: left - 8, y: y + 4, anchor: .end, size: 11, fill: "#333")
        }
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#444")
        svg.line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#444")
    }

    private func drawLegend(_ legend: (emphasized: String, other: String), right: Double, y: Double,
                            into svg: inout SVGDocument) {
        let otherWidth = Double(legend.other.count) * 6.6
        let emphasizedWidth = Double(legend.emphasized.count) * 6.6
        var x = right - otherWidth
        svg.text(legend.other, x: x, y: y + 4, size: 11, fill: "#444")
        svg.circle(cx: x - 9, cy: y, r: 4.5, fill: "#ffffff", stroke: Self.muted, strokeWidth: 2)
        x -= 9 + 24 + emphasizedWidth
        svg.text(legend.emphasized, x: x, y: y + 4, size: 11, fill: "#444")
        svg.circle(cx: x - 9, cy: y, r: 4.5, fill: Self.accent, stroke: Self.accent, strokeWidth: 2)
    }

    /// `text` broken at spaces into lines that fit `width` at font `size` (estimated at
    /// 0.6 em a character, wide enough for DejaVu Sans and Helvetica).
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        let perLine = max(10, Int(width / (size * 0.6)))
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && current.count + 1 + word.count > perLine {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    private func drawNotes(_ notes: [String], into svg: inout SVGDocument, from top: Double) {
        for (k, note) in notes.enumerated() {
            svg.text(note, x: 16, y: top + Double(k) * 16 + 12, size: 11, fill: "#555")
        }
    }
}
