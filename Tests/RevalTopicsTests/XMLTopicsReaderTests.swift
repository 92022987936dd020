import Foundation
import Testing
import RevalCore
import RevalFormats
@testable import RevalTopics
import CLibXML2

/// XMLTopicsReader: `<topic number="…">` elements, parsed by libxml2, plus the checks
/// reval adds around it (malformed input, entities, DTDs).
@Suite("XML topics reader")
struct XMLTopicsReaderTests {
    @Test("fields, attributes, nested elements, CDATA, predefined entities, CRLF")
    func fields() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- a comment -->\r\n"
            + "<topics task=\"t\">\r\n"
            + "  <topic number=\" 7 \" type=\"single\" lang=\"en\">\r\n"
            + "    <query>R&amp;D   <b>drug</b>\r\n prices</query>\r\n"
            + "    <question><![CDATA[is a < b?]]> caf&#233;</question>\r\n"
            + "    <subtopic number=\"2\" type=\"nav\"> second </subtopic>\r\n"
            + "    <subtopic number=\"1\"> first </subtopic>\r\n"
            + "    <empty/>\r\n"
            + "  </topic>\r\n"
            + "</topics>\r\n"
        let topics = try readTopics(text)
        #expect(Array(topics) == [Topic(id: "7", fields: [
            "@lang": "en", "@type": "single",
            "query": "R&D drug prices",
            "question": "is a < b? café",
            "subtopic.2": "second", "subtopic.2@type": "nav",
            "subtopic.1": "first",
            "empty": "",
        ])])
    }

    @Test("text directly inside <topic> is a field 'text'; any root name is fine")
    func looseText() throws {
        let topics = try readTopics("<queries><topic number=\"1\">find <title>t</title> this</topic></queries>")
        #expect(topics[id: "1"] == Topic(id: "1", fields: ["text": "find", "title": "t", "text": "this"]))
    }

    @Test("a DTD with element and attribute declarations (as in the Web track) is accepted")
    func internalDTD() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE t [
              <!ELEMENT t (topic)*>
              <!ATTLIST topic number CDATA #REQUIRED
                        type (a|b) "a">
              <!-- a comment with a quote ' and ]> inside -->
              <!ATTLIST topic note CDATA "x]>y">
            ]>
            <t><topic number="1" type="b"><query>q</query></topic></t>
            """
        #expect(Array(try readTopics(text)) == [Topic(id: "1", fields: ["@type": "b", "query": "q"])])
    }

    static let malformed: [BadInput] = [
        BadInput("unclosed root at the end", "<topics>\n<topic number=\"1\">\n<query>a</query>\n", line: 3, "malformed XML"),
        BadInput("unclosed element", "<topics>\n<topic number=\"1\">\n<query>a\n</topic>\n</topics>\n", line: 4, "closing tag does not match"),
        BadInput("mismatched tags", "<topics>\n<topic number=\"1\">\n<query>a</question>\n</topic>\n</topics>\n", line: 3, "closing tag does not match"),
        BadInput("text after the root", "<topics>\n<topic number=\"1\"><query>a</query></topic>\n</topics>\ntrailing\n", line: 4, "malformed XML"),
        BadInput("a second root", "<topics>\n</topics>\n<topics></topics>\n", line: 3, "malformed XML"),
        BadInput("cut inside a tag", "<topics>\n<topic number=\"1\"><que", line: 2, "malformed XML"),
        BadInput("unescaped &", "<topics>\n<topic number=\"1\"><query>R&D</query></topic>\n</topics>", line: 2, "malformed XML"),
        BadInput("unquoted attribute", "<topics>\n<topic number=1><query>a</query></topic>\n</topics>", line: 2, "malformed XML"),
        BadInput("not XML", "hello\n", line: 1, "not XML"),
        BadInput("empty", "", line: 1, "no root element"),
        BadInput("three bytes", "<t>", line: 1, "XML ends too early"),
        BadInput("only a comment", "<!-- nothing -->\n", line: 1, "malformed XML"),
        BadInput("undefined entity", "<topics>\n<topic number=\"1\"><query>&nbsp;</query></topic>\n</topics>", line: 2, "undefined entity"),
        BadInput("topic without number", "<topics>\n<topic>\n<query>a</query></topic>\n</topics>", line: 2, "without a number attribute"),
        BadInput("another element under the root", "<topics>\n<query>a</query>\n</topics>", line: 2, "expected <topic> inside <topics>, found <query>"),
        BadInput("text in the root", "<topics>\nhello\n\n<topic number=\"1\"/></topics>", line: 2, "text outside <topic>"),
        BadInput("repeated id", "<topics>\n<topic number=\"1\"/>\n<topic number=\"1\"/>\n</topics>", line: 3, "topic '1' appears twice (first at line 2)"),
        BadInput("no topics", "<topics>\n</topics>\n", line: nil, "no topics"),
    ]

    @Test("malformed XML is an error naming its line", arguments: malformed)
    func malformedXML(_ input: BadInput) throws {
        try input.check(format: .xml)
    }

    @Test("invalid UTF-8 is an error, also inside a comment")
    func invalidUTF8() throws {
        let inText = Array("<topics>\n<topic number=\"1\"><query>a ".utf8) + [0xff] + Array("</query></topic></topics>".utf8)
        let inComment = Array("<topics>\n\n<!-- a ".utf8) + [0xc3, 0x28] + Array(" -->\n<topic number=\"1\"/></topics>".utf8)
        for (bytes, line) in [(inText, 2), (inComment, 3)] {
            let error = try topicsError(bytes, format: .xml)
            #expect(error?.line == line)
            #expect(error?.message == "not valid UTF-8")
        }
    }
}

/// Hostile XML: entities must not read files or expand without bound.
@Suite("XML topics reader: hostile input")
struct XMLHostileInputTests {
    static let billionLaughs: String = {
        var lines = ["<?xml version=\"1.0\"?>", "<!DOCTYPE topics [", " <!ENTITY lol0 \"lol\">"]
        for level in 1...9 {
            let refs = String(repeating: "&lol\(level - 1);", count: 10)
            lines.append(" <!ENTITY lol\(level) \"\(refs)\">")
        }
        lines += ["]>", "<topics><topic number=\"1\"><query>&lol9;</query></topic></topics>"]
        return lines.joined(separator: "\n")
    }()

    @Test("billion laughs (10 levels of 10): an error at once, nothing expanded")
    func billionLaughsIsRefused() throws {
        let clock = ContinuousClock()
        var error: InputError?
        let elapsed = try clock.measure { error = try topicsError(Self.billionLaughs, format: .xml) }
        #expect(error?.line == 3)
        #expect(error?.message.contains("entity") == true)
        #expect(elapsed < .milliseconds(500))
    }

    @Test("an external entity naming a local file is refused and the file is not read")
    func externalEntity() throws {
        let dir = try TemporaryDirectory()
        let secret = try dir.write("SECRET-CONTENT-42\n", name: "secret.txt")
        for target in ["file://\(secret)", secret, "file:///etc/passwd"] {
            let text = """
                <?xml version="1.0"?>
                <!DOCTYPE topics [<!ENTITY x SYSTEM "\(target)">]>
                <topics><topic number="1"><query>a &x; b</query></topic></topics>
                """
            let error = try topicsError(text, format: .xml)
            #expect(error?.line == 2)
            #expect(error?.message.contains("declares an entity") == true)
            #expect(error?.description.contains("SECRET") == false)
            #expect(error?.description.contains("root:") == false)
        }
    }

    @Test("a parameter entity naming a local file is refused")
    func parameterEntity() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE topics [
              <!ENTITY % p SYSTEM "file:///etc/passwd">
              %p;
            ]>
            <topics><topic number="1"><query>a</query></topic></topics>
            """
        let error = try topicsError(text, format: .xml)
        #expect(error?.line == 3)
        #expect(error?.message.contains("declares an entity") == true)
    }

    @Test("an external DTD is refused, not read")
    func externalDTD() throws {
        for doctype in ["<!DOCTYPE topics SYSTEM \"file:///etc/passwd\">",
                        "<!DOCTYPE topics PUBLIC \"-//X//Y\" \"http://example.invalid/t.dtd\" [ <!ELEMENT topics ANY> ]>"] {
            let error = try topicsError("<?xml version=\"1.0\"?>\n\(doctype)\n<topics><topic number=\"1\"/></topics>", format: .xml)
            #expect(error?.line == 2)
            #expect(error?.message.contains("external DTD") == true)
        }
    }

    @Test("even a harmless internal entity is refused")
    func internalEntity() throws {
        let text = "<!DOCTYPE topics [ <!ENTITY x \"hello\"> ]>\n<topics><topic number=\"1\"><query>&x;</query></topic></topics>"
        let error = try topicsError(text, format: .xml)
        #expect(error?.line == 1)
        #expect(error?.message.contains("declares an entity") == true)
    }

    @Test("an unclosed DOCTYPE is an error")
    func unclosedDoctype() throws {
        let error = try topicsError("<?xml version=\"1.0\"?>\n<!DOCTYPE topics [\n<!ELEMENT topics ANY>\n", format: .xml)
        #expect(error?.line == 2)
        #expect(error?.message.contains("not closed") == true)
    }
}

/// What parsing with libxml2 itself (not FoundationXML) adds: its options, its limits, its
/// messages with the names it quotes.
@Suite("XML topics reader: libxml2")
struct XMLLibXML2Tests {
    @Test("options: no network, no entity substitution, no DTD loading or defaults, limits on, no recovery")
    func options() {
        let options = XMLSAXParser.options
        #expect(options & Int32(XML_PARSE_NONET.rawValue) != 0)
        for off in [XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_DTDVALID,
                    XML_PARSE_HUGE, XML_PARSE_RECOVER, XML_PARSE_XINCLUDE] {
            #expect(options & Int32(off.rawValue) == 0, "option \(off.rawValue) is on")
        }
    }

    @Test("libxml2's messages name the elements and entities they are about")
    func namedMessages() throws {
        let mismatch = try topicsError("<topics>\n<topic number=\"1\">\n<query>a</question>\n</topic>\n</topics>\n", format: .xml)
        #expect(mismatch?.line == 3)
        #expect(mismatch?.message == "malformed XML: closing tag does not match the open element: </question> while <query> (line 3) is open")
        let unclosed = try topicsError("<topics>\n<topic number=\"1\">\n<query>a</query>\n", format: .xml)
        #expect(unclosed?.line == 3)
        #expect(unclosed?.message == "malformed XML: the XML ends too early: <topic> (line 2) is not closed")
        let entity = try topicsError("<topics>\n<topic number=\"1\"><query>&nbsp;</query></topic>\n</topics>", format: .xml)
        #expect(entity?.message == "undefined entity '&nbsp;'")
    }

    @Test("libxml2's limits are on: elements nested over 256 deep are refused")
    func depthLimit() throws {
        let deep = "<t>\n<topic number=\"1\"><q>" + String(repeating: "<a>", count: 300) + "x"
            + String(repeating: "</a>", count: 300) + "</q></topic></t>"
        let error = try topicsError(deep, format: .xml)
        #expect(error?.line == 2)
        #expect(error?.message.hasPrefix("XML beyond libxml2's limits: Excessive depth in document: 256") == true,
                "\(error?.description ?? "")")
    }

    @Test("entities and character references in attribute values; the encoding declaration is ignored (the bytes are UTF-8)")
    func attributesAndEncoding() throws {
        let text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
            + "<topics><topic number=\"1\" note=\"R&amp;D &#233; &lt;x&gt; &#38;&#38;amp;\"><query>café</query></topic></topics>"
        #expect(Array(try readTopics(text)) == [Topic(id: "1", fields: ["@note": "R&D é <x> &&amp;", "query": "café"])])
    }

    @Test("namespace prefixes stay in the names; namespace declarations are not fields")
    func namespaces() throws {
        let text = "<t:topics xmlns:t=\"urn:x\" xmlns=\"urn:y\"><topic number=\"1\" t:lang=\"en\"><t:query>a</t:query></topic></t:topics>"
        #expect(Array(try readTopics(text)) == [Topic(id: "1", fields: ["@t:lang": "en", "t:query": "a"])])
    }
}
