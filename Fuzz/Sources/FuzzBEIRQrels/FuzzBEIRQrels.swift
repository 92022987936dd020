import FuzzSupport
import RevalCore
import RevalFormats

// fuzz-max-len: 4096

/// BEIR qrels (`query-id<TAB>corpus-id<TAB>score` after a header) from the fuzzer's bytes,
/// read whole and again in reads of 1 to 7 bytes: both must give the same Qrels or fail
/// alike.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBEIRQrels(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    Fuzz.compareWholeAndTrickled(
        Fuzz.bytes(data, size), step: 1 + size % 7,
        read: { source throws(InputError) in try BEIRQrelsReader.read(path: "fuzz", source: source) },
        summary: { qrels in
            _ = qrels.sortedTopicIDs
            return Fuzz.summary(qrels)
        }
    )
    return 0
}
