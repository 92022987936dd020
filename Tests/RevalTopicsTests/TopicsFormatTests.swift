import Testing
import RevalCore
import RevalFormats
import RevalTopics

/// TopicsFormat.detect and the explicit override in TopicsReader.
@Suite("Topic format detection")
struct TopicsFormatTests {
    static let heads: [(head: String, format: TopicsFormat)] = [
        ("<top>\n<num> Number: 301", .trec),
        ("\n\n  <TOP>", .trec),
        ("<top >", .trec),
        ("<DOC>\n<DOCNO> 1 </DOCNO>", .trec),
        ("\u{FEFF}<top>", .trec),
        ("<?xml version=\"1.0\"?>", .xml),
        ("<topics task=\"x\">", .xml),
        ("<webtrack2013>", .xml),
        ("<!-- comment -->\n<top>", .xml),
        ("<topx>", .xml),
        ("<document>", .xml),
        ("<to", .xml),
        ("{\"_id\": \"1\"}", .jsonl),
        ("\r\n{", .jsonl),
        ("301-AH\tLes Produits", .tsv),
        ("1 query", .tsv),
        ("", .tsv),
    ]

    @Test("the first non-blank bytes decide", arguments: heads)
    func detect(head: String, format: TopicsFormat) {
        #expect(TopicsFormat.detect(Array(head.utf8)) == format)
    }

    @Test("a UTF-8 byte order mark is no part of the first topic", arguments: [
        ("<top><num>1</num><title>t</title></top>", "title"),
        ("<topics><topic number=\"1\"><title>t</title></topic></topics>", "title"),
        ("1\tt", "text"),
        ("{\"_id\": \"1\", \"text\": \"t\"}", "text"),
    ])
    func byteOrderMark(text: String, field: String) throws {
        let topics = try readTopics([0xef, 0xbb, 0xbf] + Array(text.utf8))
        #expect(Array(topics) == [Topic(id: "1", fields: [TopicField(field, "t")])])
    }

    @Test("the raw values name the formats for a command-line override")
    func names() {
        #expect(TopicsFormat.allCases.map(\.rawValue) == ["trec", "xml", "tsv", "jsonl"])
        #expect(TopicsFormat(rawValue: "jsonl") == .jsonl)
    }

    @Test("an explicit format overrides detection")
    func override() throws {
        // Detected as SGML (an unclosed <top>), but it is a TSV line whose id is "<top>".
        let text = "<top>\ta query about SGML tags\n"
        #expect(try topicsError(text)?.message.contains("<top> is not closed") == true)
        #expect(Array(try readTopics(text, format: .tsv)) == [Topic(id: "<top>", fields: ["text": "a query about SGML tags"])])

        // A real SGML file forced through the TSV reader fails on its first line.
        let error: InputError? = {
            do { _ = try TopicsReader.read(path: Fixtures.topics("topics.robust04.txt"), format: .tsv); return nil }
            catch let error as InputError { return error }
            catch { return nil }
        }()
        #expect(error?.line == 1)
        #expect(error?.message.contains("no TAB") == true)
        // And a real JSONL file forced through the XML reader is not XML.
        #expect(throws: InputError.self) {
            try TopicsReader.read(path: Fixtures.topics("beir-scifact.queries.jsonl"), format: .xml)
        }
    }
}
