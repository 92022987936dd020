import RevalPlot

/// One system's per-topic differences against the baseline, sorted from the largest gain
/// to the largest loss: a bar per topic, or, past `barLimit` topics, the sorted curve
/// sampled at evenly spaced ranks (it is monotone, so the shape is kept) as a filled area.
struct TopicDifferencePlot {
    var title: String
    var subtitle: String
    var differences: [Double]
    var topics: [String]

    static let barLimit = 150
    static let samples = 400
    static let gain = "#2e7d32"
    static let loss = "#c62828"

    func svg() -> SVGDocument {
        let width = 640.0, height = 240.0
        let left = 60.0, right = 16.0, top = 50.0, bottom = 30.0
        var svg = SVGDocument(width: width, height: height, title: title)
        svg.rect(x: 0, y: 0, width: width, height: height, fill: "#ffffff")
        svg.text(title, x: left, y: 20, size: 14, bold: true)
        svg.text(subtitle, x: left, y: 38, size: 11, fill: "#555")
        let range = LinearScale.covering(differences, symmetric: true)
        let scale = LinearScale(low: range.low, high: range.high, start: height - bottom, end: top)
        for tick in scale.ticks(step: range.step) {
            let y = scale.position(tick)
            svg.line(x1: left, y1: y, x2: width - right, y2: y, stroke: "#ececec")
            svg.text(LinearScale.label(tick, step: range.step), x: left - 6, y: y + 4, anchor: .end, size: 10, fill: "#333")
        }
        let zero = scale.position(0)
        let n = differences.count
        let plotWidth = width - left - right
        if n <= Self.barLimit {
            let slot = plotWidth / Double(max(n, 1))
            for (k, d) in differences.enumerated() where d != 0 {
                let y = scale.position(d)
                let bar = SVGDocument.element("rect", [
                    ("x", SVG.number(left + Double(k) * slot + slot * 0.1)), ("y", SVG.number(min(y, zero))),
                    ("width", SVG.number(max(slot * 0.8, 0.5))), ("height", SVG.number(abs(zero - y))),
                    ("fill", d > 0 ? Self.gain : Self.loss),
                ], children: [SVGDocument.element("title", [], content: "\(topics[k]): \(ReportNumber.difference(d))")])
                svg.append(bar)
            }
        } else {
            let count = min(n, Self.samples)
            var above: [(x: Double, y: Double)] = [(left, zero)]
            for s in 0..<count {
                let rank = count == 1 ? 0 : Int((Double(s) * Double(n - 1) / Double(count - 1)).rounded())
                let d = differences[rank]
                above.append((left + Double(rank) / Double(max(n - 1, 1)) * plotWidth, scale.position(d)))
            }
            above.append((left + plotWidth, zero))
            let points = above.map { "\(SVG.number($0.x)),\(SVG.number($0.y))" }.joined(separator: " ")
            svg.append(SVGDocument.element("polygon", [("points", points), ("fill", "#7a7a7a"), ("fill-opacity", "0.5"),
                                                       ("stroke", "#444"), ("stroke-width", "1")]))
        }
        svg.line(x1: left, y1: zero, x2: width - right, y2: zero, stroke: "#444")
        svg.text("topics, sorted by difference", x: left + plotWidth / 2, y: height - 10, anchor: .middle, size: 11, fill: "#333")
        return svg
    }
}
