/// One CSV field as RFC 4180 writes it: quoted with `"` when it holds a comma, a quote, a
/// CR or an LF, or starts or ends with a space; a quote inside is doubled. Other fields are
/// written as they are.
///
/// ```swift
/// CSVEscape.escape("BM25")          // BM25
/// CSVEscape.escape("a \"b\", c")    // "a ""b"", c"
/// ```
public enum CSVEscape {
    public static func escape(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
