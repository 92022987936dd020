import RevalCore
import RevalFormats

/// The text of each topic that query similarity compares.
///
/// Without a field name: `title` (TREC SGML), else `query` (TREC XML), else `text` (TSV,
/// JSONL), else the topic's first field. With one: that field, and a topic without it is
/// an error.
///
/// ```swift
/// let texts = try QueryText.texts(of: topics, field: nil, source: "topics.dl19-passage.txt")
/// ```
public enum QueryText {
    public static let preferredFields = ["title", "query", "text"]

    public static func texts(of topics: Topics, field: String?, source: String) throws(InputError) -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(topics.count)
        for topic in topics {
            if let field {
                guard let text = topic[field: field] else {
                    throw InputError(file: source, message: "topic '\(topic.id)' has no field '\(field)' "
                                         + "(it has: \(topic.fields.map(\.name).joined(separator: ", ")))")
                }
                texts.append(text)
            } else {
                texts.append(preferredFields.lazy.compactMap { topic[field: $0] }.first ?? topic.fields.first?.text ?? "")
            }
        }
        return texts
    }
}
