import RevalPlot

/// Interpolation against extrapolation, one pair of bars per system (the macro averages
/// over the split's buckets of the first measure), as an SVG.
struct SplitBarsPlot {
    var title: String
    var measure: String
    /// (system, interpolate, extrapolate).
    var systems: [(name: String, interpolate: Double?, extrapolate: Double?)]

    static let interpolateColor = "#1f63a8"
    static let extrapolateColor = "#e08a1e"

    func svg() -> SVGDocument {
        let groupWidth = 120.0
        let left = 70.0, top = 60.0, bottom = 70.0, right = 30.0
        let plotHeight = 260.0
        let width = max(420, left + right + groupWidth * Double(systems.count))
        let height = top + plotHeight + bottom
        var svg = SVGDocument(width: width, height: height, title: title)
        svg.rect(x: 0, y: 0, width: width, height: height, fill: "#ffffff")
        svg.text(title, x: left, y: 26, size: 16, bold: true)
        let values = systems.flatMap { [$0.interpolate, $0.extrapolate].compactMap { $0 } }
        let range = LinearScale.covering(values)
        let scale = LinearScale(low: range.low, high: range.high, start: top + plotHeight, end: top)
        for tick in scale.ticks(step: range.step) {
            let y = scale.position(tick)
            svg.line(x1: left, y1: y, x2: width - right, y2: y, stroke: "#e3e3e3")
            svg.text(LinearScale.label(tick, step: range.step), x: left - 8, y: y + 4, anchor: .end, size: 11, fill: "#333")
        }
        svg.text(measure, x: 20, y: top + plotHeight / 2, anchor: .middle, size: 12, rotation: -90)
        let zero = scale.position(0)
        for (k, system) in systems.enumerated() {
            let x0 = left + Double(k) * groupWidth + 20
            for (j, value) in [system.interpolate, system.extrapolate].enumerated() {
                guard let value else { continue }
                let y = scale.position(value)
                let x = x0 + Double(j) * 40
                svg.rect(x: x, y: min(y, zero), width: 36, height: abs(zero - y),
                         fill: j == 0 ? Self.interpolateColor : Self.extrapolateColor)
                svg.text(ReportNumber.quality(value), x: x + 18, y: min(y, zero) - 4, anchor: .middle, size: 10, fill: "#333")
            }
            svg.text(Self.shortened(system.name, to: 16), x: x0 + 38, y: top + plotHeight + 18, anchor: .middle, size: 12)
        }
        svg.line(x1: left, y1: zero, x2: width - right, y2: zero, stroke: "#444")
        let legendY = top + plotHeight + 48
        svg.rect(x: left, y: legendY - 10, width: 12, height: 12, fill: Self.interpolateColor)
        svg.text("interpolate", x: left + 18, y: legendY, size: 12)
        svg.rect(x: left + 110, y: legendY - 10, width: 12, height: 12, fill: Self.extrapolateColor)
        svg.text("extrapolate", x: left + 128, y: legendY, size: 12)
        return svg
    }

    /// At most `limit` characters, with "…" when cut.
    static func shortened(_ text: String, to limit: Int) -> String {
        let flat = text.replacing("\n", with: " ").replacing("\r", with: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
