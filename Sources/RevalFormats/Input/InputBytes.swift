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


/// Whether `path` names an existing regular file or folder.
public func fileExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
}

/// Whether `path` names a folder.
public func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}
