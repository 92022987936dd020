/// Field names in first-seen order, each once.
struct FieldNameList {
    private(set) var names: [String] = []
    private var seen: Set<String> = []

    mutating func add(_ name: String) {
        if seen.insert(name).inserted { names.append(name) }
    }
}
