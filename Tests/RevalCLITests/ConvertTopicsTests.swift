import Foundation
import RevalCLI
import RevalCore
import RevalTestSupport
import RevalTopics
import Testing

/// `reval convert` on topic files: the bundled ones in Qrels/ and small ones written here.
/// Expected ids and texts are copied from the input files (the first and last lines of each
/// are quoted in the cases).
@Suite("convert: topics")
struct ConvertTopicsTests {
    struct Bundled: Sendable, CustomTestStringConvertible {
        var path: String
        var count: Int
        var first: (id: String, text: String)
        var last: (id: String, text: String)
        var testDescription: String { URL(fileURLWithPath: path).lastPathComponent }
    }

    static let bundled: [Bundled] = [
        // <DOC><DOCNO> 1 </DOCNO> ... "What articles exist which deal with TSS ..."
        Bundled(path: Paths.qrels.appendingPathComponent("cacm/topics.cacm.txt").path, count: 64,
                first: ("1", "What articles exist which deal with TSS (Time Sharing System), an operating system for IBM computers?"),
                last: ("64", "List all articles on EL1 and ECL (EL1 may be given as EL/1; I don't remember how they did it.")),
        // First line "156493<TAB>do goldfish grow", 43 lines.
        Bundled(path: Paths.qrels.appendingPathComponent("dl19-passage/topics.dl19-passage.txt").path, count: 43,
                first: ("156493", "do goldfish grow"),
                last: ("146187", "difference between a mcdouble and a double cheeseburger")),
        // 50 lines, {"_id": "1", "text": "what is the origin of COVID-19"} first.
        Bundled(path: Paths.qrels.appendingPathComponent("beir/trec-covid/queries.jsonl").path, count: 50,
                first: ("1", "what is the origin of COVID-19"),
                last: ("50", "what is known about an mRNA vaccine for the SARS-CoV-2 virus?")),
    ]

    static let cases: [(Bundled, TopicsOutputFormat)] = bundled.flatMap { file in TopicsOutputFormat.allCases.map { (file, $0) } }

    /// The main text as the writers choose it (text, title, query, else the first field).
    static func mainText(_ topic: Topic?) -> String? {
        guard let topic else { return nil }
        return topic[field: "text"] ?? topic[field: "title"] ?? topic[field: "query"] ?? topic.fields.first?.text
    }

    @Test("a bundled topic file converts to each format, detected as topics without --kind", arguments: cases)
    func bundledFiles(file: Bundled, format: TopicsOutputFormat) throws {
        try TemporaryFolder.with { folder in
            let target = folder.appendingPathComponent("out.\(format)").path
            let out = RevalMain.convertOutput(["--to", format.rawValue, file.path, target])
            #expect(out.exitCode == 0, "\(out.stderr)")
            #expect(out.stdout.isEmpty)
            #expect(!out.stderr.contains("error"))
            let back = try TopicsReader.read(path: target)
            #expect(back.count == file.count)
            #expect(back.first?.id == file.first.id)
            #expect(back.last?.id == file.last.id)
            #expect(Self.mainText(back.first) == file.first.text)
            #expect(Self.mainText(back.last) == file.last.text)
        }
    }

    @Test("XML to TSV, TREC and JSONL on stdout: the bytes written out by hand")
    func xmlToEachFormat() throws {
        try TemporaryFolder.with { folder in
            let xml = try TemporaryFolder.write("""
                <topics>
                  <topic number="1" type="single">
                    <query>coronavirus  origin</query>
                    <question>what is the "origin"\tof COVID-19?</question>
                  </topic>
                </topics>

                """, "topics.xml", in: folder)
            let tsv = RevalMain.convertOutput(["--to", "tsv", xml, "-"])
            #expect(tsv.stdout == "1\tcoronavirus origin\n")
            #expect(tsv.stderr == "reval: warning: TSV holds one text per topic (--field chooses which); fields not written: @type, question\n")
            let question = RevalMain.convertOutput(["--kind", "topics", "--to", "tsv", "--field", "question", xml, "-"])
            #expect(question.stdout == "1\twhat is the \"origin\" of COVID-19?\n")
            let jsonl = RevalMain.convertOutput(["--to", "jsonl", xml, "-"])
            #expect(jsonl.stdout == "{\"_id\": \"1\", \"text\": \"coronavirus origin\", \"metadata\": {\"@type\": \"single\", \"question\": \"what is the \\\"origin\\\" of COVID-19?\"}}\n")
            #expect(jsonl.stderr.isEmpty)
            let trec = RevalMain.convertOutput(["--kind", "topics", "--from", "xml", "--to", "trec", xml, "-"])
            #expect(trec.stdout == "<top>\n<num> Number: 1\n<title> coronavirus origin\n<question> what is the \"origin\" of COVID-19?\n</top>\n\n")
            #expect(trec.stderr == "reval: warning: fields that cannot be TREC SGML tags (docs/formats.md) are not written: @type\n")
        }
    }

    @Test("bad values: exit 2 for usage and for input that cannot be read or written; no file left behind")
    func failures() throws {
        try TemporaryFolder.with { folder in
            let cacm = Self.bundled[0].path
            let target = folder.appendingPathComponent("out").path
            let cases: [([String], Int32, String)] = [
                (["--kind", "topics", "--to", "xml", cacm, target], 2, "reval: unknown topics format 'xml' for --to (trec, tsv, jsonl)\n"),
                (["--kind", "topics", "--from", "csv", "--to", "tsv", cacm, target], 2, "reval: unknown topics format 'csv' for --from (trec, xml, tsv, jsonl)\n"),
                (["--kind", "run", "--field", "title", "--to", "trec", cacm, target], 2, "reval: --field applies to topics (--kind topics) only\n"),
                (["--to", "tsv", "--field", "title", cacm, target], 2, "reval: \(cacm): topic '1': no field 'title' for the text (it has 'text')\n"),
            ]
            for (arguments, code, stderr) in cases {
                let out = RevalMain.convertOutput(arguments)
                #expect(out.exitCode == code, "\(arguments)")
                #expect(out.stderr == stderr)
            }
            let spaced = try TemporaryFolder.write("{\"_id\": \"a b\", \"text\": \"x\"}\n", "spaced.jsonl", in: folder)
            let out = RevalMain.convertOutput(["--to", "tsv", spaced, target])
            #expect(out.exitCode == 2)
            #expect(out.stderr == "reval: \(spaced): topic 'a b': the id holds whitespace; TSV topic ids are one token\n")
            let broken = try TemporaryFolder.write("<topics>\n<topic number=\"1\"><query>a</query>\n", "broken.xml", in: folder)
            let unclosed = RevalMain.convertOutput(["--to", "jsonl", broken, target])
            #expect(unclosed.exitCode == 2)
            #expect(unclosed.stderr.hasPrefix("reval: \(broken):2: malformed XML"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["broken.xml", "spaced.jsonl"])
        }
    }

    @Test("a run or qrels is not taken for topics; an unreadable first line suggests --kind topics")
    func detection() throws {
        try TemporaryFolder.with { folder in
            let run = try TemporaryFolder.write("1 Q0 d1 1 0.5 tag\n", "run.trec", in: folder)
            #expect(RevalMain.convertOutput(["--to", "msmarco", run, "-"]).stdout == "1\td1\t1\n")
            let qrels = try TemporaryFolder.write("q1\t0\td1\t1\n", "qrels.txt", in: folder)
            #expect(RevalMain.convertOutput(["--kind", "qrels", "--to", "trec", qrels, "-"]).stdout == "q1 0 d1 1\n")
            // Two TABs: read as an MS MARCO run, whose third field must be a rank.
            let twoTabs = try TemporaryFolder.write("1\tfind\tthis\n", "topics.tsv", in: folder)
            let out = RevalMain.convertOutput(["--to", "trec", twoTabs, "-"])
            #expect(out.exitCode == 2)
            #expect(out.stderr.hasSuffix("(if the file holds topics, pass --kind topics)\n"), "\(out.stderr)")
            #expect(RevalMain.convertOutput(["--kind", "topics", "--to", "trec", twoTabs, "-"]).stdout
                    == "<top>\n<num> Number: 1\n<title> find this\n</top>\n\n")
        }
    }

    @Test("a pipe (as `<(zcat run.gz)` gives) is read once, not sniffed first: a run converts as from its file")
    func pipe() throws {
        let run = Paths.qrels.appendingPathComponent("dl19-passage/runs/BM25.trec_results_dl19_top100.txt").path
        let fromFile = RevalMain.convertOutput(["--to", "beir", run, "-"])
        #expect(fromFile.exitCode == 0)
        let piped = try PipedFile(run)
        defer { piped.close() }
        let fromPipe = RevalMain.convertOutput(["--to", "beir", piped.path, "-"])
        #expect(fromPipe.exitCode == 0, "\(fromPipe.stderr)")
        let same = fromPipe.stdout == fromFile.stdout
        #expect(same, "\(fromPipe.stdout.count) characters, expected \(fromFile.stdout.count)")
        // Qrels through a pipe are read as a run (nothing sniffed them): the error says what to pass.
        try TemporaryFolder.with { folder in
            let qrels = try PipedFile(try TemporaryFolder.write("q1 0 d1 1\n", "qrels.txt", in: folder))
            defer { qrels.close() }
            let out = RevalMain.convertOutput(["--to", "beir", qrels.path, "-"])
            #expect(out.exitCode == 2)
            #expect(out.stderr.hasSuffix("(standard input or a pipe is read once, as a run: pass --kind qrels or --kind topics if it holds those)\n"),
                    "\(out.stderr)")
        }
    }
}
