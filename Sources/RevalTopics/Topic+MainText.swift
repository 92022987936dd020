import RevalCore

extension Topic {
    /// Where the topic's main text is: the one text TSV and BEIR JSONL hold and TREC SGML
    /// writes in `<title>`. It is the first field named `name` when one is given (nil when
    /// the topic has none); otherwise the first field named `text`, else `title`, else
    /// `query`, else the first field (nil for a topic without fields).
    ///
    /// ```swift
    /// let topic = Topic(id: "1", fields: ["query": "coronavirus origin", "question": "what is ..."])
    /// topic.mainFieldIndex()                    // 0: no text or title, so the query
    /// topic.mainFieldIndex(named: "question")   // 1
    /// ```
    public func mainFieldIndex(named name: String? = nil) -> Int? {
        if let name { return fields.firstIndex { $0.name == name } }
        for preferred in ["text", "title", "query"] {
            if let index = fields.firstIndex(where: { $0.name == preferred }) { return index }
        }
        return fields.isEmpty ? nil : 0
    }

    /// The text of `mainFieldIndex()`'s field; empty for a topic without fields.
    public var mainText: String {
        mainFieldIndex().map { fields[$0].text } ?? ""
    }
}
