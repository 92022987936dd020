import Foundation
import RevalExperiment
import RevalReport
import Testing

@Suite("reval gate reports: JUnit XML against junit-10.xsd, Markdown, annotations, JSON, hostile names")
struct GateRenderTests {
    static let schema = Fixtures.path("junit/junit-10.xsd")

    /// Two checks, one passing (near miss of min) and one failing, over DL19.
    static func mixedReport(names: (bm25: String, rm3: String, splade: String) = ("BM25", "BM25+RM3", "SPLADE++"),
                            dataset: String = "dl19-passage") throws -> GateReport {
        try GateFixture.report(GateFixture.yaml(gate: """
            candidate: \(quotedYAML(names.bm25))
            baseline: \(quotedYAML(names.splade))
            checks:
              - {measure: ndcg_cut.10, min: 0.48}
              - {measure: ndcg_cut.10, max_drop: 0.01, not_significantly_worse: true}
            """, names: names, dataset: dataset))
    }

    static func quotedYAML(_ s: String) -> String {
        "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n")
            .replacing("\t", with: "\\t").replacing("\u{1}", with: "\\x01") + "\""
    }

    /// A system name that tries every format's special characters: XML, Markdown, workflow
    /// commands (`::`, `,`, `%`, a line break starting a forged command), and a C0 control.
    static let hostile = "B<&>\"'|%25,:x\n::error::forged\t\u{1}end"
    static let hostileDataset = "d<&>\"'\t:%,\u{1}"

    func validate(_ xml: String) throws {
        #expect(JUnitStructure.problems(xml) == [])
        guard GateFixture.hasXmllint else { return }   // the schema itself, where xmllint is installed
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reval-junit-\(UUID().uuidString).xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try #require(GateFixture.run("xmllint", ["--noout", "--schema", Self.schema, file.path]))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("JUnit: testsuites > a testsuite per dataset > a testcase per verdict; failure with the numbers; valid")
    func junit() throws {
        let report = try Self.mixedReport()
        let xml = JUnitRenderer.render(report)
        try validate(xml)
        let root = try #require(XMLTreeBuilder.parse(xml))
        let suites = root.children.filter { $0.name == "testsuite" }
        #expect(suites.map { $0.attributes["name"] } == ["dl19-passage"])
        #expect(root.attributes["tests"] == "2" && root.attributes["failures"] == "1")
        let cases = suites[0].children.filter { $0.name == "testcase" }
        #expect(cases.map { $0.attributes["name"] } == ["check 1: ndcg_cut.10 min", "check 2: ndcg_cut.10 max_drop, not_significantly_worse"])
        #expect(cases.allSatisfy { $0.attributes["classname"] == "gate.dl19-passage" })
        #expect(cases[0].children.map(\.name) == ["system-out"])
        let failure = try #require(cases[1].children.first { $0.name == "failure" })
        // 0.5058 < 0.7308 - 0.01 = 0.7208, and the t-test's p 2.3e-6 < 0.05.
        #expect(failure.attributes["message"]?.contains("max_drop: 0.5058 < SPLADE++ 0.7308 - 0.01 = 0.7208") == true)
        #expect(failure.attributes["message"]?.contains("significantly worse") == true)
        #expect(failure.text.contains("worst topics against SPLADE++"))
        #expect(failure.text.split(separator: "\n").count >= 3 + 1 + 10)
    }

    @Test("the checks can fail: a testsuite without 'tests', a stray element, a duplicate testcase")
    func invalidJUnitIsCaught() throws {
        let bad = [
            "<testsuites><testsuite name=\"d\" failures=\"0\" errors=\"0\"><testcase name=\"a\"/></testsuite></testsuites>",
            "<testsuites><testsuite name=\"d\" tests=\"1\" failures=\"0\" errors=\"0\"><testcase name=\"a\"><oops/></testcase></testsuite></testsuites>",
        ]
        for xml in bad {
            #expect(!JUnitStructure.problems(xml).isEmpty)
            guard GateFixture.hasXmllint else { continue }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("reval-junit-\(UUID().uuidString).xml")
            try xml.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            #expect(GateFixture.run("xmllint", ["--noout", "--schema", Self.schema, file.path])?.status != 0)
        }
        let twice = "<testsuites tests=\"2\" failures=\"0\"><testsuite name=\"d\" tests=\"2\" failures=\"0\" errors=\"0\"><testcase classname=\"c\" name=\"a\"/><testcase classname=\"c\" name=\"a\"/></testsuite></testsuites>"
        #expect(JUnitStructure.problems(twice).contains { $0.hasPrefix("classname+name twice") })
    }

    @Test("JUnit with hostile names: escaped, control characters dropped, still valid, names survive")
    func junitHostile() throws {
        let report = try Self.mixedReport(names: (Self.hostile, "RM3", "S,P:L%"), dataset: Self.hostileDataset)
        let xml = JUnitRenderer.render(report)
        try validate(xml)
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(xml.contains("&#10;") && xml.contains("&#9;") && xml.contains("&lt;&amp;&gt;&quot;&apos;"))
        let root = try #require(XMLTreeBuilder.parse(xml))
        let suite = try #require(root.children.first)
        // The parser gives back the names, less the dropped control character.
        #expect(suite.attributes["name"] == Self.hostileDataset.replacing("\u{1}", with: ""))
        let candidate = suite.children.first { $0.name == "properties" }?.children.first { $0.attributes["name"] == "candidate" }
        #expect(candidate?.attributes["value"] == Self.hostile.replacing("\u{1}", with: ""))
    }

    @Test("XMLEscape: the five entities, TAB LF CR as references in attributes, other C0 dropped")
    func xmlEscape() {
        #expect(XMLEscape.attribute("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        #expect(XMLEscape.attribute("\t\n\r") == "&#9;&#10;&#13;")
        #expect(XMLEscape.text("x\ty\nz\r") == "x\ty\nz&#13;")
        #expect(XMLEscape.text("a\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}b\u{FFFE}") == "ab")
        #expect(XMLEscape.text("]]>") == "]]&gt;")
        #expect(XMLEscape.attribute("é ✓") == "é ✓")
    }

    @Test("GitHub command escaping: % CR LF in messages, also : and , in properties")
    func githubEscape() {
        #expect(GitHubCommandEscape.message("50% a\r\nb:c,d") == "50%25 a%0D%0Ab:c,d")
        #expect(GitHubCommandEscape.property("50% a\r\nb:c,d") == "50%25 a%0D%0Ab%3Ac%2Cd")
        #expect(GitHubCommandEscape.property("%25") == "%2525")
    }

    @Test("annotations: ::error per failure at the check's line, ::warning per near miss, nothing forged")
    func annotations() throws {
        let report = try Self.mixedReport(names: (Self.hostile, "RM3", "S,P:L%"))
        let text = GitHubAnnotations.render(report)
        let lines = text.split(separator: "\n")
        // check 1: BM25's 0.5058 - 0.48 = 0.0258 < 10% of 0.48 = 0.048: a near miss.
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("::warning file="))
        #expect(lines[0].contains("title=reval gate check 1 near miss on dl19-passage::"))
        #expect(lines[1].hasPrefix("::error file="))
        // GateFixture.yaml: gate: is line 11, its checks: line 14, the second check's { line 16 column 7.
        #expect(lines[1].contains("/gate.yaml,line=16,col=7,title=reval gate check 2 failed on dl19-passage::"))
        // The hostile name's line break is %0A and its % is %25: no second command starts.
        #expect(lines[1].contains("::\(Self.hostile.replacing("%", with: "%25").replacing("\n", with: "%0A")) ndcg_cut.10: max_drop: "))
        #expect(lines[1].contains("%0Aworst topics against S,P:L%25: "))
        #expect(!text.contains("\n::error::forged"))
    }

    @Test("annotation properties: : and , escaped in the title, % everywhere")
    func annotationProperties() throws {
        let report = try Self.mixedReport(dataset: "a:b,c%")
        let text = GitHubAnnotations.render(report)
        let error = try #require(text.split(separator: "\n").first { $0.hasPrefix("::error") })
        #expect(error.contains(",title=reval gate check 2 failed on a%3Ab%2Cc%25::"))
    }

    @Test("Markdown: a table row per verdict, worst topics of failures, names escaped")
    func markdown() throws {
        let report = try Self.mixedReport(names: (Self.hostile, "RM3", "SPLADE"))
        let text = GateMarkdown.render(report)
        #expect(text.hasPrefix("## reval gate: FAILED\n"))
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| ✅") || $0.hasPrefix("| ❌") }
        #expect(rows.count == 2)
        #expect(rows[0].hasPrefix("| ✅ pass (near miss) | 1 |"))
        #expect(rows[1].hasPrefix("| ❌ **FAIL** | 2 |"))
        #expect(text.contains("### Check 2 on dl19-passage: the topics that lost most against SPLADE"))
        let topicRows = text.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.hasSuffix(" |") && $0.split(separator: "|").count == 4 }
        #expect(topicRows.count >= 10)
        #expect(!text.contains("<&>"))
        #expect(text.contains("B&lt;&amp;&gt;\"'\\|%25,:x<br>::error::forged end"))
    }

    @Test("JSON: every verdict and criterion, full precision, null where nothing exists")
    func json() throws {
        let report = try Self.mixedReport()
        let text = GateJSONRenderer.render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["passed"] as? Bool == false)
        #expect((object["counts"] as? [String: Any])?["failed"] as? Int == 1)
        let verdicts = try #require(object["verdicts"] as? [[String: Any]])
        #expect(verdicts.count == 2)
        let criteria = try #require(verdicts[1]["criteria"] as? [[String: Any]])
        #expect(criteria.map { $0["kind"] as? String } == ["max_drop", "not_significantly_worse"])
        #expect(abs((criteria[1]["actual"] as? Double ?? 0) - 2.3e-6) < 5e-8)
        #expect(criteria[0]["expected"] is NSNull)
        #expect((verdicts[1]["worst_topics"] as? [Any])?.count == 10)
        #expect((verdicts[0]["worst_topics"] as? [Any])?.count == 0)
    }

    @Test("terminal: one line per verdict, worst topics under a failure, hostile names cannot forge lines")
    func terminal() throws {
        let report = try Self.mixedReport(names: (Self.hostile, "RM3", "SPLADE"))
        let text = GateTerminal.render(report)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1 + 2 + 1 + 1)   // header, two verdicts, worst topics, closing
        #expect(lines[1].hasPrefix("PASS check 1 ndcg_cut.10 on dl19-passage: min: 0.5058 >= 0.48 (margin +0.0258) [near miss]"))
        #expect(lines[2].hasPrefix("FAIL check 2 ndcg_cut.10 on dl19-passage: max_drop: 0.5058 < SPLADE 0.7308 - 0.01 = 0.7208 (margin -0.2150)"))
        #expect(lines[3].hasPrefix("     worst topics against SPLADE: "))
        #expect(lines[3].split(separator: ",").count == 10)
        #expect(lines[4] == "gate FAILED: 1 of 2 verdicts fail (1 near miss)")
        #expect(lines[0].contains("\\n::error::forged\\t\\u{1}end"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
