import RevalCore
import RevalFormats

/// Reads TREC topics in SGML: `<top>` blocks (Robust04, Vaswani) or `<DOC>` blocks (CACM).
///
/// Rules (docs/formats.md has the details):
/// - a topic is a `<top> … </top>` or `<DOC> … </DOC>` block; tag names are case-blind;
/// - inside it, each `<tag>` starts a field named by the tag (lowercased); its text runs to
///   the next tag, so closing tags such as `</title>` are optional;
/// - the id is the text of `<num>` (after an optional `Number:`) or of `<DOCNO>`, one token;
/// - a leading `Description:` is dropped from `desc`, `Narrative:` from `narr`, `Topic:`
///   from `title`;
/// - text inside a block but outside any field (CACM's query after `</DOCNO>`) is a field
///   named `text`;
/// - whitespace runs become one space, ends are trimmed; `&` is plain text (no entities).
///
/// Errors: a block without an id, a block not closed at the end of the file, a repeated
/// id, text or tags outside blocks, a closing tag that closes nothing open.
///
/// ```swift
/// let topics = try TrecTopicsReader.read(path: "topics.robust04.txt")
/// topics[id: "301"]?[field: "title"]   // "International Organized Crime"
/// ```
public enum TrecTopicsReader {
    /// Reads the SGML topic file at `path` (plain, gzip or zstd; "-" is standard input).
    public static func read(path: String) throws(InputError) -> Topics {
        try parse(readWholeInput(try openInput(path)), name: path)
    }

    static func parse(_ bytes: [UInt8], name: String) throws(InputError) -> Topics {
        try TopicText.requireText(bytes, file: name)
        var parser = SGMLTopicParser(bytes: TopicText.withoutBOM(bytes), file: name)
        return try parser.run()
    }
}

/// One pass over the bytes: tags and the text between them, with line numbers.
private struct SGMLTopicParser {
    let bytes: [UInt8]
    let file: String
    var position = 0
    var line = 1
    var collector: TopicsCollector

    /// The `<top>` or `<doc>` block being read.
    var block: (tag: String, line: Int)?
    var id: String?
    var fields: [TopicField] = []
    /// The open field, where its text starts and its line; nil between fields.
    var field: (name: String, start: Int, line: Int)?
    /// Where text outside any field started.
    var looseStart: Int?

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        collector = TopicsCollector(file: file)
    }

    mutating func run() throws(InputError) -> Topics {
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<"), let tag = SGMLTag.parse(bytes, at: position) {
                try handle(tag)
                position = tag.end
            } else {
                if bytes[position] == 0x0a { line += 1 }
                if block == nil && !isCSpace(bytes[position]) {
                    throw error("expected <top> or <DOC>, found text")
                }
                if block != nil && field == nil && looseStart == nil && !isCSpace(bytes[position]) {
                    looseStart = position
                }
                position += 1
            }
        }
        if let block {
            throw InputError(file: file, line: block.line,
                             message: "<\(block.tag)> is not closed before the end of the file")
        }
        return try collector.finish()
    }

    mutating func handle(_ tag: SGMLTag) throws(InputError) {
        guard let open = block else {
            guard !tag.closing, tag.name == "top" || tag.name == "doc" else {
                throw error("expected <top> or <DOC>, found <\(tag.closing ? "/" : "")\(tag.name)>")
            }
            block = (tag.name, line)
            return
        }
        try endText(at: position)
        if tag.closing {
            if tag.name == open.tag {
                try endBlock()
            } else if tag.name != field?.name {
                throw error("</\(tag.name)> closes nothing open (inside <\(field?.name ?? open.tag)>)")
            }
            field = nil
        } else {
            if tag.name == "top" || tag.name == "doc" {
                throw error("<\(tag.name)> inside <\(open.tag)>: is </\(open.tag)> missing?")
            }
            field = (tag.name, tag.end, line)
        }
    }

    /// Ends the text of the open field (or of loose text) at `end`.
    mutating func endText(at end: Int) throws(InputError) {
        if let start = looseStart {
            fields.append(TopicField("text", TopicText.collapsed(bytes[start..<end])))
            looseStart = nil
        }
        guard let open = field else { return }
        let text = TopicText.collapsed(bytes[open.start..<end])
        switch open.name {
        case "num", "docno":
            guard id == nil else {
                throw InputError(file: file, line: open.line, message: "a second <\(open.name)> in one topic")
            }
            let value = TopicText.dropping(prefix: "Number:", from: text)
            guard !value.isEmpty, !value.utf8.contains(0x20) else {
                throw InputError(file: file, line: open.line,
                                 message: "<\(open.name)> must hold one topic id, found '\(value)'")
            }
            id = value
        case "desc": fields.append(TopicField("desc", TopicText.dropping(prefix: "Description:", from: text)))
        case "narr": fields.append(TopicField("narr", TopicText.dropping(prefix: "Narrative:", from: text)))
        case "title": fields.append(TopicField("title", TopicText.dropping(prefix: "Topic:", from: text)))
        default: fields.append(TopicField(open.name, text))
        }
    }

    mutating func endBlock() throws(InputError) {
        guard let open = block else { return }
        guard let id else {
            throw InputError(file: file, line: open.line,
                             message: "<\(open.tag)> without <\(open.tag == "doc" ? "DOCNO" : "num")>: a topic needs an id")
        }
        try collector.add(Topic(id: id, fields: fields), line: open.line)
        block = nil
        self.id = nil
        fields = []
    }

    func error(_ message: String) -> InputError {
        InputError(file: file, line: line, message: message)
    }
}
