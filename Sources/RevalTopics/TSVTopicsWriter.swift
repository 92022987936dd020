import RevalCore

/// Writes `id<TAB>text` lines, the form of MS MARCO's and Anserini's TSV topics, which
/// `TSVTopicsReader` reads back.
///
/// Rules:
/// - one line per topic, in order: the id, a TAB, the main text (`TopicLayout`: the field
///   `textField`, else `text`, `title`, `query`, else the first field), a newline;
/// - TAB, LF and CR inside the text, which TSV cannot hold, become one space each; every
///   other byte is written as it is (leading and inner spaces too);
/// - an id with whitespace is an error (TSV ids are one token), and so is a byte order mark
///   (U+FEFF) in an id or text (reval's readers refuse one inside a file); the other fields
///   are not written (their names are in `unwrittenFields`).
///
/// ```swift
/// let written = try TSVTopicsWriter.write(topics)
/// try AtomicFile.write(written.bytes, to: "queries.tsv")   // "301\tInternational Organized Crime\n..."
/// ```
public enum TSVTopicsWriter {
    /// The TSV file for `topics`; `textField` names the field written as the text.
    public static func write(_ topics: Topics, textField: String? = nil) throws(TopicsWriteError) -> WrittenTopics {
        var out: [UInt8] = []
        var unwritten = FieldNameList()
        for topic in topics {
            let layout = try TopicLayout(topic, textField: textField)
            try TopicWriteRules.requireToken(layout.id, format: "TSV")
            try TopicWriteRules.requireNoByteOrderMark(layout.id, topic: layout.id, what: "the id", format: "TSV")
            try TopicWriteRules.requireNoByteOrderMark(layout.text, topic: layout.id, what: "the text", format: "TSV")
            out += layout.id.utf8
            out.append(0x09)
            for b in layout.text.utf8 {
                out.append(b == 0x09 || b == 0x0a || b == 0x0d ? 0x20 : b)
            }
            out.append(0x0a)
            for field in topic.fields where field.name != layout.mainName { unwritten.add(field.name) }
        }
        return WrittenTopics(bytes: out, unwrittenFields: unwritten.names)
    }
}
