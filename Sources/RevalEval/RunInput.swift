/// A run file and the name it carries in every output.
///
/// ```swift
/// RunInput(path: "runs/bm25.trec.gz").name   // "bm25.trec"
/// RunInput(path: "/dev/fd/63").name          // "/dev/fd/63"
/// RunInput(path: "-", name: "stdin run")
/// ```
public struct RunInput: Sendable, Hashable {
    /// The file, or `-` for standard input.
    public var path: String
    /// The run's name: by default the file name without directories and without a
    /// `.gz` or `.zst` ending.
    public var name: String

    /// A run at `path`, named `name` or by `defaultName(for:)`.
    public init(path: String, name: String? = nil) {
        self.path = path
        self.name = name ?? RunInput.defaultName(for: path)
    }

    /// Runs for `paths` with names that tell them apart: the default names, or, when two
    /// different files would share one (`a/bm25.txt`, `b/bm25.txt`), every path as given.
    /// A file given twice keeps its one name.
    ///
    /// ```swift
    /// RunInput.distinctlyNamed(["a/bm25.txt", "b/bm25.txt"]).map(\.name)  // ["a/bm25.txt", "b/bm25.txt"]
    /// ```
    public static func distinctlyNamed(_ paths: [String]) -> [RunInput] {
        var pathOfName: [String: String] = [:]
        for path in paths {
            let name = defaultName(for: path)
            if let other = pathOfName[name], other != path {
                return paths.map { RunInput(path: $0, name: $0) }
            }
            pathOfName[name] = path
        }
        return paths.map { RunInput(path: $0) }
    }

    /// The file name without directories and without a `.gz` or `.zst` ending; a
    /// descriptor's path as it is (`<(zcat run.gz)` is `/dev/fd/63`, and "63" would say nothing).
    public static func defaultName(for path: String) -> String {
        if path == "-" { return "stdin" }
        if path.hasPrefix("/dev/fd/") || path.hasPrefix("/proc/self/fd/") { return path }
        var name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        for ending in [".gz", ".zst"] where name.hasSuffix(ending) && name.count > ending.count {
            name.removeLast(ending.count)
        }
        return name
    }
}
