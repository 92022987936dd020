/// A run file and the name it carries in every output.
///
/// ```swift
/// RunInput(path: "runs/bm25.trec.gz").name   // "bm25.trec"
/// RunInput(path: "-", name: "stdin run")
/// ```
public struct RunInput: Sendable, Hashable {
    /// The file, or `-` for standard input.
    public var path: String
    /// The run's name: by default the file name without directories and without a
    /// `.gz` or `.zst` ending.
    public var name: String

    public init(path: String, name: String? = nil) {
        self.path = path
        self.name = name ?? RunInput.defaultName(for: path)
    }

    /// The file name without directories and without a `.gz` or `.zst` ending.
    public static func defaultName(for path: String) -> String {
        if path == "-" { return "stdin" }
        var name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        for ending in [".gz", ".zst"] where name.hasSuffix(ending) && name.count > ending.count {
            name.removeLast(ending.count)
        }
        return name
    }
}
