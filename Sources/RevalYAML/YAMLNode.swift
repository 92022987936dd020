import Yams

/// One node of a YAML document with where it stands: file, line, column and its key path
/// (`hardware.price_per_hour`), so any error about it can name the place.
///
/// The accessors check the node's kind and parse scalars reval's way (see
/// `YAMLNode+Scalars.swift`); each throws a `YAMLError` at the node's position.
///
/// ```swift
/// let hardware = try root.mapping(keys: ["name", "price_per_hour"])
/// let price = try hardware["price_per_hour"]?.number()   // nil when absent or null
/// ```
public struct YAMLNode {
    let node: Node
    public let file: String
    /// Dotted key path from the document's root (`hardware.name`, `systems[2].run`); empty
    /// for the root.
    public let path: String

    init(_ node: Node, file: String, path: String) {
        self.node = node
        self.file = file
        self.path = path
    }

    public var line: Int { node.mark?.line ?? 1 }
    public var column: Int { node.mark?.column ?? 1 }

    /// An error at this node: `FILE:LINE:COLUMN: PATH: message`.
    public func error(_ message: String) -> YAMLError {
        YAMLError(file: file, line: line, column: column, message: path.isEmpty ? message : "\(path): \(message)")
    }

    /// What the node is, for messages: "a mapping", "a list", "the text 'abc'".
    public var kindDescription: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return "no value" }
            return "'\(Self.excerpt(scalar.string))'"
        }
    }

    /// Whether this is YAML's null: an empty plain value, `~` or `null` (any case YAML allows).
    public var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The node as a mapping whose keys must all be among `keys`; any other key is an error
    /// at that key, with a suggestion when it looks like a misspelt one.
    public func mapping(keys allowed: [String]) throws(YAMLError) -> YAMLMapping {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping of \(Self.list(allowed)), found \(kindDescription)")
        }
        var entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        for (key, value) in mapping {
            let keyNode = YAMLNode(key, file: file, path: path)
            guard case .scalar(let scalar) = key else {
                throw keyNode.error("a key must be plain text, found \(keyNode.kindDescription)")
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                throw YAMLError(file: file, line: keyNode.line, column: keyNode.column,
                                message: Self.unknownKeyMessage(name, allowed: allowed, where: path))
            }
            entries.append((name, keyNode, YAMLNode(value, file: file, path: path.isEmpty ? name : "\(path).\(name)")))
        }
        return YAMLMapping(node: self, entries: entries)
    }

    /// The node as a mapping with keys of the user's choosing (catalogue names, measure
    /// names), in document order.
    public func entries() throws(YAMLError) -> [(key: String, value: YAMLNode)] {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping, found \(kindDescription)")
        }
        var entries: [(key: String, value: YAMLNode)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw YAMLNode(key, file: file, path: path).error("a key must be plain text, found a mapping or list")
            }
            entries.append((scalar.string, YAMLNode(value, file: file, path: path.isEmpty ? scalar.string : "\(path).\(scalar.string)")))
        }
        return entries
    }

    /// The node as a list; a single value is not promoted to a list.
    public func sequence() throws(YAMLError) -> [YAMLNode] {
        guard case .sequence(let sequence) = node else {
            throw error("expected a list, found \(kindDescription)")
        }
        return sequence.enumerated().map { YAMLNode($0.element, file: file, path: "\(path)[\($0.offset + 1)]") }
    }

    /// Whether the node is a mapping (for keys that take either a name or a mapping).
    public var isMapping: Bool {
        if case .mapping = node { return true }
        return false
    }

    /// The message for `key` where only `allowed` may stand.
    static func unknownKeyMessage(_ key: String, allowed: [String], where path: String) -> String {
        var message = "unknown key '\(excerpt(key))'"
        if !path.isEmpty { message = "unknown key '\(excerpt(key))' in \(path)" }
        if let suggestion = KeySuggestion.closest(to: key, among: allowed) {
            message += "; did you mean '\(suggestion)'?"
        }
        return message + " (expected one of: \(allowed.joined(separator: ", ")))"
    }

    static func list(_ keys: [String]) -> String {
        keys.count <= 4 ? keys.joined(separator: ", ") : keys.prefix(4).joined(separator: ", ") + ", ..."
    }

    /// At most 64 characters of `text`, then "...", with line ends shown as \n.
    static func excerpt(_ text: String) -> String {
        let flat = text.replacing("\n", with: "\\n")
        return flat.count <= 64 ? flat : String(flat.prefix(64)) + "..."
    }
}
