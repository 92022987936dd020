import FuzzSupport
import RevalCLI

// fuzz-max-len: 256

/// A trec_eval command line from the fuzzer's bytes (one argument per line), parsed as
/// `reval eval` parses it: glued and grouped options, `--`, measures. Arguments with "/"
/// are dropped so no real file outside the working folder is opened; `-` reads stdin,
/// which run.sh connects to /dev/null. Every outcome must be an exit code and a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvalArguments(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let arguments = Fuzz.bytes(data, size).split(separator: 0x0a)
        .map { String(decoding: $0, as: UTF8.self) }
        .filter { !$0.contains("/") }
    let output = RevalMain.evalOutput(arguments)
    Fuzz.require([0, 1, 2, 4].contains(output.exitCode), "exit code \(output.exitCode)")
    Fuzz.require(output.exitCode == 0 || !output.stderr.isEmpty, "failed without a message")
    return 0
}
