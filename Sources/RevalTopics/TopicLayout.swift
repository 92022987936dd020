import RevalCore

/// A topic as the writers lay it out: one main text, and the other fields in file order.
///
/// The main text is `Topic.mainFieldIndex(named: textField)`'s field (a topic without the
/// field asked for is an error; a topic without fields has an empty text). The
/// other fields keep their order and names, less a `metadata.` prefix (what the JSONL reader
/// gives BEIR's metadata members).
struct TopicLayout {
    var id: String
    /// The name of the field the main text came from (nil: the topic has no fields).
    var mainName: String?
    var text: String
    var others: [TopicField]

    init(_ topic: Topic, textField: String?) throws(TopicsWriteError) {
        id = topic.id
        let main = topic.mainFieldIndex(named: textField)
        if let textField, main == nil {
            let names = topic.fields.map(\.name)
            throw TopicsWriteError(topic: topic.id, message: "no field '\(textField)' for the text"
                + (names.isEmpty ? " (the topic has no fields)" : " (it has \(Self.list(names)))"))
        }
        mainName = main.map { topic.fields[$0].name }
        text = main.map { topic.fields[$0].text } ?? ""
        others = []
        for (index, field) in topic.fields.enumerated() where index != main {
            var name = field.name
            if name.hasPrefix("metadata."), name.utf8.count > "metadata.".utf8.count {
                name.removeFirst("metadata.".count)
            }
            others.append(TopicField(name, field.text))
        }
    }

    /// `others` with each name seen before in the topic given `#2`, `#3`, ... (for JSON
    /// object keys, which must be unique).
    var uniquelyNamedOthers: [TopicField] {
        var seen: [String: Int] = [:]
        return others.map { field in
            let count = seen[field.name, default: 0] + 1
            seen[field.name] = count
            return TopicField(count == 1 ? field.name : "\(field.name)#\(count)", field.text)
        }
    }

    /// Names for a message: the first few, quoted.
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > 5 ? shown + ", ..." : shown
    }
}
