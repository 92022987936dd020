import FuzzSupport
import RevalCore
import RevalFormats

// fuzz-max-len: 4096

/// An MS MARCO run (`qid pid rank`) from the fuzzer's bytes, read whole and again in reads
/// of 1 to 7 bytes: both must give the same Run or fail alike.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMSMarcoRun(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    Fuzz.compareWholeAndTrickled(
        Fuzz.bytes(data, size), step: 1 + size % 7,
        read: { source throws(InputError) in try MSMarcoRunReader.read(path: "fuzz", source: source) },
        summary: { run in Fuzz.summary(run) }
    )
    return 0
}
