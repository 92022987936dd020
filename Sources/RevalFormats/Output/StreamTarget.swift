#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An output path that names a stream, not a file: a descriptor reval already has open
/// (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`), or a device, FIFO or
/// socket that exists (`/dev/null`, a named pipe). `AtomicFile` writes these straight
/// through: renaming a new file over one would replace the device node or the link, which
/// root may do (`/dev/null` became a regular file until 2026-12-01), instead of writing
/// to it.
enum StreamTarget {
    /// Whether `path` is a stream.
    static func isStream(_ path: String) -> Bool {
        if openDescriptor(named: path) != nil { return true }
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let kind = status.st_mode & S_IFMT
        return kind == S_IFCHR || kind == S_IFBLK || kind == S_IFIFO || kind == S_IFSOCK
    }

    /// A descriptor to write `path`'s stream to, and whether the caller closes it. A
    /// descriptor alias is written to as it is (a shell's `>>` keeps appending), not
    /// opened again.
    static func open(_ path: String) throws(OutputError) -> (fd: Int32, owned: Bool) {
        if let fd = openDescriptor(named: path) { return (fd, false) }
        while true {
            let fd = Glibc.open(path, O_WRONLY | O_CLOEXEC)
            if fd >= 0 { return (fd, true) }
            if errno == EINTR { continue }
            throw OutputError(file: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
    }

    /// N for `/dev/fd/N` and `/proc/self/fd/N`, 1 and 2 for `/dev/stdout` and
    /// `/dev/stderr`, when that descriptor is open.
    private static func openDescriptor(named path: String) -> Int32? {
        let number: Substring
        switch path {
        case "/dev/stdout": number = "1"
        case "/dev/stderr": number = "2"
        default:
            guard let prefix = ["/dev/fd/", "/proc/self/fd/"].first(where: path.hasPrefix) else { return nil }
            number = path.dropFirst(prefix.count)
        }
        guard let fd = Int32(number), fd >= 0, fcntl(fd, F_GETFD) >= 0 else { return nil }
        return fd
    }
}
