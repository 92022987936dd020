/// The one escape function and the number format of every SVG reval writes.
public enum SVG {
    /// `text` safe inside an SVG (XML) attribute value or text node: `&`, `<`, `>`, `"` and
    /// `'` as entities, TAB, LF and CR as character references (so attribute values keep
    /// them), and the other C0 controls, which XML 1.0 forbids anywhere, dropped, as are
    /// U+FFFE and U+FFFF.
    ///
    /// ```swift
    /// SVG.escape("a<b & \"c\"")   // "a&lt;b &amp; &quot;c&quot;"
    /// ```
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with at most two decimals, no trailing zeros, never "-0": the same
    /// value gives the same bytes on every machine.
    ///
    /// ```swift
    /// SVG.number(12.345)   // "12.35"
    /// SVG.number(-0.001)   // "0"
    /// ```
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        if hundredths == 0 { return "0" }
        let negative = hundredths < 0
        let magnitude = Int64(Swift.min(abs(hundredths), 9e17))
        var text = String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return negative ? "-" + text : text
    }
}
