import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import RevalPlot
import Testing

/// Whether `text` is well-formed XML (any parserError counts as failure: FoundationXML's
/// parse() returns true on some malformed input).
func isWellFormedXML(_ text: String) -> Bool {
    let parser = XMLParser(data: Data(text.utf8))
    return parser.parse() && parser.parserError == nil
}

@Suite("SVG")
struct SVGTests {
    @Test("escape: markup characters as entities, TAB LF CR as references, other controls dropped", arguments: [
        ("plain", "plain"),
        ("a<b & \"c\"", "a&lt;b &amp; &quot;c&quot;"),
        ("it's", "it&apos;s"),
        ("</text><script>alert(1)</script>", "&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("tab\there\nline\rcr", "tab&#9;here&#10;line&#13;cr"),
        ("bell\u{7}nul\u{0}esc\u{1B}", "bellnulesc"),
        ("\u{FFFE}x\u{FFFF}", "x"),
        ("ünï €", "ünï €"),
    ])
    func escape(_ text: String, _ expected: String) {
        #expect(SVG.escape(text) == expected)
    }

    @Test("numbers: two decimals at most, no trailing zeros, never -0", arguments: [
        (12.345, "12.35"), (12.0, "12"), (0.5, "0.5"), (-0.001, "0"), (-3.14159, "-3.14"), (100.1, "100.1"),
        (0.05, "0.05"), (Double.nan, "0"),
    ])
    func numbers(_ value: Double, _ expected: String) {
        #expect(SVG.number(value) == expected)
    }

    @Test("an element's attributes and text are escaped; hostile names cannot add markup")
    func elementEscaping() {
        var svg = SVGDocument(width: 100, height: 50, title: "t<\"")
        svg.text("\"/><script>x</script>", x: 1, y: 2)
        svg.circle(cx: 1, cy: 1, r: 1, fill: "red\" onload=\"x", stroke: "#000", tooltip: "a & b")
        let text = svg.render()
        #expect(!text.contains("<script"))
        #expect(!text.contains("onload=\"x"))
        #expect(text.contains("<title>a &amp; b</title>"))
        #expect(isWellFormedXML(text))
    }

    /// 5 × 10⁻² is 0.05, 12 × 10³ is 12000, 25 × 10⁻¹ is 2.5.
    @Test("tick labels are exact decimals", arguments: [
        (5, -2, "0.05"), (12, 3, "12000"), (25, -1, "2.5"), (1, 0, "1"), (2, -3, "0.002"), (5, -12, "5e-12"), (-5, -1, "-0.5"),
        (0, 4, "0"), (10, -1, "1"),
    ])
    func decimal(_ digits: Int, _ exponent: Int, _ expected: String) {
        #expect(PlotAxis.decimal(digits, exponent) == expected)
    }

    @Test("a log axis over 0.076 and 5.14 has decades 0.1 and 1 and 2-5 ticks between")
    func logarithmicTicks() {
        // log10(0.076) = -1.12, log10(5.14) = 0.71; span 1.83, padded by 0.15 × 1.83 = 0.27 on
        // each side: [-1.39, 0.98], which holds 0.05, 0.1, 0.2, 0.5, 1, 2, 5 (log10 5 = 0.70).
        let axis = PlotAxis.logarithmic([0.076, 5.14])
        #expect(axis.ticks.map(\.label) == ["0.05", "0.1", "0.2", "0.5", "1", "2", "5"])
        #expect(axis.ticks.filter(\.major).map(\.label) == ["0.1", "1"])
    }

    @Test("a linear axis over 0.4507 and 0.4895 steps by 0.01")
    func linearTicks() {
        // Range 0.0388 padded by 0.00388 each side: [0.44682, 0.49338]; a fifth of it is
        // 0.0093, so the step is 0.01: ticks 0.45 … 0.49.
        let axis = PlotAxis.linear([0.4507, 0.4895])
        #expect(axis.ticks.map(\.label) == ["0.45", "0.46", "0.47", "0.48", "0.49"])
        let flat = PlotAxis.linear([2, 2])
        #expect(flat.low < 2 && flat.high > 2)
    }

    @Test("nice steps", arguments: [(0.0093, 1, -2), (0.3, 5, -1), (7.0, 1, 1), (1.0, 1, 0), (1.5, 2, 0)])
    func niceSteps(_ raw: Double, _ mantissa: Int, _ exponent: Int) {
        let step = PlotAxis.niceStep(raw)
        #expect(step.0 == mantissa && step.1 == exponent)
    }
}

@Suite("Scatter plot")
struct ScatterPlotTests {
    static func plot() -> ScatterPlot {
        var plot = ScatterPlot(title: "CACM & <co>", xLabel: "USD per million queries, log scale", yLabel: "nDCG@10")
        plot.subtitle = "Latency percentiles: linear"
        plot.points = [
            .init(label: "bm25", x: 0.076, y: 0.4895, emphasized: true),
            .init(label: "dense <MiniLM>", x: 5.14, y: 0.4507),
            .init(label: "free", x: 0, y: 0.3),
        ]
        plot.line = [0]
        return plot
    }

    @Test("self-contained, well-formed, labels escaped, the frontier drawn")
    func document() {
        let svg = Self.plot().svg()
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(isWellFormedXML(svg))
        #expect(svg.contains(">dense &lt;MiniLM&gt;</text>"))
        #expect(svg.contains("<title>CACM &amp; &lt;co&gt;</title>"))
        #expect(!svg.contains("href"), "no external resources")
        #expect(svg.contains("<polyline"), "a one-point frontier still runs on to the right edge")
        // Two placed points; the third (x = 0) cannot go on a log axis and is named instead.
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2 + 2)   // 2 points + 2 legend dots
        #expect(svg.contains("Not drawn (no value to place): free"))
    }

    @Test("the same plot gives the same bytes")
    func deterministic() {
        #expect(Self.plot().svg() == Self.plot().svg())
    }

    @Test("no drawable point: a message, still a valid document")
    func empty() {
        var plot = ScatterPlot(title: "t", xLabel: "x", yLabel: "y")
        plot.points = [.init(label: "a", x: -1, y: 1)]
        let svg = plot.svg()
        #expect(svg.contains("No point to draw"))
        #expect(isWellFormedXML(svg))
    }

    @Test("long subtitles and notes wrap at spaces")
    func wrapping() {
        let lines = ScatterPlot.wrap("one two three four five six", width: 72, size: 12)   // 10 characters a line
        #expect(lines == ["one two", "three four", "five six"])
        #expect(ScatterPlot.wrap("", width: 100, size: 12) == [""])
    }
}
