#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream of bytes: a file, standard input, or a decompressor over one of those.
public protocol ByteSource {
    /// Reads up to `buffer.count` bytes; returns 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
    /// Whether a reader should read two batches ahead rather than one (`LineBatchReader`):
    /// true for zstd, whose decoding of a batch takes about as long as parsing it on two
    /// cores. (gzip decodes slower than reval parses, so the parsing waits for it however
    /// far ahead it reads: a third buffer changed nothing but the memory, 97 to 115 MiB.)
    var wantsDeeperReadAhead: Bool { get }
}

extension ByteSource {
    public var wantsDeeperReadAhead: Bool { false }
}

/// Bytes from a file descriptor, read with read(2).
public final class FileSource: ByteSource {
    private let fd: Int32
    private let name: String
    private let ownsDescriptor: Bool

    /// Opens `path`; "-" is standard input.
    public init(path: String) throws(InputError) {
        name = path
        if path == "-" {
            fd = 0
            ownsDescriptor = false
        } else {
            let opened = open(path, O_RDONLY)
            if opened < 0 {
                throw InputError(file: path, message: "cannot open: \(String(cString: strerror(errno)))")
            }
            var info = stat()
            if fstat(opened, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                close(opened)
                throw InputError(file: path, message: "is a directory, expected a file")
            }
            fd = opened
            ownsDescriptor = true
        }
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw InputError(file: name, message: "read failed: \(String(cString: strerror(errno)))")
        }
    }
}

/// Bytes already read (for sniffing), then the rest of another source.
struct PrefixedSource: ByteSource {
    var prefix: [UInt8]
    var offset = 0
    var base: any ByteSource

    var wantsDeeperReadAhead: Bool { base.wantsDeeperReadAhead }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if offset < prefix.count {
            let n = min(buffer.count, prefix.count - offset)
            prefix.withUnsafeBytes { src in
                buffer.baseAddress!.copyMemory(from: src.baseAddress! + offset, byteCount: n)
            }
            offset += n
            return n
        }
        return try base.read(into: buffer)
    }
}

/// Compression of an input, recognised by its first bytes, never by its name.
public enum Compression: Sendable, Equatable {
    case none, gzip, zstd

    static func sniff(_ head: [UInt8]) -> Compression {
        if head.count >= 2 && head[0] == 0x1f && head[1] == 0x8b { return .gzip }
        if head.count >= 4 && head[0] == 0x28 && head[1] == 0xb5 && head[2] == 0x2f && head[3] == 0xfd { return .zstd }
        return .none
    }
}

/// Bytes held in memory, for tests, fuzzing and inputs that are already read.
///
/// ```swift
/// var lines = LineReader(MemorySource(Array("1 0 d1 1\n".utf8)), name: "qrels")
/// ```
public struct MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let n = min(buffer.count, bytes.count - offset)
        if n > 0 {
            bytes.withUnsafeBytes { src in
                buffer.baseAddress!.copyMemory(from: src.baseAddress! + offset, byteCount: n)
            }
            offset += n
        }
        return n
    }
}

/// Opens `path` ("-" for standard input), undoes gzip or zstd compression when the
/// first bytes show it, and skips a leading UTF-8 byte order mark (a later one is an
/// error: `ByteOrderMark`). Every reader opens its input here.
///
/// ```swift
/// var lines = LineReader(try openInput("run.txt.zst"), name: "run.txt.zst")
/// ```
public func openInput(_ path: String) throws(InputError) -> any ByteSource {
    try openInput(FileSource(path: path), name: path)
}

/// Undoes gzip or zstd compression of `source` when its first bytes show it and skips a
/// leading UTF-8 byte order mark; `name` is the file name errors carry.
public func openInput<Source: ByteSource>(_ source: Source, name: String) throws(InputError) -> any ByteSource {
    var source = source
    let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 4, alignment: 1)
    defer { scratch.deallocate() }
    var got = 0
    while got < 4 {
        let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: scratch[got...]))
        if n == 0 { break }
        got += n
    }
    let head = Array(scratch[..<got])
    let prefixed = PrefixedSource(prefix: head, base: source)
    let decompressed: any ByteSource
    switch Compression.sniff(head) {
    case .none: decompressed = prefixed
    case .gzip: decompressed = try GzipSource(prefixed, name: name)
    case .zstd: decompressed = try ZstdSource(prefixed, name: name)
    }
    return ByteOrderMarkFilter(decompressed, name: name)
}
