import FuzzSupport
import RevalFormats

// fuzz-max-len: 4096

/// gzip data from the fuzzer's bytes (the first two forced to gzip's magic), decompressed
/// through `openInput` with 64 KiB reads and again with reads of 1 to 17 bytes: both must
/// end the same way, with the same bytes when they succeed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var bytes = Fuzz.bytes(data, size)
    for (i, magic) in [0x1f, 0x8b].enumerated() where i < bytes.count { bytes[i] = UInt8(magic) }
    Fuzz.compareReads(bytes, smallRead: 1 + size % 17)
    return 0
}
