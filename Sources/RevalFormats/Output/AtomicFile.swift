#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RevalCore

/// A file reval could not write.
///
/// Its `description` is the one line reval prints: `reval: FILE: what went wrong`.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var exitCode: Int32

    public init(file: String, message: String, exitCode: Int32 = 2) {
        self.file = file
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { "\(file): \(message)" }
}

/// Writes a file so that readers only ever see the old content or the complete new one:
/// the bytes go to a temporary file `.NAME.XXXXXX` in the same folder, which is flushed
/// to disk and then renamed over `path`. On any error, thrown by the writing or by
/// `body`, the temporary file is removed and `path` is left as it was.
///
/// A file that exists keeps its permissions; a new one gets 0666 less the umask, as any
/// created file. Killed with SIGKILL part way, reval may leave the temporary file, never a
/// partial `path`. A symbolic link at `path` is replaced by the file, not written through.
///
/// A stream is written straight to instead (`StreamTarget`: `/dev/null`, a FIFO,
/// `/dev/stdout`): nothing is renamed over it, and what `body` wrote before an error has
/// gone out.
///
/// ```swift
/// try AtomicFile.write(Array("map\tall\t0.3773\n".utf8), to: "report.txt")
/// try AtomicFile.write(to: "report.txt") { out in
///     try out.write("num_q\tall\t43\n")
/// }
/// ```
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        do {
            try write(to: path) { out in try out.write(bytes) }
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(file: path, message: "\(error)")
        }
    }

    /// Calls `body` with a writer for the new content and puts it in place when `body`
    /// returns. Errors from `body` are rethrown after the temporary file is removed.
    public static func write(to path: String, _ body: (inout Writer) throws -> Void) throws {
        if StreamTarget.isStream(path) { return try writeStream(to: path, body) }
        let (temporary, fd) = try createTemporary(besides: path)
        var committed = false
        var writer = Writer(fd: fd, path: path)
        defer {
            if writer.fd >= 0 { close(writer.fd) }
            if !committed { unlink(temporary) }
        }
        try body(&writer)
        try writer.flush()
        var existing = stat()
        if stat(path, &existing) == 0 && fchmod(fd, existing.st_mode & 0o7777) != 0 {
            throw writer.failure("cannot keep the permissions of the file it replaces")
        }
        if fsync(fd) != 0 { throw writer.failure("cannot flush to disk") }
        if close(fd) != 0 {
            writer.fd = -1
            throw writer.failure("cannot close")
        }
        writer.fd = -1
        if rename(temporary, path) != 0 { throw writer.failure("cannot move the new file into place") }
        committed = true
        syncFolder(of: path)
    }

    /// Whether `path` is a stream, written straight to rather than replaced (`StreamTarget`).
    public static func isStream(_ path: String) -> Bool { StreamTarget.isStream(path) }

    private static func writeStream(to path: String, _ body: (inout Writer) throws -> Void) throws {
        let (fd, owned) = try StreamTarget.open(path)
        var writer = Writer(fd: fd, path: path)
        defer { if owned { close(fd) } }
        try body(&writer)
        try writer.flush()
    }

    /// Buffered writes into the temporary file (or the stream).
    public struct Writer {
        fileprivate var fd: Int32
        private let path: String
        private var buffer: [UInt8] = []
        private static let bufferSize = 1 << 16
        /// Bytes written to the file, and how far the kernel has been asked to start writing
        /// them to disk: every `writebackStep` bytes it is, so that the `fsync` at the end
        /// waits for the last step only, not for the whole file (a fused run is 340 MB).
        private var written = 0
        private var writebackStart = 0
        private static let writebackStep = 32 << 20

        fileprivate init(fd: Int32, path: String) {
            self.fd = fd
            self.path = path
            buffer.reserveCapacity(Self.bufferSize)
        }

        public mutating func write(_ bytes: some Sequence<UInt8>) throws(OutputError) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.bufferSize { try flush() }
        }

        /// Writes `bytes`; a block of a quarter of the buffer or more goes to the file without
        /// being copied into the buffer first.
        public mutating func write(_ bytes: [UInt8]) throws(OutputError) {
            var failure: OutputError?
            bytes.withUnsafeBytes { raw in
                do throws(OutputError) { try write(bytes: raw) } catch { failure = error }
            }
            if let failure { throw failure }
        }

        /// Writes `bytes`, as `write(_: [UInt8])` does.
        public mutating func write(bytes: UnsafeRawBufferPointer) throws(OutputError) {
            guard bytes.count >= Self.bufferSize / 4 else {
                buffer.append(contentsOf: bytes)
                if buffer.count >= Self.bufferSize { try flush() }
                return
            }
            try flush()
            if let failure = writeAll(bytes) { throw failure }
        }

        /// Writes a String's bytes as they were read (`String.rawBytes`: ids that were not
        /// UTF-8 come out as the bytes they were).
        public mutating func write(_ text: String) throws(OutputError) {
            try write(text.rawBytes)
        }

        fileprivate mutating func flush() throws(OutputError) {
            // Taken out while written (writeAll changes self), and put back, still unique.
            var pending: [UInt8] = []
            swap(&pending, &buffer)
            let failure = pending.withUnsafeBytes { writeAll($0) }
            pending.removeAll(keepingCapacity: true)
            buffer = pending
            if let failure { throw failure }
        }

        /// Writes all of `bytes`; the error when the file refuses them.
        private mutating func writeAll(_ bytes: UnsafeRawBufferPointer) -> OutputError? {
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return failure("cannot write") }
                offset += n
            }
            written += bytes.count
            if written - writebackStart >= Self.writebackStep { startWriteback() }
            return nil
        }

        /// Asks the kernel to start writing the bytes since the last step to disk, without
        /// waiting: on Linux, POSIX_FADV_DONTNEED starts the writeback of the dirty pages of
        /// the range (and drops only pages already clean, none of these). A hint: its
        /// failure changes nothing.
        private mutating func startWriteback() {
            #if os(Linux)
            _ = posix_fadvise(fd, off_t(writebackStart), off_t(written - writebackStart), POSIX_FADV_DONTNEED)
            #endif
            writebackStart = written
        }

        fileprivate func failure(_ what: String) -> OutputError {
            OutputError(file: path, message: "\(what): \(String(cString: strerror(errno)))")
        }
    }

    /// Creates `.NAME.XXXXXX` next to `path` with O_EXCL. Not mkstemp: its mode 0600 would
    /// make every new report readable by its owner only.
    private static func createTemporary(besides path: String) throws(OutputError) -> (String, Int32) {
        let (folder, name) = split(path)
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for _ in 0..<100 {
            let suffix = String((0..<6).map { _ in letters[Int(generator.next() % UInt64(letters.count))] })
            let temporary = folder + "." + name + "." + suffix
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { return (temporary, fd) }
            if errno != EEXIST {
                let reason = String(cString: strerror(errno))
                let place = folder.isEmpty ? "the current folder" : "folder '\(folder)'"
                throw OutputError(file: path, message: "cannot create a file in \(place): \(reason)")
            }
        }
        throw OutputError(file: path, message: "cannot find a free temporary name")
    }

    /// The folder part (with its final "/", or empty) and the name of `path`.
    private static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }

    /// Makes the rename itself durable; failure here loses nothing already written.
    private static func syncFolder(of path: String) {
        let folder = split(path).0
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
