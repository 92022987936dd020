import Testing
import RevalCore
import RevalFormats
import RevalTopics

/// TrecTopicsReader: `<top>` and `<DOC>` blocks in TREC SGML.
@Suite("TREC SGML topics reader")
struct TrecTopicsReaderTests {
    /// Layouts that all hold topic 301 with a title, a description and a narrative.
    static let layouts: [(name: String, text: String)] = [
        ("no closing tags, prefixes", """
            <top>

            <num> Number: 301 
            <title> Organized   Crime 

            <desc> Description: 
            Which organizations
            are involved?

            <narr> Narrative: 
            Names\tmust be given.
            </top>
            """),
        ("closing tags", "<top><num>301</num><title>Organized Crime</title><desc>Which organizations are involved?</desc><narr>Names must be given.</narr></top>"),
        ("upper-case tags", "<TOP>\n<NUM> Number: 301\n<TITLE> Organized Crime\n<DESC> Description:\nWhich organizations are involved?\n<NARR> Narrative:\nNames must be given.\n</TOP>\n"),
        ("CRLF", "<top>\r\n<num> Number: 301\r\n<title> Organized Crime\r\n<desc> Description:\r\nWhich organizations are\r\ninvolved?\r\n<narr> Narrative:\r\nNames must be given.\r\n</top>\r\n"),
        ("no prefixes, text on the next lines", "<top>\n<num> Number: 301\n\n<title>\nOrganized Crime\n\n<desc>\nWhich organizations are involved?\n\n<narr>\nNames must be given.\n</top>"),
    ]

    @Test("layouts of one topic", arguments: layouts)
    func layout(name: String, text: String) throws {
        let topics = try readTopics(text)
        #expect(Array(topics) == [Topic(id: "301", fields: [
            "title": "Organized Crime",
            "desc": "Which organizations are involved?",
            "narr": "Names must be given.",
        ])])
    }

    @Test("other tags are fields named by the tag; 'Topic:' leaves titles; '<' that is no tag is text")
    func otherTags() throws {
        let topics = try readTopics("""
            <top>
            <num> Number: 51
            <dom> Domain: International Economics
            <title> Topic: Airbus Subsidies
            <smry> Summary: a < b and x<3 are text
            </top>
            """)
        #expect(topics[id: "51"] == Topic(id: "51", fields: [
            "dom": "Domain: International Economics",
            "title": "Airbus Subsidies",
            "smry": "Summary: a < b and x<3 are text",
        ]))
    }

    @Test("CACM documents: the text after </DOCNO> is the field 'text'")
    func documents() throws {
        let topics = try readTopics("<DOC>\n<DOCNO> 1 </DOCNO>\n\n What articles\nexist?\n\n</DOC>\n<DOC>\n<DOCNO> 2 </DOCNO>\nB\n</DOC>\n")
        #expect(Array(topics) == [
            Topic(id: "1", fields: ["text": "What articles exist?"]),
            Topic(id: "2", fields: ["text": "B"]),
        ])
    }

    @Test("an empty field is kept as empty text")
    func emptyField() throws {
        let topics = try readTopics("<top><num>1<title></top>")
        #expect(topics[id: "1"] == Topic(id: "1", fields: ["title": ""]))
    }

    static let bad: [BadInput] = [
        BadInput("no <num>", "<top>\n<title> x\n</top>\n", line: 1, "without <num>"),
        BadInput("no <DOCNO>", "\n<DOC>\ntext\n</DOC>\n", line: 2, "without <DOCNO>"),
        BadInput("unterminated <top>", "<top>\n<num> 1\n</top>\n<top>\n<num> 2\n<title> x\n", line: 4, "<top> is not closed"),
        BadInput("repeated id", "<top><num>1</top>\n\n<top><num> Number: 1 </top>\n", line: 3, "topic '1' appears twice (first at line 1)"),
        BadInput("text before <top>", "hello\n<top><num>1</top>", line: 1, "expected <top> or <DOC>, found text"),
        BadInput("text between topics", "<top><num>1</top>\nstray\n<top><num>2</top>", line: 2, "found text"),
        BadInput("a tag outside a topic", "<top><num>1</top>\n<title>x", line: 2, "found <title>"),
        BadInput("<top> inside <top>", "<top><num>1\n<top><num>2</top>", line: 2, "<top> inside <top>"),
        BadInput("two tokens in <num>", "<top>\n<num> Number: 1 2\n</top>", line: 2, "one topic id, found '1 2'"),
        BadInput("empty <num>", "<top>\n<num></num>\n</top>", line: 2, "one topic id, found ''"),
        BadInput("two <num>", "<top>\n<num>1\n<num>2\n</top>", line: 3, "a second <num>"),
        BadInput("closing tag of nothing", "<top>\n<num>1\n<title>x</desc>\n</top>", line: 3, "</desc> closes nothing open"),
        BadInput("empty file", "", line: nil, "no topics"),
        BadInput("blank file", "\n  \n", line: nil, "no topics"),
    ]

    @Test("malformed SGML is an error naming its line", arguments: bad)
    func malformed(_ input: BadInput) throws {
        try input.check(format: .trec)
    }

    @Test("invalid UTF-8 is an error naming its line")
    func invalidUTF8() throws {
        let error = try topicsError(Array("<top>\n<num>1\n<title>".utf8) + [0xc3, 0x28] + Array("\n</top>\n".utf8), format: .trec)
        #expect(error?.line == 3)
        #expect(error?.message == "not valid UTF-8")
    }
}
