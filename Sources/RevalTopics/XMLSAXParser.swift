internal import CLibXML2

/// libxml2's SAX2 parser over bytes in memory, reporting to an `XMLTopicsBuilder`.
///
/// Options: `XML_PARSE_NONET` (no network), `XML_PARSE_IGNORE_ENC` (the bytes were checked to
/// be UTF-8, whatever the XML declaration says); not `XML_PARSE_NOENT` (no entity
/// substitution), not `XML_PARSE_DTDLOAD` or `XML_PARSE_DTDATTR` (no DTD is loaded or
/// applied), not `XML_PARSE_HUGE` (libxml2's limits stay on: 10,000,000 bytes of one
/// attribute value or lookahead, 50,000 of a name, elements nested 256 deep), not
/// `XML_PARSE_RECOVER`. No DOM is built: the handler sees the elements, their attributes and
/// text in document order. No entity callback is set, so libxml2 finds no entity but the
/// predefined ones (which it expands itself) and reports any other reference as undefined.
enum XMLSAXParser {
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue)

    /// libxml2's global set-up, once per process (it is not safe to race on it).
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `bytes` (at most `Int32.max` of them) into `builder`; false when libxml2
    /// could not start or found the document not well formed. Errors go to the builder.
    static func parse(_ bytes: [UInt8], into builder: XMLTopicsBuilder) -> Bool {
        _ = initialized
        var handler = xmlSAXHandler()
        handler.initialized = reval_xml_sax2_magic()
        handler.startElementNs = { user, localName, prefix, _, _, _, attributeCount, _, attributes in
            guard let user, let localName else { return }
            let session = XMLSAXSession.from(user)
            var list: [(name: String, value: String)] = []
            if let attributes {
                for i in 0..<Int(max(attributeCount, 0)) {
                    // Five pointers per attribute: local name, prefix, URI, value start, value end.
                    guard let name = attributes[5 * i], let start = attributes[5 * i + 3],
                          let end = attributes[5 * i + 4] else { continue }
                    let value = UnsafeBufferPointer(start: start, count: max(end - start, 0))
                    list.append((qualifiedName(name, attributes[5 * i + 1]), attributeValue(value)))
                }
            }
            session.builder.startElement(qualifiedName(localName, prefix), attributes: list, line: session.line)
            session.stopIfFailed()
        }
        handler.endElementNs = { user, localName, prefix, _ in
            guard let user, let localName else { return }
            let session = XMLSAXSession.from(user)
            session.builder.endElement(qualifiedName(localName, prefix), line: session.line)
            session.stopIfFailed()
        }
        let characters: charactersSAXFunc = { user, bytes, count in
            guard let user, let bytes, count > 0 else { return }
            let session = XMLSAXSession.from(user)
            session.builder.characters(UnsafeBufferPointer(start: bytes, count: Int(count)), line: session.line)
            session.stopIfFailed()
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        handler.serror = { user, error in
            // Never stops the parser: stopping libxml2 from inside its error report is what
            // crashed it once (docs/reliability.md).
            guard let user, let error else { return }
            let reported = error.pointee
            guard reported.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            XMLSAXSession.from(user).builder.libxml2Error(LibXML2Error(reported))
        }

        let session = XMLSAXSession(builder: builder)
        let user = Unmanaged.passUnretained(session).toOpaque()
        return withExtendedLifetime(session) {
            bytes.withUnsafeBufferPointer { buffer -> Bool in
                let start = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                    .assumingMemoryBound(to: CChar.self)
                guard let context = reval_xml_memory_context(start, Int32(buffer.count), &handler, user, options) else {
                    builder.libxml2Error(LibXML2Error(code: -1, line: 1, message: "libxml2 could not start (out of memory?)"))
                    return false
                }
                defer { xmlFreeParserCtxt(context) }
                session.context = context
                let result = xmlParseDocument(context)
                session.context = nil
                return result == 0 && context.pointee.wellFormed != 0
            }
        }
    }
}

/// What the callbacks reach through libxml2's user pointer: the builder and the parser
/// context (for line numbers and for stopping).
private final class XMLSAXSession {
    let builder: XMLTopicsBuilder
    var context: xmlParserCtxtPtr?

    init(builder: XMLTopicsBuilder) { self.builder = builder }

    static func from(_ pointer: UnsafeMutableRawPointer) -> XMLSAXSession {
        Unmanaged<XMLSAXSession>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// The line libxml2 is on (at the end of what it has just reported).
    var line: Int {
        guard let context else { return 1 }
        return Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer(context)))
    }

    /// Stops libxml2 once the builder has found a problem (from a content callback, where
    /// libxml2 allows it).
    func stopIfFailed() {
        if builder.failure != nil, let context { xmlStopParser(context) }
    }
}

/// `prefix:name`, or `name` without a prefix.
private func qualifiedName(_ name: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?) -> String {
    let local = String(cString: name)
    guard let prefix else { return local }
    return String(cString: prefix) + ":" + local
}

/// An attribute value as libxml2 hands it over without entity substitution: predefined
/// entities and character references decoded, except that an ampersand (`&amp;` or `&#38;`)
/// comes as the five bytes `&#38;`, left for a DOM builder to decode. No other `&` can be in
/// the value (a bare `&` is malformed, any other entity undefined), so each `&#38;` is one `&`.
private func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
    let escaped = Array("&#38;".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
        if bytes[i] == UInt8(ascii: "&"), bytes[i...].starts(with: escaped) {
            out.append(UInt8(ascii: "&"))
            i += escaped.count
        } else {
            out.append(bytes[i])
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}
