import FuzzSupport
import RevalCore
import RevalFormats

// fuzz-max-len: 4096

/// BEIR results JSON from the fuzzer's bytes, read in one piece on one thread and in
/// small batches cut into pieces on three threads: the two reads must agree (the same Run
/// or the same error), and nothing may crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBEIRResults(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Fuzz.bytes(data, size)
    let first = Result { () throws(InputError) in try BEIRResultsReader.read(path: "fuzz", source: MemorySource(bytes), threads: 1) }
    let second = Result { () throws(InputError) in
        try BEIRResultsReader.read(path: "fuzz", source: MemorySource(bytes), threads: 3, batchBytes: 16 + size % 97)
    }
    Fuzz.requireAlike(first, second, "one batch on one thread, and small batches on three", summary: Fuzz.summary)
    return 0
}
