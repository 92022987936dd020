import FuzzSupport
import RevalCore
import RevalFormats

// fuzz-max-len: 4096

/// TREC qrels from the fuzzer's bytes (plain, or gzip/zstd when they start so), read with a
/// large buffer and again with a tiny one (lines across reads): both must give the same
/// Qrels or the same error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTrecQrels(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Fuzz.bytes(data, size)
    let chunkSize = 1 + size % 7
    let large = Result { () throws(InputError) in try TrecQrelsReader.parse(bytes: bytes, name: "fuzz") }
    let small = Result { () throws(InputError) in try TrecQrelsReader.parse(bytes: bytes, name: "fuzz", chunkSize: chunkSize) }
    switch (large, small) {
    case (.success(let a), .success(let b)):
        Fuzz.require(Fuzz.summary(a) == Fuzz.summary(b), "qrels differ with chunk size \(chunkSize)")
        _ = a.sortedTopicIDs
    case (.failure(let a), .failure(let b)):
        Fuzz.require(Fuzz.sameFailure(a, b), "errors differ: \(a) vs \(b)")
    default:
        Fuzz.require(false, "one read failed, the other did not (chunk size \(chunkSize))")
    }
    return 0
}
