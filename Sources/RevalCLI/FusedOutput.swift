#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RevalFormats

/// Where `reval fuse` writes the fused run: a file, written atomically (`AtomicFile`); or a
/// device or pipe that exists already (`/dev/null`, `/dev/stdout`, a FIFO), written straight
/// to, since renaming a file over it would replace the device instead of writing to it.
enum FusedOutput {
    /// Calls `body` with a function that writes bytes to `path`.
    static func write(to path: String, _ body: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        var status = stat()
        let isStream = stat(path, &status) == 0 && (status.st_mode & S_IFMT == S_IFCHR || status.st_mode & S_IFMT == S_IFIFO)
        guard isStream else {
            try AtomicFile.write(to: path) { writer in try body { try writer.write($0) } }
            return
        }
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError(file: path, message: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try body { bytes in
            let failed = bytes.withUnsafeBytes { raw -> Bool in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { return true }
                    offset += n
                }
                return false
            }
            if failed { throw OutputError(file: path, message: "cannot write: \(String(cString: strerror(errno)))") }
        }
    }
}
