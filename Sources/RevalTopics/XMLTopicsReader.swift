import RevalCore
import RevalFormats

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
/// The XML is parsed by libxml2 itself (`XMLSAXParser`): no network, no DTD loading, no
/// entity substitution, libxml2's size limits on. Malformed XML is an error naming its line:
/// the first problem in the file, libxml2's or the reader's own.
///
/// ```swift
/// let topics = try XMLTopicsReader.read(path: "topics.web.201-250.txt")
/// topics[id: "201"]?[field: "subtopic.2"]   // "What software does a raspberry pi use?"
/// ```
public enum XMLTopicsReader {
    /// Reads the XML topic file at `path` (plain, gzip or zstd; "-" is standard input).
    public static func read(path: String) throws(InputError) -> Topics {
        try parse(readWholeInput(try openInput(path)), name: path)
    }

    static func parse(_ bytes: [UInt8], name: String) throws(InputError) -> Topics {
        try TopicText.requireText(bytes, file: name)
        let cleaned = try XMLDoctype.removingDoctype(bytes, file: name)
        // libxml2 puts errors at the end of the file on the line after a final newline.
        let lastLine = TopicText.line(at: max(bytes.count - 1, 0), in: bytes)
        let body = TopicText.withoutBOM(cleaned)
        guard let first = body.first(where: { !isCSpace($0) }) else {
            throw InputError(file: name, line: lastLine, message: "XML ends too early: no root element")
        }
        guard cleaned.count <= Int(Int32.max) else {
            throw InputError(file: name, message: "larger than 2 GiB, more than libxml2 reads from memory; expected a topic file")
        }
        let builder = XMLTopicsBuilder(file: name, startsWithMarkup: first == UInt8(ascii: "<"))
        let finished = XMLSAXParser.parse(cleaned, into: builder)
        if var failure = builder.failure {
            failure.line = failure.line.map { max(1, min($0, lastLine)) }
            throw failure
        }
        guard finished else {
            throw InputError(file: name, line: lastLine, message: "malformed XML")
        }
        guard builder.rootClosed else {
            let what = builder.root.map { "<\($0)> is not closed" } ?? "no root element"
            throw InputError(file: name, line: lastLine, message: "XML ends too early: \(what)")
        }
        return try builder.collector.finish()
    }
}
