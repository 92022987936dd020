import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RevalCore

/// Reads XML topics: a root element of any name holding `<topic number="…">` elements
/// (TREC-COVID `<topics>`, Web track `<webtrack2013>`).
///
/// Rules (docs/formats.md has the details):
/// - the id is the topic's `number` attribute; its other attributes become fields named
///   `@name` (`@type`), sorted by name, before the child elements;
/// - each child element becomes a field named by the element (`query`, `question`,
///   `description`); a child with a `number` attribute is named `element.number`
///   (`subtopic.1`), and its other attributes follow it as `element.number@name`
///   (`subtopic.1@type`);
/// - text in nested elements belongs to the child it is in; text directly inside `<topic>`
///   is a field named `text`;
/// - whitespace runs become one space, ends are trimmed;
/// - the file must be UTF-8; a DTD may declare elements and attributes but no entities and
///   no external DTD (see `XMLDoctype`); only XML's predefined entities and character
///   references are expanded.
///
/// Malformed XML is an error naming its line: libxml2's error (FoundationXML on Linux can
/// report success with an error set, so any error counts), and also a root that never closes.
///
/// ```swift
/// let topics = try XMLTopicsReader.read(path: "topics.web.201-250.txt")
/// topics[id: "201"]?[field: "subtopic.2"]   // "What software does a raspberry pi use?"
/// ```
public enum XMLTopicsReader {
    public static func read(path: String) throws(InputError) -> Topics {
        try parse(readAllBytes(try openInput(path)), name: path)
    }

    static func parse(_ bytes: [UInt8], name: String) throws(InputError) -> Topics {
        // FoundationXML force-unwraps decoded names and comments: invalid UTF-8 would crash it.
        try TopicText.requireText(bytes, file: name)
        let cleaned = try XMLDoctype.removingDoctype(bytes, file: name)
        let parser = XMLParser(data: Data(cleaned))
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        let handler = XMLTopicsHandler(file: name)
        parser.delegate = handler
        let succeeded = parser.parse()
        // libxml2 puts errors at the end of the file on the line after a final newline.
        let lastLine = TopicText.line(at: max(bytes.count - 1, 0), in: bytes)
        if var failure = handler.failure {
            failure.line = failure.line.map { min($0, lastLine) }
            throw failure
        }
        if let error = parser.parserError {
            throw InputError(file: name, line: min(parser.lineNumber, lastLine), message: XMLTopicsHandler.describe(error))
        }
        guard succeeded else {
            throw InputError(file: name, line: min(parser.lineNumber, lastLine), message: "malformed XML")
        }
        // FoundationXML does not even start on input under 4 bytes, and reports success.
        guard handler.rootClosed else {
            let what = handler.root.map { "<\($0)> is not closed" } ?? "no root element"
            throw InputError(file: name, line: lastLine, message: "XML ends too early: \(what)")
        }
        return try handler.collector.finish()
    }
}

/// The parser's delegate: builds topics from the element events, and keeps the first
/// problem (its own or libxml2's) with the line it was found on.
private final class XMLTopicsHandler: NSObject, XMLParserDelegate {
    let file: String
    var collector: TopicsCollector
    private(set) var failure: InputError?
    private(set) var root: String?
    private(set) var rootClosed = false
    private var depth = 0

    private var topic: (id: String, line: Int, fields: [TopicField])?
    /// The child element of the topic being read: its field name and attributes.
    private var child: (name: String, attributes: [TopicField])?
    private var text = ""

    init(file: String) {
        self.file = file
        collector = TopicsCollector(file: file)
    }

    /// Records `message` at the parser's line, less `linesBack` lines, and stops the parser.
    private func fail(_ parser: XMLParser, _ message: String, linesBack: Int = 0) {
        if failure == nil {
            failure = InputError(file: file, line: max(parser.lineNumber - linesBack, 1), message: message)
        }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        guard failure == nil else { return }
        depth += 1
        switch depth {
        case 1:
            root = name
        case 2:
            guard name == "topic" else { return fail(parser, "expected <topic> inside <\(root ?? "")>, found <\(name)>") }
            guard let number = attributes["number"].map(TopicText.collapsed), !number.isEmpty else {
                return fail(parser, "<topic> without a number attribute: a topic needs an id")
            }
            topic = (number, parser.lineNumber, Self.attributeFields(attributes, prefix: "@"))
            text = ""
        case 3:
            endLooseText()
            var fieldName = name
            if let number = attributes["number"].map(TopicText.collapsed) { fieldName += "." + number }
            child = (fieldName, Self.attributeFields(attributes, prefix: fieldName + "@"))
        default:
            break  // nested deeper: its text belongs to the open child
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        switch depth {
        case 1:
            rootClosed = true
        case 2:
            endLooseText()
            if let topic {
                do {
                    try collector.add(Topic(id: topic.id, fields: topic.fields), line: topic.line)
                } catch {
                    failure = error
                    parser.abortParsing()
                }
            }
            topic = nil
        case 3:
            if let open = child {
                topic?.fields.append(TopicField(open.name, TopicText.collapsed(text)))
                topic?.fields.append(contentsOf: open.attributes)
            }
            child = nil
            text = ""
        default:
            break
        }
        depth -= 1
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil else { return }
        if depth <= 1 {
            if !string.utf8.allSatisfy(isCSpace) {
                // The parser is at the end of the text; name the line where the text starts.
                let newlines = string.utf8.drop(while: isCSpace).filter { $0 == 0x0a }.count
                fail(parser, depth == 0 ? "text outside the root element" : "text outside <topic>", linesBack: newlines)
            }
            return
        }
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
        if failure == nil {
            failure = InputError(file: file, line: parser.lineNumber, message: Self.describe(error))
        }
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        fail(parser, "undefined entity '&\(name);'")
        return nil
    }

    /// Text directly inside `<topic>`, outside its children, becomes a `text` field.
    private func endLooseText() {
        let loose = TopicText.collapsed(text)
        if !loose.isEmpty { topic?.fields.append(TopicField("text", loose)) }
        text = ""
    }

    private static func attributeFields(_ attributes: [String: String], prefix: String) -> [TopicField] {
        attributes.keys.filter { $0 != "number" }.sorted().map {
            TopicField(prefix + $0, TopicText.collapsed(attributes[$0, default: ""]))
        }
    }

    /// A message for a libxml2 error. FoundationXML on Linux gives only the code (describing
    /// the NSError itself can crash), so the common codes are named here.
    static func describe(_ error: Error) -> String {
        let code = (error as NSError).code
        let known: [Int: String] = [
            4: "not XML: no '<' where the document should start",
            5: "malformed XML: the document does not end properly (unclosed element, or content after the root element)",
            9: "malformed XML: invalid character",
            23: "malformed XML: '&' must start a reference such as &amp; (';' missing)",
            26: "undefined entity",
            38: "malformed XML: '<' inside an attribute value",
            39: "malformed XML: attribute value without quotes",
            40: "malformed XML: attribute value not closed",
            41: "malformed XML: attribute without a value",
            45: "malformed XML: comment not closed",
            63: "malformed XML: CDATA section not closed",
            65: "malformed XML: a space is required here",
            68: "malformed XML: a name is expected (an unescaped '<' or '&'?)",
            73: "malformed XML: '>' expected",
            76: "malformed XML: closing tag does not match the open element",
            77: "malformed XML: tag not finished",
            85: "malformed XML: elements not balanced",
            86: "malformed XML: extra content",
            89: "entity loop or too many entity expansions",
        ]
        return known[code] ?? "malformed XML (libxml2 error \(code))"
    }
}
