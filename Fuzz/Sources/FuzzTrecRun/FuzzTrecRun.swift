import FuzzSupport
import RevalCore
import RevalFormats

// fuzz-max-len: 4096

/// A TREC run from the fuzzer's bytes (plain, or gzip/zstd when they start so), parsed in
/// one batch on one thread and again in batches of 64 to 127 bytes on 1 to 3 threads: both
/// must give the same Run or fail alike.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTrecRun(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Fuzz.bytes(data, size)
    let whole = Result { () throws(InputError) in
        try TrecRunReader.parse(bytes: bytes, name: "fuzz", batchBytes: size + 64)
    }
    let batched = Result { () throws(InputError) in
        try TrecRunReader.parse(bytes: bytes, name: "fuzz", threads: 1 + size % 3, batchBytes: 64 + size % 64)
    }
    switch (whole, batched) {
    case (.success(let a), .success(let b)):
        Fuzz.require(Fuzz.summary(a) == Fuzz.summary(b), "runs differ between whole and batched parsing")
    case (.failure(let a), .failure(let b)):
        Fuzz.require(Fuzz.sameFailure(a, b), "errors differ: \(a) vs \(b)")
    default:
        Fuzz.require(false, "one parse failed, the other did not")
    }
    return 0
}
