import FuzzSupport
import RevalCore
import RevalFormats

// fuzz-max-len: 4096

/// BEIR results JSON from the fuzzer's bytes: read twice, the two reads must agree
/// (the same Run or the same error), and nothing may crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBEIRResults(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Fuzz.bytes(data, size)
    let first = Result { () throws(InputError) in try BEIRResultsReader.read(path: "fuzz", source: MemorySource(bytes)) }
    let second = Result { () throws(InputError) in try BEIRResultsReader.read(path: "fuzz", source: MemorySource(bytes)) }
    Fuzz.requireAlike(first, second, "two reads of the same JSON", summary: Fuzz.summary)
    return 0
}
