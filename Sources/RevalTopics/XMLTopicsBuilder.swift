import RevalCore
import RevalFormats

/// Builds topics from the parser's element events, and keeps the first problem (its own or
/// libxml2's) with the line it was found on. `XMLSAXParser` stops libxml2 once there is one.
final class XMLTopicsBuilder {
    let file: String
    /// The file's first visible byte is `<` (for libxml2's "no root element" message).
    let startsWithMarkup: Bool
    var collector: TopicsCollector
    private(set) var failure: InputError?
    private(set) var root: String?
    private(set) var rootClosed = false
    private var depth = 0

    private var topic: (id: String, line: Int, fields: [TopicField])?
    /// The child element of the topic being read: its field name and attributes.
    private var child: (name: String, attributes: [TopicField])?
    private var text: [UInt8] = []

    init(file: String, startsWithMarkup: Bool) {
        self.file = file
        self.startsWithMarkup = startsWithMarkup
        collector = TopicsCollector(file: file)
    }

    private func fail(_ message: String, line: Int) {
        if failure == nil {
            failure = InputError(file: file, line: max(line, 1), message: message)
        }
    }

    func libxml2Error(_ error: LibXML2Error) {
        fail(error.describe(startsWithMarkup: startsWithMarkup), line: error.line)
    }

    func startElement(_ name: String, attributes: [(name: String, value: String)], line: Int) {
        guard failure == nil else { return }
        depth += 1
        switch depth {
        case 1:
            root = name
        case 2:
            guard name == "topic" else { return fail("expected <topic> inside <\(root ?? "")>, found <\(name)>", line: line) }
            guard let number = Self.value(of: "number", in: attributes).map(TopicText.collapsed), !number.isEmpty else {
                return fail("<topic> without a number attribute: a topic needs an id", line: line)
            }
            topic = (number, line, Self.attributeFields(attributes, prefix: "@"))
            text = []
        case 3:
            endLooseText()
            var fieldName = name
            if let number = Self.value(of: "number", in: attributes).map(TopicText.collapsed) { fieldName += "." + number }
            child = (fieldName, Self.attributeFields(attributes, prefix: fieldName + "@"))
        default:
            break  // nested deeper: its text belongs to the open child
        }
    }

    func endElement(_ name: String, line: Int) {
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
                }
            }
            topic = nil
        case 3:
            if let open = child {
                topic?.fields.append(TopicField(open.name, TopicText.collapsed(text)))
                topic?.fields.append(contentsOf: open.attributes)
            }
            child = nil
            text = []
        default:
            break
        }
        depth -= 1
    }

    /// Text (CDATA too); `line` is the parser's line at its end.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) {
        guard failure == nil else { return }
        if depth <= 1 {
            if !bytes.allSatisfy(isCSpace) {
                // Name the line where the text starts.
                let newlines = bytes.drop(while: isCSpace).filter { $0 == 0x0a }.count
                fail(depth == 0 ? "text outside the root element" : "text outside <topic>", line: line - newlines)
            }
            return
        }
        text.append(contentsOf: bytes)
    }

    /// Text directly inside `<topic>`, outside its children, becomes a `text` field.
    private func endLooseText() {
        let loose = TopicText.collapsed(text)
        if !loose.isEmpty { topic?.fields.append(TopicField("text", loose)) }
        text = []
    }

    private static func value(of name: String, in attributes: [(name: String, value: String)]) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The attributes other than `number`, sorted by name, as fields `prefix + name`.
    private static func attributeFields(_ attributes: [(name: String, value: String)], prefix: String) -> [TopicField] {
        attributes.filter { $0.name != "number" }.sorted { $0.name < $1.name }.map {
            TopicField(prefix + $0.name, TopicText.collapsed($0.value))
        }
    }
}
