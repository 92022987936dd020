import Foundation
import RevalExperiment
import RevalReport
import Testing
import RevalFormats

@Suite("Every input text escaped in every format")
struct EscapingTests {
    static let hostile = ["a|b", "<script>", "&amp;", "\"q\"", "line\nbreak", "x|y <b>&\"q\"\nz"]

    @Test("Markdown: | and \\ escaped, < > & as entities, line breaks as <br>", arguments: [
        ("a|b", "a\\|b"), ("<script>", "&lt;script&gt;"), ("&amp;", "&amp;amp;"), ("\"q\"", "\"q\""),
        ("line\nbreak", "line<br>break"), ("crlf\r\nend", "crlf<br>end"), ("back\\", "back\\\\"),
    ])
    func markdown(input: String, output: String) {
        #expect(MarkdownEscape.escape(input) == output)
    }

    @Test("CSV: RFC 4180 quoting", arguments: [
        ("BM25", "BM25"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("a|b <c> &", "a|b <c> &"), (" padded", "\" padded\""),
    ])
    func csv(input: String, output: String) {
        #expect(CSVEscape.escape(input) == output)
    }

    @Test("JSON: quotes, backslashes and controls escaped", arguments: [
        ("a\"b", "\"a\\\"b\""), ("a\\b", "\"a\\\\b\""), ("a\nb", "\"a\\nb\""), ("\u{01}", "\"\\u0001\""),
        ("<&|>", "\"<&|>\""),
        // RFC 8259's short forms for backspace and form feed; DEL and the two line
        // separators JavaScript reads as line ends, as \u escapes; other text as it is.
        ("\u{08}\u{0C}", "\"\\b\\f\""), ("\u{7F}", "\"\\u007f\""), ("\u{2028}\u{2029}", "\"\\u2028\\u2029\""),
        ("é\u{1F}", "\"é\\u001f\""),
    ])
    func json(input: String, output: String) {
        #expect(JSONEscape.quoted(input) == output)
    }

    @Test("LaTeX: the special characters as commands", arguments: [
        ("a_b", "a\\_b"), ("50%", "50\\%"), ("a&b", "a\\&b"), ("a|b", "a\\textbar{}b"), ("<x>", "\\textless{}x\\textgreater{}"),
        ("\"q\"", "\\textquotedbl{}q\\textquotedbl{}"), ("a\nb", "a b"), ("\\cmd{x}", "\\textbackslash{}cmd\\{x\\}"),
        ("$^#~", "\\$\\textasciicircum{}\\#\\textasciitilde{}"),
    ])
    func latex(input: String, output: String) {
        #expect(LaTeXEscape.escape(input) == output)
    }

    @Test("HTML: & < > \" ' as entities, controls dropped", arguments: [
        ("<b>", "&lt;b&gt;"), ("a&b", "a&amp;b"), ("\"q\"", "&quot;q&quot;"), ("it's", "it&#39;s"), ("a\u{01}b", "ab"),
        ("a|b\nc", "a|b\nc"),
    ])
    func html(input: String, output: String) {
        #expect(HTMLEscape.escape(input) == output)
    }

    @Test("Markdown report: the hostile name is escaped and every table line keeps its cells")
    func markdownReport() throws {
        let board = try Fixtures.tinyBoard()
        let text = MarkdownRenderer.render(board)
        #expect(text.contains("x\\|y &lt;b&gt;&amp;\"q\"<br>z"))
        #expect(!text.contains("<b>"))
        #expect(text.contains("# Tiny &lt;board&gt; &amp; \"friends\""))
        let table = MarkdownRenderer.table(board).split(separator: "\n")
        func cells(_ line: Substring) -> Int {
            var count = 0, escaped = false
            for c in line {
                if escaped { escaped = false; continue }
                if c == "\\" { escaped = true } else if c == "|" { count += 1 }
            }
            return count
        }
        #expect(table.count == 2 + board.rows.count)
        #expect(Set(table.map(cells)).count == 1)
    }

    @Test("CSV report: parses back into one record per system with the name intact")
    func csvReport() throws {
        let board = try Fixtures.tinyBoard()
        let records = parseCSV(CSVRenderer.render(board))
        #expect(records.count == 1 + board.rows.count)
        #expect(Set(records.map(\.count)).count == 1)
        #expect(records[0][0...2] == ["rank", "system", "baseline"])
        #expect(records.contains { $0[1] == Fixtures.hostileName })
        let note = try #require(records[0].firstIndex(of: "note"))
        #expect(records.contains { $0[note] == "a|b <i>&\"\n" })
        // Full precision: 0.375 and 0.6875 are exact.
        let average = try #require(records[0].firstIndex(of: "average P_1"))
        #expect(records.first { $0[1] == Fixtures.hostileName }?[average] == "0.375")
    }

    @Test("JSON report: parses, keeps the name, and has the keys the checks rely on")
    func jsonReport() throws {
        let board = try Fixtures.tinyBoard()
        let text = JSONRenderer.render(board)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let systems = try #require(root["systems"] as? [[String: Any]])
        #expect(systems.map { $0["name"] as? String } == board.rows.map(\.name))
        let hostile = try #require(systems.first { $0["name"] as? String == Fixtures.hostileName })
        #expect(hostile["rank"] as? Int == 3)
        let scores = try #require(hostile["scores"] as? [String: [String: Double]])
        #expect(scores["a"]?["recip_rank"] == 0.75)
        let average = try #require(hostile["average"] as? [String: Double])
        #expect(average["P_1"] == 0.375)
        let significance = try #require(hostile["significance"] as? [String: [String: [String: Any]]])
        let cell = try #require(significance["a"]?["P_1"])
        #expect(Set(cell.keys).isSuperset(of: ["p", "adjusted_p", "significant"]))
        #expect(cell["significant"] as? Bool == false)
        #expect(hostile["splits"] is [String: Any])
        #expect(hostile["cost"] is [String: Any])
        let partial = try #require(systems.last)
        #expect((partial["average"] as? [String: Any])?["P_1"] is NSNull)
    }

    @Test("LaTeX report: the hostile name as commands, bold best values, arrows for marks")
    func latexReport() throws {
        let text = LaTeXRenderer.render(try Fixtures.tinyBoard())
        #expect(text.contains("x\\textbar{}y \\textless{}b\\textgreater{}\\&\\textquotedbl{}q\\textquotedbl{} z"))
        #expect(text.contains("\\textbf{1.0000}$^{\\uparrow}$"))
        #expect(text.contains("\\begin{tabular}") && text.contains("\\toprule") && text.contains("\\bottomrule"))
        let body = text.split(separator: "\n").filter { !$0.hasPrefix("%") }.joined(separator: "\n")
        #expect(!body.contains("<b>") && !body.contains("\"q\""))
    }

    @Test("HTML report: well-formed, self-contained, the hostile name escaped everywhere")
    func htmlReport() throws {
        let text = HTMLRenderer.render(try Fixtures.tinyBoard())
        #expect(XMLWellFormedness.problem(in: text) == nil, "\(XMLWellFormedness.problem(in: text) ?? "")")
        #expect(!text.contains("<b>&"))
        #expect(text.contains("x|y &lt;b&gt;&amp;&quot;q&quot;\nz"))
        #expect(text.contains("<title>Tiny &lt;board&gt; &amp; &quot;friends&quot;</title>"))
        for external in ["src=", "href=", "@import", "url("] { #expect(!text.contains(external), "\(external)") }
        #expect(text.contains("<svg"))
        #expect(text.contains("<script>"))
    }
}
