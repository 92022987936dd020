#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file in `$TMPDIR` (default `/tmp`), unlinked as soon as it is made so that
/// nothing is left behind whatever happens; closed when released.
final class TemporaryFile {
    let fd: Int32
    private let name: String

    /// `purpose` completes "cannot make a temporary file in FOLDER to ..." in the error;
    /// `name` is the input the file serves, which errors name.
    init(name: String, purpose: String) throws(InputError) {
        self.name = name
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/reval-spool-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else {
            throw InputError(file: name, message: "cannot make a temporary file in \(folder) to \(purpose): \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        fd = made
    }

    deinit { close(fd) }

    /// Writes all of `bytes` at the end of the file.
    func append(_ bytes: UnsafeRawBufferPointer) throws(InputError) {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw InputError(file: name, message: "cannot write to a temporary file: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    /// Reads `buffer.count` bytes from `offset`.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(InputError) {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw InputError(file: name, message: "cannot read back a temporary file: \(n < 0 ? String(cString: strerror(errno)) : "it is shorter than written")")
            }
            done += n
        }
    }
}
