/// One node of an experiment file as written: a scalar with its exact text, a mapping with
/// its keys in file order, or a sequence; each with the place it starts and the key path
/// that leads to it (`datasets.dl19-passage.qrels`), for messages.
///
/// Scalars keep their text as written: reval gives YAML 1.1's implicit types (`no` → false,
/// `010` → 8) no say. A key that names a system or dataset is read as the text it is; a
/// field that wants a number or a flag reads the text by its own strict rules
/// (`ExperimentNode+Scalars.swift`) and refuses the ambiguous spellings.
///
/// ```swift
/// let root = try ExperimentNode.parse(yaml: text, file: "dl19.yaml")
/// let entries = try root.mapping(allowing: ["title", "measures"])
/// let title = try entries["title"]?.string()
/// ```
public struct ExperimentNode: Sendable {
    public enum Content: Sendable {
        /// `plain` is false for quoted and block scalars ('...', "...", |, >).
        case scalar(String, plain: Bool)
        case mapping([Entry])
        case sequence([ExperimentNode])
    }

    /// One key and value of a mapping.
    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: ExperimentLocation
        public var value: ExperimentNode
    }

    public var content: Content
    public var location: ExperimentLocation
    /// The keys from the root to this node, joined by `.`; sequence items as `[k]`.
    public var path: String

    public init(content: Content, location: ExperimentLocation, path: String) {
        self.content = content
        self.location = location
        self.path = path
    }

    /// What this node is, in words, for messages.
    public var kindDescription: String {
        switch content {
        case .scalar(let text, let plain):
            if plain && text.isEmpty { return "an empty value" }
            return plain ? "'\(text)'" : "the quoted text '\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// `path` for messages: "at the top level" or "in 'datasets.x'".
    var placeDescription: String { path.isEmpty ? "at the top level" : "in '\(path)'" }

    func error(_ message: String) -> ExperimentError { ExperimentError(at: location, message) }
}
