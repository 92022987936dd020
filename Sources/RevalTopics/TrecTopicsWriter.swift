import RevalCore

/// Writes TREC SGML topics in the Robust04 layout, which `TrecTopicsReader` reads back:
///
/// ```
/// <top>
/// <num> Number: 301
/// <title> International Organized Crime
/// <desc> Description:
/// Identify organizations that participate in international criminal activity, ...
/// <narr> Narrative:
/// A relevant document must as a minimum identify ...
/// </top>
/// ```
///
/// Rules:
/// - `<title>` holds the main text (`TopicLayout`: the field `textField`, else `text`,
///   `title`, `query`, else the first field); every other field follows in the topic's order
///   as `<name> text`, its name in lower case (tags are case-blind), without a `metadata.`
///   prefix;
/// - `desc` and `narr` get the prefixes `Description:` and `Narrative:` on a line of their
///   own, and a title that itself starts with `Topic:` gets one, so that the reader, which
///   drops those prefixes, gives back the text;
/// - SGML keeps no whitespace: each text is written with its whitespace runs made one space
///   and its ends trimmed, which is what the reader gives back;
/// - fields whose names cannot be tags (`@type`, `subtopic.1@type`: a name is a letter, then
///   letters, digits, `_`, `-`, `.`), or are the reader's own (`top`, `doc`, `num`,
///   `docno`), or are `text` in any case (other than the main text: read back, a `<text>`
///   field would become the main text), are not written (their names are in
///   `unwrittenFields`);
/// - errors: an id with whitespace (ids are one token), an id or text holding something the
///   reader would take for a tag (`<b>`, `</top>`) or a byte order mark (U+FEFF, which
///   reval's readers refuse inside a file): SGML has no escapes.
///
/// ```swift
/// let written = try TrecTopicsWriter.write(try TopicsReader.read(path: "topics.covid-round5.xml"))
/// written.bytes          // <top>\n<num> Number: 1\n<title> coronavirus origin\n<question> ...
/// written.unwrittenFields  // []
/// ```
public enum TrecTopicsWriter {
    /// The SGML file for `topics`; `textField` names the field written as `<title>`.
    public static func write(_ topics: Topics, textField: String? = nil) throws(TopicsWriteError) -> WrittenTopics {
        var out: [UInt8] = []
        var unwritten = FieldNameList()
        for topic in topics {
            let layout = try TopicLayout(topic, textField: textField)
            try TopicWriteRules.requireToken(layout.id, format: "TREC SGML")
            try TopicWriteRules.requireNoByteOrderMark(layout.id, topic: layout.id, what: "the id", format: "TREC SGML")
            try requireNoTag(layout.id, topic: layout.id, what: "the id")
            out += "<top>\n<num> Number: \(layout.id)\n".utf8
            try appendField(name: "title", text: layout.text, topic: layout.id, field: layout.mainName ?? "title", to: &out)
            for field in layout.others {
                let name = String(decoding: field.name.utf8.map(TopicText.lowercased), as: UTF8.self)
                // `text` too: read back, a `<text>` field would become the main text.
                guard SGMLTag.isName(name), !["top", "doc", "num", "docno", "text"].contains(name) else {
                    unwritten.add(field.name)
                    continue
                }
                try appendField(name: name, text: field.text, topic: layout.id, field: field.name, to: &out)
            }
            out += "</top>\n\n".utf8
        }
        return WrittenTopics(bytes: out, unwrittenFields: unwritten.names)
    }

    private static func appendField(name: String, text: String, topic: String, field: String,
                                    to out: inout [UInt8]) throws(TopicsWriteError) {
        let collapsed = TopicText.collapsed(text)
        try requireNoTag(collapsed, topic: topic, what: "the text of '\(field)'")
        try TopicWriteRules.requireNoByteOrderMark(collapsed, topic: topic, what: "the text of '\(field)'", format: "TREC SGML")
        out += "<\(name)> ".utf8
        switch name {
        case "desc": out += "Description:\n".utf8
        case "narr": out += "Narrative:\n".utf8
        case "title" where TopicText.dropping(prefix: "Topic:", from: collapsed) != collapsed: out += "Topic: ".utf8
        default: break
        }
        out += collapsed.utf8
        out.append(0x0a)
    }

    private static func requireNoTag(_ text: String, topic: String, what: String) throws(TopicsWriteError) {
        let bytes = Array(text.utf8)
        guard let tag = SGMLTag.first(in: bytes) else { return }
        throw TopicsWriteError(topic: topic, message: "\(what) holds <\(tag.closing ? "/" : "")\(tag.name)>, which TREC SGML "
            + "would read as a tag (SGML has no escapes); write tsv or jsonl instead")
    }
}
