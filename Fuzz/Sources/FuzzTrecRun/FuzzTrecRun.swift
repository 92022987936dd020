import FuzzSupport
import RevalCore
import RevalFormats

// fuzz-max-len: 4096

/// A TREC run from the fuzzer's bytes (plain, or gzip/zstd when they start so), parsed as
/// one batch and again in batches of 64 to 127 bytes, both read on this thread; every
/// sixteenth input is parsed a third time with the read-ahead thread, in batches of 256 to
/// 511 bytes split over 2 or 3 parsing threads. All must give the same Run or fail alike.
/// (On this project's VM a threaded parse costs some fifty times the others, in thread
/// hand-offs, so it runs on a share of the inputs.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTrecRun(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Fuzz.bytes(data, size)
    func parse(threads: Int, batchBytes: Int, readAhead: Bool) -> Result<Run, InputError> {
        Result { () throws(InputError) in
            try TrecRunReader.parse(bytes: bytes, name: "fuzz", threads: threads, batchBytes: batchBytes,
                                    readAhead: readAhead)
        }
    }
    let whole = parse(threads: 1, batchBytes: size + 64, readAhead: false)
    var others = [("batched", parse(threads: 1, batchBytes: 64 + size % 64, readAhead: false))]
    if size % 16 == 0 {
        others.append(("threaded", parse(threads: 2 + size % 2, batchBytes: 256 + size % 256, readAhead: true)))
    }
    for (label, other) in others {
        Fuzz.requireAlike(whole, other, "whole vs \(label) parsing", summary: Fuzz.summary)
    }
    return 0
}
