import RevalCore

/// What TSV and TREC SGML, which have no escapes, cannot hold.
enum TopicWriteRules {
    /// Ids are one token in both formats.
    static func requireToken(_ id: String, format: String) throws(TopicsWriteError) {
        guard !id.isEmpty, !id.utf8.contains(where: isCSpace) else {
            throw TopicsWriteError(topic: id, message: "the id holds whitespace; \(format) topic ids are one token")
        }
    }

    /// A byte order mark (U+FEFF) inside a file is refused by every reader of reval
    /// (`ByteOrderMark`), so a written file holding one would not read back.
    static func requireNoByteOrderMark(_ text: String, topic: String, what: String, format: String) throws(TopicsWriteError) {
        guard text.unicodeScalars.contains("\u{FEFF}") else { return }
        throw TopicsWriteError(topic: topic, message: "\(what) holds a byte order mark (U+FEFF), which reval's readers "
            + "refuse inside a file and \(format) cannot escape; write jsonl instead")
    }
}
