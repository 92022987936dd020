import FuzzSupport
import RevalCore
import RevalFormats
import RevalTopics

// fuzz-max-len: 4096

/// Topic files from the fuzzer's bytes, read as each of the four formats and as detected:
/// topics or an InputError, never a crash, a hang or an entity expanded.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTopics(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Fuzz.bytes(data, size)
    for format in [nil] + TopicsFormat.allCases.map(Optional.some) {
        if case .success(let topics) = Result(catching: { () throws(InputError) in
            try TopicsReader.parse(bytes: bytes, name: "fuzz", format: format)
        }) {
            Fuzz.require(!topics.isEmpty, "topics read from \(format.map { "\($0)" } ?? "detected") are empty")
        }
    }
    return 0
}
