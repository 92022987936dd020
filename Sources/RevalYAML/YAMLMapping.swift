/// A mapping whose keys were checked against the keys a reader allows (`YAMLNode.mapping(keys:)`).
///
/// A key that is absent and a key whose value is null read alike: both are "not given".
public struct YAMLMapping {
    /// The mapping itself, for errors about it as a whole.
    public let node: YAMLNode
    let entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)]

    /// The keys present, in document order.
    public var keys: [String] { entries.map(\.key) }

    /// The value of `key`, or nil when it is absent or null.
    public subscript(key: String) -> YAMLNode? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// The node of `key` itself (its position), when present.
    public func keyNode(_ key: String) -> YAMLNode? {
        entries.first(where: { $0.key == key })?.keyNode
    }

    /// The value of `key`; an error at the mapping when it is absent or null.
    public func required(_ key: String) throws(YAMLError) -> YAMLNode {
        if let value = self[key] { return value }
        if let present = entries.first(where: { $0.key == key }) {
            throw present.value.error("has no value; expected one")
        }
        let place = node.path.isEmpty ? "" : " in \(node.path)"
        throw YAMLError(file: node.file, line: node.line, column: node.column,
                        message: "missing key '\(key)'\(place); expected it")
    }

    /// An error unless at most one of `keys` is given.
    public func requireAtMostOne(of keys: [String]) throws(YAMLError) {
        let given = keys.filter { self[$0] != nil }
        if given.count > 1, let second = keyNode(given[1]) {
            throw second.error("'\(given[0])' and '\(given[1])' both given; expected only one of \(keys.map { "'\($0)'" }.joined(separator: ", "))")
        }
    }
}
