import RevalCore
import RevalFormats

/// Reads a list of ids, one per line (a final "\r" dropped): the row ids of a `.npy`
/// matrix. Blank lines and repeated ids are errors at their line.
///
/// ```swift
/// let ids = try IdListReader.read(path: "test.ids")
/// ```
public enum IdListReader {
    public static func read(path: String) throws(InputError) -> [String] {
        var lines = LineReader(try openInput(path), name: path)
        var ids: [String] = []
        var seen: [String: Int] = [:]
        try lines.forEachLine { line, number throws(InputError) in
            var end = line.count
            if end > 0 && line[end - 1] == 0x0d { end -= 1 }
            let id = String(rawBytes: UnsafeRawBufferPointer(rebasing: line[..<end]))
            guard !id.isEmpty else { throw InputError(file: path, line: number, message: "blank line; expected one id per line") }
            if let first = seen[id] {
                throw InputError(file: path, line: number, message: "id '\(id)' is on line \(first) already; expected each id once")
            }
            seen[id] = number
            ids.append(id)
        }
        return ids
    }
}
