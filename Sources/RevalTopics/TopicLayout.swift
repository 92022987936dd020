import RevalCore

/// A topic as the writers lay it out: one main text, and the other fields in file order.
///
/// The main text is the field named `textField` when one is given (an error for a topic
/// without it); otherwise the first field named `text`, `title` or `query`, in that order
/// of preference, else the topic's first field, else (a topic without fields) empty. The
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
        let main: Int?
        if let textField {
            guard let index = topic.fields.firstIndex(where: { $0.name == textField }) else {
                let names = topic.fields.map(\.name)
                throw TopicsWriteError(topic: topic.id, message: "no field '\(textField)' for the text"
                    + (names.isEmpty ? " (the topic has no fields)" : " (it has \(Self.list(names)))"))
            }
            main = index
        } else {
            main = ["text", "title", "query"].lazy.compactMap { name in topic.fields.firstIndex { $0.name == name } }.first
                ?? (topic.fields.isEmpty ? nil : 0)
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
