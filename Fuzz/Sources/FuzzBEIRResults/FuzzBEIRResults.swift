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
    switch (first, second) {
    case (.success(let a), .success(let b)):
        Fuzz.require(Fuzz.summary(a) == Fuzz.summary(b), "two reads of the same JSON differ")
    case (.failure(let a), .failure(let b)):
        Fuzz.require(Fuzz.sameFailure(a, b), "errors differ: \(a) vs \(b)")
    default:
        Fuzz.require(false, "one read failed, the other did not")
    }
    return 0
}
