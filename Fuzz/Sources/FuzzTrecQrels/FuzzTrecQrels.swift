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
    Fuzz.requireAlike(large, small, "chunk size \(chunkSize)") { qrels in
        _ = qrels.sortedTopicIDs
        return Fuzz.summary(qrels)
    }
    return 0
}
