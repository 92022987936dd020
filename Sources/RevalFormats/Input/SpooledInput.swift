#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A source that can be read again from the start: every byte read through it is also
/// written to an unnamed temporary file, so standard input or a pipe can stream like a file and
/// still be read a second time when its topics turn out to be interleaved.
///
/// The spool lives in `$TMPDIR` (default `/tmp`) and is unlinked as soon as it is made,
/// so nothing is left behind, whatever happens. Memory stays at one read's worth; the
/// operating system's page cache holds the spooled bytes.
///
/// ```swift
/// let spool = try SpooledInput(input.source, name: "-")
/// // ... read `spool` once, streaming ...
/// try spool.drain()
/// let again = try spool.replay()     // every byte from the start
/// ```
public final class SpooledInput: ByteSource {
    private var base: any ByteSource
    private let name: String
    private let file: TemporaryFile

    /// Spools `base`; `name` is the input's name in error messages.
    public init(_ base: any ByteSource, name: String) throws(InputError) {
        self.base = base
        self.name = name
        file = try TemporaryFile(name: name, purpose: "hold an input that can be read only once")
    }

    public var wantsDeeperReadAhead: Bool { base.wantsDeeperReadAhead }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let n = try base.read(into: buffer)
        if n > 0 { try spool(UnsafeRawBufferPointer(rebasing: buffer[..<n])) }
        return n
    }

    /// Reads what is left of the input into the spool.
    public func drain() throws(InputError) {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { chunk.deallocate() }
        while try read(into: chunk) > 0 {}
    }

    /// Every byte spooled so far, from the first.
    public func replay() throws(InputError) -> any ByteSource {
        let copy = dup(file.fd)
        guard copy >= 0, lseek(copy, 0, SEEK_SET) == 0 else {
            throw InputError(file: name, message: "cannot read back the spooled input: \(String(cString: strerror(errno)))")
        }
        return DescriptorSource(fd: copy, name: name)
    }

    private func spool(_ bytes: UnsafeRawBufferPointer) throws(InputError) {
        do {
            try file.append(bytes)
        } catch {
            throw InputError(file: name, message: "cannot spool the input: \(error.message)")
        }
    }
}

/// Reads an open descriptor to its end and closes it when released.
final class DescriptorSource: ByteSource {
    private let fd: Int32
    private let name: String

    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    deinit { close(fd) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw InputError(file: name, message: "read failed: \(String(cString: strerror(errno)))")
        }
    }
}
