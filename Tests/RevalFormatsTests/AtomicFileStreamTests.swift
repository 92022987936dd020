import Foundation
import Glibc
import Testing
import RevalFormats

/// AtomicFile on a path that is a stream: written straight to, never replaced by a file.
/// (Until 2026-12-01 a new file was renamed over it: run as root, `reval convert run
/// /dev/null` turned /dev/null into a regular file.)
@Suite("Atomic file writes to streams")
struct AtomicFileStreamTests {
    let content = Array("264014 Q0 5611210 1 15.78 bm25\n".utf8)

    func kind(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    func names(in dir: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
    }

    /// Everything a descriptor holds now, read without blocking.
    func drain(_ fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n <= 0 { break }
            bytes += chunk[..<n]
        }
        return bytes
    }

    @Test("a FIFO gets the bytes and stays a FIFO; no temporary file is left beside it")
    func fifo() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        // A reader that does not block, so that opening for writing succeeds at once; the
        // bytes wait in the pipe until read.
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try AtomicFile.write(content, to: path)
        #expect(drain(reader) == content)
        #expect(kind(path) == S_IFIFO)
        #expect(try names(in: dir) == ["pipe"])
        #expect(AtomicFile.isStream(path))
    }

    @Test("/dev/fd/N and /proc/self/fd/N write to descriptor N as it is: a file opened to append keeps its bytes",
          arguments: ["/dev/fd/", "/proc/self/fd/"])
    func descriptorAlias(prefix: String) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("old\n", name: "log.txt")
        let fd = open(path, O_WRONLY | O_APPEND)
        #expect(fd >= 0)
        try AtomicFile.write(content, to: prefix + "\(fd)")
        #expect(fcntl(fd, F_GETFD) >= 0, "the descriptor is still open")
        close(fd)
        #expect(try Fixtures.bytesAt(path) == Array("old\n".utf8) + content)
        #expect(try names(in: dir) == ["log.txt"])
    }

    @Test("a pipe's write end named as /dev/fd/N gets the bytes written through a Writer")
    func pipeDescriptor() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
        try AtomicFile.write(to: "/dev/fd/\(ends[1])") { out in
            try out.write("one\n")
            try out.write(content)
        }
        close(ends[1])
        #expect(drain(ends[0]) == Array("one\n".utf8) + content)
    }

    /// A device node made in `dir`, for the tests never to name a real one in /dev: were the
    /// stream handling broken, the write would replace it. Making a node needs root; nil
    /// without it, and there is nothing to check.
    func deviceNode(_ name: String, minor: dev_t, in dir: TemporaryDirectory) -> String? {
        let path = dir.url.appendingPathComponent(name).path
        return mknod(path, S_IFCHR | 0o666, 0x100 | minor) == 0 ? path : nil
    }

    @Test("a character device (a copy of /dev/null's node) stays a device")
    func characterDevice() throws {
        let dir = try TemporaryDirectory()
        guard let path = deviceNode("null", minor: 3, in: dir) else { return }
        try AtomicFile.write(content, to: path)
        #expect(kind(path) == S_IFCHR)
        #expect(try names(in: dir) == ["null"])
    }

    @Test("a descriptor number that is not open is not a stream: the path is a file as any other")
    func closedDescriptor() {
        #expect(!AtomicFile.isStream("/dev/fd/987654"))
        #expect(!AtomicFile.isStream("/proc/self/fd/x"))
    }

    @Test("a stream that refuses the bytes (a copy of /dev/full's node) is an OutputError naming it")
    func refused() throws {
        let dir = try TemporaryDirectory()
        guard let path = deviceNode("full", minor: 7, in: dir) else { return }
        let error = #expect(throws: OutputError.self) { try AtomicFile.write(content, to: path) }
        #expect(error?.description.hasPrefix("\(path): cannot write") == true, "\(String(describing: error))")
        #expect(error?.exitCode == 2)
        #expect(kind(path) == S_IFCHR)
    }
}
