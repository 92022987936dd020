/// Mappings and lists.
extension ExperimentNode {
    /// A mapping's entries, in file order, by key.
    public struct Mapping: Sendable {
        public var node: ExperimentNode
        public var entries: [Entry]

        /// The value of `key`, or nil when the key is absent.
        public subscript(key: String) -> ExperimentNode? { entries.first { $0.key == key }?.value }

        /// The value of `key`, or an error naming the key that is missing.
        public func required(_ key: String, _ expected: String) throws(ExperimentError) -> ExperimentNode {
            guard let value = self[key] else {
                throw node.error("'\(key)' is missing \(node.placeDescription); expected \(expected)")
            }
            return value
        }
    }

    /// The node as a mapping whose keys are all in `allowed`. A key outside it is an error at
    /// the key, naming the nearest allowed key and listing them all.
    public func mapping(allowing allowed: [String]) throws(ExperimentError) -> Mapping {
        let entries = try anyMapping()
        for entry in entries where !allowed.contains(entry.key) {
            var message = "unknown key '\(entry.key)' \(placeDescription)"
            if let near = NearestName.find(entry.key, among: allowed) { message += "; did you mean '\(near)'?" }
            message += " expected one of: " + allowed.joined(separator: ", ")
            throw ExperimentError(at: entry.keyLocation, message)
        }
        return Mapping(node: self, entries: entries)
    }

    /// The node as a mapping with keys of the user's choosing (dataset and system names).
    /// Keys are checked to be non-empty.
    public func namedEntries(_ what: String) throws(ExperimentError) -> [Entry] {
        let entries = try anyMapping(what)
        for entry in entries where entry.key.isEmpty {
            throw ExperimentError(at: entry.keyLocation, "an empty name \(placeDescription); expected \(what)")
        }
        return entries
    }

    /// The items of a list (`[a, b]` or one `- item` per line).
    public func items() throws(ExperimentError) -> [ExperimentNode] {
        guard case .sequence(let items) = content else {
            throw error("expected a list such as [a, b] \(placeDescription), found \(kindDescription)")
        }
        return items
    }

    /// A list of texts.
    public func strings() throws(ExperimentError) -> [String] {
        var texts: [String] = []
        for item in try items() { texts.append(try item.string()) }
        return texts
    }

    private func anyMapping(_ what: String = "keys and values") throws(ExperimentError) -> [Entry] {
        guard case .mapping(let entries) = content else {
            throw error("expected a mapping of \(what) \(placeDescription), found \(kindDescription)")
        }
        return entries
    }
}
