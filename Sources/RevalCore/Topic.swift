/// One named piece of a topic's text: `title`, `desc`, `query`, `text`, `subtopic.1`, ...
public struct TopicField: Sendable, Equatable {
    /// The field's name (`title`, `desc`, `text`).
    public var name: String
    /// The field's text, whitespace runs folded to one space.
    public var text: String

    /// A field `name` holding `text`.
    public init(_ name: String, _ text: String) {
        self.name = name
        self.text = text
    }
}

/// A topic (a query) as a topic file states it: an id and its named text fields, in file order.
///
/// Every topic format reads into this one type. Field names come from the file (`title`,
/// `desc` and `narr` in TREC SGML, element names in XML, `text` in TSV and BEIR JSONL); see
/// docs/formats.md for each format's names. A name may occur more than once; the subscript
/// gives the first.
///
/// ```swift
/// let topic = Topic(id: "301", fields: ["title": "International Organized Crime",
///                                       "desc": "Identify organizations that ..."])
/// topic[field: "title"]   // "International Organized Crime"
/// topic[field: "narr"]    // nil
/// ```
public struct Topic: Sendable, Equatable {
    /// The topic id.
    public var id: String
    /// The topic's fields, in file order.
    public var fields: [TopicField]

    /// A topic with `id` and `fields`.
    public init(id: String, fields: [TopicField] = []) {
        self.id = id
        self.fields = fields
    }

    /// A topic whose fields are given in order as `name: text` pairs.
    public init(id: String, fields: KeyValuePairs<String, String>) {
        self.init(id: id, fields: fields.map { TopicField($0.key, $0.value) })
    }

    /// The text of the first field called `name`, or nil when the topic has none.
    public subscript(field name: String) -> String? {
        fields.first { $0.name == name }?.text
    }
}

/// The topics of a topic file, in file order, with lookup by id. Ids are unique.
///
/// ```swift
/// var topics = Topics()
/// topics.append(Topic(id: "1", fields: ["text": "do goldfish grow"]))      // true
/// topics.append(Topic(id: "1", fields: ["text": "another"]))               // false: id taken
/// topics[id: "1"]?[field: "text"]   // "do goldfish grow"
/// topics.count                       // 1
/// ```
public struct Topics: Sendable, Equatable, RandomAccessCollection {
    private var list: [Topic] = []
    private var index: [String: Int] = [:]

    public init() {}

    /// The first position (0).
    public var startIndex: Int { 0 }
    /// One past the last topic.
    public var endIndex: Int { list.count }
    /// The topic at `position`, in file order.
    public subscript(position: Int) -> Topic { list[position] }

    /// The topic with this id, or nil.
    public subscript(id id: String) -> Topic? {
        index[id].map { list[$0] }
    }

    /// The ids in file order.
    public var ids: [String] { list.map(\.id) }

    /// Adds `topic` at the end, unless a topic with the same id is already here: then nothing
    /// changes and the result is false (readers report that as an error).
    public mutating func append(_ topic: Topic) -> Bool {
        guard index[topic.id] == nil else { return false }
        index[topic.id] = list.count
        list.append(topic)
        return true
    }
}
