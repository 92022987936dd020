/// An SVG drawing built element by element. Every attribute value and every text passes
/// through `SVG.escape`, so names from user files cannot break out of the markup.
///
/// ```swift
/// var svg = SVGDocument(width: 200, height: 100)
/// svg.rect(x: 0, y: 0, width: 200, height: 100, fill: "white")
/// svg.text("BM25 <fast>", x: 10, y: 50)
/// let text = svg.render()
/// ```
public struct SVGDocument: Sendable {
    public let width: Double
    public let height: Double
    /// The document's `<title>`: what screen readers and browser tabs show.
    public var title: String?
    private var body: [String] = []

    public init(width: Double, height: Double, title: String? = nil) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// One element; `attributes` in the order given, values escaped; `content` is text
    /// (escaped) inside it, `children` are already-built markup (from `element` calls).
    public static func element(_ name: String, _ attributes: [(String, String)], content: String? = nil,
                               children: [String] = []) -> String {
        var out = "<" + name
        for (key, value) in attributes { out += " \(key)=\"\(SVG.escape(value))\"" }
        if content == nil && children.isEmpty { return out + "/>" }
        out += ">"
        if let content { out += SVG.escape(content) }
        out += children.joined()
        return out + "</\(name)>"
    }

    /// Adds already-built markup (from `SVGDocument.element`).
    public mutating func append(_ markup: String) {
        body.append(markup)
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                              stroke: String? = nil) {
        var attributes = [("x", SVG.number(x)), ("y", SVG.number(y)), ("width", SVG.number(width)),
                          ("height", SVG.number(height)), ("fill", fill)]
        if let stroke { attributes.append(("stroke", stroke)) }
        body.append(Self.element("rect", attributes))
    }

    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                              width: Double = 1, dash: String? = nil) {
        var attributes = [("x1", SVG.number(x1)), ("y1", SVG.number(y1)), ("x2", SVG.number(x2)),
                          ("y2", SVG.number(y2)), ("stroke", stroke), ("stroke-width", SVG.number(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        body.append(Self.element("line", attributes))
    }

    public mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 1,
                                  dash: String? = nil) {
        let list = points.map { "\(SVG.number($0.x)),\(SVG.number($0.y))" }.joined(separator: " ")
        var attributes = [("points", list), ("fill", "none"), ("stroke", stroke),
                          ("stroke-width", SVG.number(width)), ("stroke-linejoin", "round")]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        body.append(Self.element("polyline", attributes))
    }

    /// A circle with an optional tooltip (`<title>` child).
    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String,
                                strokeWidth: Double = 1.5, tooltip: String? = nil) {
        let attributes = [("cx", SVG.number(cx)), ("cy", SVG.number(cy)), ("r", SVG.number(r)),
                          ("fill", fill), ("stroke", stroke), ("stroke-width", SVG.number(strokeWidth))]
        let children = tooltip.map { [Self.element("title", [], content: $0)] } ?? []
        body.append(Self.element("circle", attributes, children: children))
    }

    public enum Anchor: String, Sendable {
        case start, middle, end
    }

    /// Text with its baseline at `y`; `rotation` in degrees about (x, y).
    public mutating func text(_ text: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12,
                              fill: String = "#222", bold: Bool = false, rotation: Double? = nil) {
        var attributes = [("x", SVG.number(x)), ("y", SVG.number(y)), ("font-size", SVG.number(size)),
                          ("fill", fill)]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if bold { attributes.append(("font-weight", "bold")) }
        if let rotation {
            attributes.append(("transform", "rotate(\(SVG.number(rotation)) \(SVG.number(x)) \(SVG.number(y)))"))
        }
        body.append(Self.element("text", attributes, content: text))
    }

    /// The complete, self-contained document (no external fonts, styles or scripts).
    public func render() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\" "
        out += "viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
        if let title { out += Self.element("title", [], content: title) + "\n" }
        for element in body { out += element + "\n" }
        return out + "</svg>\n"
    }
}
