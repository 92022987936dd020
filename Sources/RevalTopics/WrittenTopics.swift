/// A topic file as a writer made it: its bytes (UTF-8), and the names of the fields the
/// format had no place for (in first-seen order), for a warning.
public struct WrittenTopics: Sendable, Equatable {
    public var bytes: [UInt8]
    /// Field names some topic had and the output does not carry.
    public var unwrittenFields: [String]

    public init(bytes: [UInt8], unwrittenFields: [String] = []) {
        self.bytes = bytes
        self.unwrittenFields = unwrittenFields
    }
}
