/// A topic a writer cannot write without changing it: an id the format cannot hold, a text
/// that would read back as markup, a field asked for that the topic lacks.
///
/// Its `description` is `topic 'ID': what was wrong`; the command line prefixes the file.
public struct TopicsWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The id of the topic.
    public var topic: String
    /// What was wrong, and what the format needs.
    public var message: String

    /// The error for the topic with id `topic`.
    public init(topic: String, message: String) {
        self.topic = topic
        self.message = message
    }

    /// `topic 'ID': message`.
    public var description: String { "topic '\(topic)': \(message)" }
}
