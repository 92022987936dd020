#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RevalFormats

/// Appending to `$GITHUB_STEP_SUMMARY`: the file's present bytes and the new text are
/// written atomically as its new content, so a summary is never cut half way (GitHub
/// reads the file after the step; other steps' text stays as it was). A stream
/// (`/dev/stdout`, a FIFO; `AtomicFile.isStream`), as when trying a gate locally, is
/// written to as it is: it has nothing to read back, and reading it would wait for input.
enum StepSummary {
    static func append(_ text: String, to path: String) throws(OutputError) {
        if AtomicFile.isStream(path) { return try AtomicFile.write(Array(text.utf8), to: path) }
        var bytes = try existing(path)
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        if !bytes.isEmpty { bytes.append(0x0A) }
        bytes += Array(text.utf8)
        try AtomicFile.write(bytes, to: path)
    }

    /// The file's bytes; none when it does not exist yet.
    static func existing(_ path: String) throws(OutputError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return [] }
            throw OutputError(file: path, message: "cannot read the step summary: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw OutputError(file: path, message: "cannot read the step summary: \(String(cString: strerror(errno)))") }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<n])
        }
    }
}

/// Whether an output file can be written, checked before anything is evaluated: its
/// folder exists and it is not itself a folder.
enum GateOutputPath {
    static func problem(_ path: String) -> String? {
        guard !path.isEmpty else { return "empty; expected a file name" }
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { return "is a folder; expected a file name" }
        var folder = "."
        if let slash = path.lastIndex(of: "/") { folder = slash == path.startIndex ? "/" : String(path[..<slash]) }
        guard ExperimentPathsCheck.isFolder(folder) else { return "folder '\(folder)' does not exist; expected an existing folder" }
        return nil
    }
}
