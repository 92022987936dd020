/// A topic file as a writer made it: its bytes (UTF-8), and the names of the fields the
/// format had no place for (in first-seen order), for a warning.
public struct WrittenTopics: Sendable, Equatable {
    /// The file's bytes, UTF-8.
    public var bytes: [UInt8]
    /// Field names some topic had and the output does not carry.
    public var unwrittenFields: [String]

    /// A written file and the field names it left out.
    public init(bytes: [UInt8], unwrittenFields: [String] = []) {
        self.bytes = bytes
        self.unwrittenFields = unwrittenFields
    }
}
