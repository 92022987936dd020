import Foundation
import Testing
import RevalCore
import RevalTopics

/// The three topic writers on small inputs, against output written out by hand.
@Suite("Topic writers")
struct TopicsWriterTests {
    static func topics(_ list: [Topic]) -> Topics {
        var topics = Topics()
        for topic in list { _ = topics.append(topic) }
        return topics
    }

    static func text(_ written: WrittenTopics) -> String {
        String(decoding: written.bytes, as: UTF8.self)
    }

    @Test("TSV: id<TAB>text; TAB, LF and CR in the text become spaces; other spaces stay")
    func tsv() throws {
        let written = try TSVTopicsWriter.write(Self.topics([
            Topic(id: "1", fields: ["title": "a\tb\nc\r\nd", "desc": "not written"]),
            Topic(id: "q2", fields: ["text": " lead  space "]),
            Topic(id: "3"),
        ]))
        #expect(Self.text(written) == "1\ta b c  d\nq2\t lead  space \n3\t\n")
        #expect(written.unwrittenFields == ["desc"])
    }

    @Test("the main text: the field asked for, else text, title, query, else the first field")
    func mainText() throws {
        let topic = Topic(id: "7", fields: ["@type": "single", "question": "why?", "query": "q", "title": "t"])
        let cases: [(String?, String)] = [(nil, "t"), ("question", "why?"), ("@type", "single")]
        for (field, expected) in cases {
            #expect(Self.text(try TSVTopicsWriter.write(Self.topics([topic]), textField: field)) == "7\t\(expected)\n")
        }
        let noTitle = Topic(id: "8", fields: ["@type": "single", "query": "q"])
        #expect(Self.text(try TSVTopicsWriter.write(Self.topics([noTitle]))) == "8\tq\n")
        let neither = Topic(id: "9", fields: ["question": "why?", "narrative": "n"])
        #expect(Self.text(try TSVTopicsWriter.write(Self.topics([neither]))) == "9\twhy?\n")
        let error = #expect(throws: TopicsWriteError.self) {
            try TSVTopicsWriter.write(Self.topics([noTitle]), textField: "question")
        }
        #expect(error?.description == "topic '8': no field 'question' for the text (it has '@type', 'query')")
    }

    @Test("TSV and TREC refuse ids with whitespace (their ids are one token)", arguments: [TopicsOutputFormat.tsv, .trec])
    func idWithSpace(_ format: TopicsOutputFormat) {
        let error = #expect(throws: TopicsWriteError.self) {
            try TopicsWriter.write(Self.topics([Topic(id: "a b", fields: ["text": "x"])]), as: format)
        }
        #expect(error?.topic == "a b")
        #expect(error?.message.contains("one token") == true)
    }

    @Test("JSONL: _id, text, the rest in metadata, JSON escapes; a second parser reads it back")
    func jsonl() throws {
        let written = try JSONLTopicsWriter.write(Self.topics([
            Topic(id: "1", fields: ["text": "say \"hi\"\\ \n\t\u{1}\u{7f} é", "metadata.query": "q", "narrative": "n"]),
            Topic(id: "x/2", fields: ["title": "t1", "desc": "d", "title": "t2", "title": "t3"]),
        ]))
        #expect(Self.text(written) == """
            {"_id": "1", "text": "say \\"hi\\"\\\\ \\n\\t\\u0001\u{7f} é", "metadata": {"query": "q", "narrative": "n"}}
            {"_id": "x/2", "text": "t1", "metadata": {"desc": "d", "title": "t2", "title#2": "t3"}}

            """)
        #expect(written.unwrittenFields.isEmpty)
        // Foundation's JSON parser, independent of reval's writer, reads each line.
        let lines = Self.text(written).split(separator: "\n").map { String($0) }
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["_id"] as? String == "1")
        #expect(first?["text"] as? String == "say \"hi\"\\ \n\t\u{1}\u{7f} é")
        #expect((first?["metadata"] as? [String: String]) == ["query": "q", "narrative": "n"])
    }

    @Test("TREC: Robust04 layout, prefixes for desc and narr, whitespace collapsed, untaggable names left out")
    func trec() throws {
        let written = try TrecTopicsWriter.write(Self.topics([
            Topic(id: "301", fields: ["@type": "x", "title": "Intl  Crime", "desc": "Identify\n orgs", "narr": "", "Dom": "Law", "metadata.q": "m"]),
            Topic(id: "302", fields: ["text": "Topic: a < b, R&D"]),
        ]))
        #expect(Self.text(written) == """
            <top>
            <num> Number: 301
            <title> Intl Crime
            <desc> Description:
            Identify orgs
            <narr> Narrative:

            <dom> Law
            <q> m
            </top>

            <top>
            <num> Number: 302
            <title> Topic: Topic: a < b, R&D
            </top>


            """)
        #expect(written.unwrittenFields == ["@type"])
        let back = try TopicsReader.parse(bytes: written.bytes, name: "w", format: .trec)
        #expect(Array(back) == [
            Topic(id: "301", fields: ["title": "Intl Crime", "desc": "Identify orgs", "narr": "", "dom": "Law", "q": "m"]),
            Topic(id: "302", fields: ["title": "Topic: a < b, R&D"]),
        ])
    }

    @Test("TREC refuses an id or text that would read back as a tag", arguments: [
        ("<b>bold</b>", "the text of 'text' holds <b>"),
        ("end </top> here", "the text of 'text' holds </top>"),
    ])
    func trecTag(text: String, message: String) {
        let error = #expect(throws: TopicsWriteError.self) {
            try TrecTopicsWriter.write(Self.topics([Topic(id: "1", fields: ["text": text])]))
        }
        #expect(error?.message.hasPrefix(message) == true, "\(error?.description ?? "")")
    }

    @Test("names the TREC reader keeps for itself, and a second text, are not written as fields")
    func trecReserved() throws {
        let written = try TrecTopicsWriter.write(Self.topics([Topic(id: "1", fields: ["text": "a", "num": "2", "DOCNO": "3", "top": "4", "Text": "5"])]))
        #expect(written.unwrittenFields == ["num", "DOCNO", "top", "Text"])
        #expect(Array(try TopicsReader.parse(bytes: written.bytes, name: "w")) == [Topic(id: "1", fields: ["title": "a"])])
    }
}

/// A byte order mark (U+FEFF) inside a file is refused by reval's readers, so no writer
/// puts one in a file.
@Suite("Topic writers: byte order marks")
struct TopicsWriterByteOrderMarkTests {
    static let topics: Topics = {
        var topics = Topics()
        _ = topics.append(Topic(id: "1", fields: ["text": "a\u{FEFF}b"]))
        return topics
    }()

    @Test("JSONL escapes it as \\ufeff, which JSON readers decode")
    func jsonl() throws {
        let written = try JSONLTopicsWriter.write(Self.topics)
        #expect(String(decoding: written.bytes, as: UTF8.self) == "{\"_id\": \"1\", \"text\": \"a\\ufeffb\", \"metadata\": {}}\n")
        let object = try JSONSerialization.jsonObject(with: Data(written.bytes)) as? [String: Any]
        #expect(object?["text"] as? String == "a\u{FEFF}b")
    }

    @Test("TSV and TREC SGML, which cannot escape it, refuse it", arguments: [TopicsOutputFormat.tsv, .trec])
    func refused(_ format: TopicsOutputFormat) {
        let error = #expect(throws: TopicsWriteError.self) { try TopicsWriter.write(Self.topics, as: format) }
        #expect(error?.message.contains("byte order mark (U+FEFF)") == true, "\(error?.description ?? "")")
    }
}
