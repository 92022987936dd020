// Writes the deterministic benchmark collection (see BenchmarkCollection) into FOLDER.
// Usage: make-run FOLDER [TOPICS] [DOCS] [SEED] [--second-run]
//        (defaults 7000 x 1000: 7M lines, about 250 MB; --second-run also writes run-b.txt)

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BenchmarkData

func fail(_ message: String) -> Never {
    _ = message.withCString { write(2, $0, strlen($0)) }
    exit(1)
}

let secondRun = CommandLine.arguments.contains("--second-run")
let arguments = CommandLine.arguments.filter { $0 != "--second-run" }
guard arguments.count >= 2 else {
    fail("usage: make-run FOLDER [TOPICS] [DOCS] [SEED] [--second-run]\n")
}
var collection = BenchmarkCollection()
if arguments.count > 2, let n = Int(arguments[2]) { collection.topics = n }
if arguments.count > 3, let n = Int(arguments[3]) { collection.docsPerTopic = n }
if arguments.count > 4, let n = UInt64(arguments[4]) { collection.seed = n }
guard collection.write(to: arguments[1], secondRun: secondRun) else {
    fail("make-run: cannot write into \(arguments[1])\n")
}
