internal import CLibXML2

/// One error libxml2 reported: its code (`xmlParserErrors`), line and the names it quotes.
struct LibXML2Error: Sendable, Equatable {
    var code: Int32
    var line: Int
    /// libxml2's own message, without its final newline.
    var message: String
    /// The first and second name the message quotes (an element, an entity), and its number
    /// (a line), where the code has them.
    var name1: String? = nil
    var name2: String? = nil
    var number1: Int = 0

    init(code: Int32, line: Int, message: String, name1: String? = nil, name2: String? = nil, number1: Int = 0) {
        self.code = code
        self.line = line
        self.message = message
        self.name1 = name1
        self.name2 = name2
        self.number1 = number1
    }

    init(_ error: xmlError) {
        let text = error.message.map { String(cString: $0) } ?? ""
        self.init(code: error.code, line: Int(error.line),
                  message: String(text.reversed().drop { $0 == "\n" }.reversed()),
                  name1: error.str1.map { String(cString: $0) }, name2: error.str2.map { String(cString: $0) },
                  number1: Int(error.int1))
    }

    /// The message reval prints. `startsWithMarkup`: the file's first visible byte is `<`
    /// (so "no root element" means malformed XML, not a file that is no XML at all).
    func describe(startsWithMarkup: Bool) -> String {
        switch code {
        case 4:
            return startsWithMarkup
                ? "malformed XML: no root element (only comments or declarations)"
                : "not XML: no '<' where the document should start"
        case 5:
            return "malformed XML: content after the end of the root element"
        case 26:
            return "undefined entity" + (name1.map { " '&\($0);'" } ?? "")
        case 76:
            guard let open = name1, let close = name2 else { break }
            return "malformed XML: closing tag does not match the open element: </\(close)> while <\(open)> (line \(number1)) is open"
        case 77:
            guard let open = name1 else { break }
            return "malformed XML: the XML ends too early: <\(open)> (line \(number1)) is not closed"
        default:
            break
        }
        // Code 1 ("Excessive depth in document: 256 ...") and others ("AttValue length too
        // long") say a limit was reached (reval never passes XML_PARSE_HUGE).
        if code == 1 || message.contains("too long") || message.contains("Huge") {
            return "XML beyond libxml2's limits: \(message)"
        }
        if let known = Self.known[code] { return known }
        return "malformed XML: \(message) (libxml2 error \(code))"
    }

    private static let known: [Int32: String] = [
        9: "malformed XML: invalid character",
        23: "malformed XML: '&' must start a reference such as &amp; (';' missing)",
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
}
