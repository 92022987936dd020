#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `bytes.withUnsafeBytes(body)` for a body that throws InputError (the standard library
/// version rethrows untyped errors).
func withRawBytes<R>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(InputError) -> R) throws(InputError) -> R {
    let result: Result<R, InputError> = bytes.withUnsafeBytes { raw in
        Result { () throws(InputError) -> R in try body(raw) }
    }
    return try result.get()
}

/// Every byte of `source`, for formats read whole (JSON). An error of the source (a
/// truncated stream, a misplaced byte order mark) is placed at the line it interrupted.
public func readWholeInput(_ source: any ByteSource) throws(InputError) -> [UInt8] {
    var source = source
    var bytes: [UInt8] = []
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    defer { chunk.deallocate() }
    while true {
        let n: Int
        do {
            n = try source.read(into: chunk)
        } catch {
            var newlines = 0
            for b in bytes where b == 0x0a { newlines += 1 }
            throw error.at(line: newlines + 1)
        }
        if n == 0 { return bytes }
        bytes.append(contentsOf: chunk[..<n])
    }
}

/// Whether `path` names an existing regular file or folder.
public func fileExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
}

/// Whether `path` can be opened again and read from its start: a regular file (through any
/// links). Standard input (`-`), a pipe (`<(zcat run.gz)`, a FIFO, `/dev/stdin` on a pipe) or a
/// device gives its bytes once, so a reader that would look at an input's first bytes and
/// then open it again, or read it a second time, reads such an input once instead.
public func canReadTwice(_ path: String) -> Bool {
    guard path != "-" else { return false }
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
}

/// Whether `a` and `b` name the same input: the same path, or the same file, pipe or device
/// (`-` is standard input).
public func sameInput(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    var infoA = stat(), infoB = stat()
    func status(_ path: String, _ info: inout stat) -> Bool {
        path == "-" ? fstat(0, &info) == 0 : stat(path, &info) == 0
    }
    return status(a, &infoA) && status(b, &infoB) && infoA.st_dev == infoB.st_dev && infoA.st_ino == infoB.st_ino
}

/// Whether `path` names a folder.
public func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}
