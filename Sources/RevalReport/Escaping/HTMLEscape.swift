/// Text or an attribute value in HTML: `&`, `<`, `>`, `"` and `'` as entities; LF, CR and
/// TAB kept (in text they show as spaces; in quoted attributes they are harmless); the
/// other C0 controls and DEL dropped (HTML forbids them). The same function serves text
/// and attributes, since every attribute reval writes is quoted with `"`.
///
/// ```swift
/// HTMLEscape.escape("<b>\"BM25\" & co</b>")   // "&lt;b&gt;&quot;BM25&quot; &amp; co&lt;/b&gt;"
/// ```
public enum HTMLEscape {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\r", "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
