import FuzzSupport
import RevalFormats

// fuzz-max-len: 4096

/// zstd data from the fuzzer's bytes (the first four forced to zstd's magic), decompressed
/// through `openInput` with 64 KiB reads and again with reads of 1 to 17 bytes: both must
/// end the same way, with the same bytes when they succeed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZstd(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var bytes = Fuzz.bytes(data, size)
    for (i, magic) in [0x28, 0xb5, 0x2f, 0xfd].enumerated() where i < bytes.count { bytes[i] = UInt8(magic) }
    Fuzz.compareReads(bytes, smallRead: 1 + size % 17)
    return 0
}
