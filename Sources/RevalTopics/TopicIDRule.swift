import RevalCore

/// Ids for formats whose ids are one token (TSV, TREC SGML).
enum TopicIDRule {
    static func requireToken(_ id: String, format: String) throws(TopicsWriteError) {
        guard !id.isEmpty, !id.utf8.contains(where: isCSpace) else {
            throw TopicsWriteError(topic: id, message: "the id holds whitespace; \(format) topic ids are one token")
        }
    }
}
