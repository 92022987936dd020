#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths of an experiment: relative ones are read against the experiment file's folder and
/// simplified by their text (`Reports/../Qrels/x` → `Qrels/x`), so messages name files the
/// way a user would type them.
enum ExperimentPaths {
    /// The folder of `file` (`.` when it has none).
    static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        let folder = String(file[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// `path` read against `folder`.
    static func resolve(_ path: String, against folder: String) -> String {
        if path.hasPrefix("/") || folder == "." { return normalize(path) }
        return normalize(folder + "/" + path)
    }

    /// Drops `.` components and folds `dir/..` pairs.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == ".." && absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `stream`: a pipe, device or socket, which can be read only once.
    enum Kind { case file, folder, stream, missing }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return .stream
        }
    }

    /// Why an experiment's input cannot be a pipe or device.
    static let readTwice = "an experiment reads its inputs more than once (to evaluate them, then to hash them "
        + "for the reports' input digest)"
}
