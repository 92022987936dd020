import FuzzSupport
import RevalCore
import RevalFormats

// fuzz-max-len: 4096
// fuzz-rss-limit-mb: 4096
// (FoundationXML leaks a small string for every error libxml2 reports, a few hundred bytes
// per execution on average: 10 million executions need more than 2 GB.)

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
