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
    /// Whether `path` is a device or a pipe, written straight to.
    static func isStream(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT == S_IFCHR || status.st_mode & S_IFMT == S_IFIFO)
    }

    /// Calls `body` with a function that writes bytes to `path`.
    static func write(to path: String, _ body: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        guard isStream(path) else {
            try AtomicFile.write(to: path) { writer in try body { try writer.write(bytes: $0) } }
            return
        }
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError(file: path, message: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try body { bytes in
            var offset = 0
            var failed = false
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failed = true
                    break
                }
                offset += n
            }
            if failed { throw OutputError(file: path, message: "cannot write: \(String(cString: strerror(errno)))") }
        }
    }
}
