// Times `reval split make`'s similarity search on synthetic MS MARCO-sized data (see
// SplitBenchmarkData): TF-IDF cosine through the inverted index, and the cosine of
// 384-dimensional embeddings by blocked dot products, each with 1 and 2 threads, plus
// k-means buckets (K = 5) over both. Prints one line per measurement, the median of REPEATS.
// Usage: split-bench [REPEATS] [TRAINING] [TEST]      (defaults 3, 100000, 7000)

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BenchmarkData
import Foundation
import RevalSplits

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func cpu() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func peakRSS() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
}

let arguments = CommandLine.arguments
let repeats = arguments.count > 1 ? Int(arguments[1]) ?? 3 : 3
var data = SplitBenchmarkData()
if arguments.count > 2, let n = Int(arguments[2]) { data.trainingCount = n }
if arguments.count > 3, let n = Int(arguments[3]) { data.testCount = n }

/// Runs `body` `repeats` times; prints the median wall and CPU seconds; returns its last result.
@discardableResult
func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
    var walls: [Double] = [], cpus: [Double] = []
    var result: T?
    for _ in 0..<repeats {
        let (w0, c0) = (now(), cpu())
        result = try body()
        walls.append(now() - w0)
        cpus.append(cpu() - c0)
    }
    let median = { (x: [Double]) in x.sorted()[x.count / 2] }
    let padded = name + String(repeating: " ", count: max(0, 52 - name.count))
    print(padded + String(format: " wall %7.3f s  cpu %7.3f s  (median of %d)", median(walls), median(cpus), repeats))
    return result!
}

print("machine: \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) cores; \(data.trainingCount) training x \(data.testCount) test queries")
let (w0, c0) = (now(), cpu())
let texts = data.texts()
let (trainRows, testRows) = data.embeddings()
print(String(format: "generate synthetic data: %.3f s wall, %.3f s cpu", now() - w0, cpu() - c0))

var train = EmbeddingMatrix(dimension: data.dimension)
var test = EmbeddingMatrix(dimension: data.dimension)
for i in 0..<data.trainingCount { train.append(id: "t\(i)", vector: Array(trainRows[i * data.dimension ..< (i + 1) * data.dimension])) }
for i in 0..<data.testCount { test.append(id: "q\(i)", vector: Array(testRows[i * data.dimension ..< (i + 1) * data.dimension])) }
let unitTrain = try measure("embeddings: normalise \(data.trainingCount) training rows") { try train.normalised(source: "train") }
let unitTest = try unitTrain.dimension == test.dimension ? test.normalised(source: "test") : test

// Reading: the training matrix as .npy (with its id list), the test matrix as JSON Lines.
let folder = NSTemporaryDirectory() + "reval-split-bench"
try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(data.trainingCount), \(data.dimension)), }"
while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
header += "\n"
var npy = Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count & 0xff), UInt8(header.utf8.count >> 8)] + Array(header.utf8))
trainRows.withUnsafeBytes { npy.append(contentsOf: $0) }
try npy.write(to: URL(fileURLWithPath: folder + "/train.npy"))
try Data(train.ids.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: folder + "/train.ids"))
var jsonl = ""
for i in 0..<data.testCount {
    jsonl += "{\"id\": \"q\(i)\", \"vector\": [" + test.row(i).map { "\($0)" }.joined(separator: ", ") + "]}\n"
}
try Data(jsonl.utf8).write(to: URL(fileURLWithPath: folder + "/test.jsonl"))
let npyMB = Double(npy.count) / 1e6, jsonlMB = Double(jsonl.utf8.count) / 1e6
let readTrain = try measure(String(format: "read .npy training matrix (%.0f MB)", npyMB)) {
    try EmbeddingsReader.read(path: folder + "/train.npy", ids: folder + "/train.ids")
}
let readTest = try measure(String(format: "read JSONL test embeddings (%.0f MB)", jsonlMB)) {
    try EmbeddingsReader.read(path: folder + "/test.jsonl", ids: nil)
}
print("read back exactly: \(readTrain.values == train.values && readTest.values == test.values)")
try? FileManager.default.removeItem(atPath: folder)

var lexical: [[NearestNeighbour]] = []
for threads in [1, 2] {
    lexical.append(measure("lexical TF-IDF nearest neighbour (\(threads) thread\(threads == 1 ? "" : "s"))") {
        QuerySimilarity.nearestLexical(training: texts.training, test: texts.test, threads: threads)
    })
}
var dense: [[NearestNeighbour]] = []
for threads in [1, 2] {
    dense.append(measure("384-dim embedding nearest neighbour (\(threads) thread\(threads == 1 ? "" : "s"))") {
        QuerySimilarity.nearestDense(training: unitTrain, test: unitTest, threads: threads)
    })
}
let kDense = try measure("k-means K=5 over \(data.trainingCount + data.testCount) embeddings (2 threads)") {
    try QuerySimilarity.clusterDense(training: unitTrain, test: unitTest, k: 5, seed: 1, threads: 2)
}
let kLexical = try measure("k-means K=5 over \(data.trainingCount + data.testCount) TF-IDF vectors (2 threads)") {
    try QuerySimilarity.clusterLexical(training: texts.training, test: texts.test, k: 5, seed: 1, threads: 2)
}
print("same result with 1 and 2 threads: lexical \(lexical[0] == lexical[1]), dense \(dense[0] == dense[1])")
print("k-means iterations: embeddings \(kDense.iterations) (converged \(kDense.converged)), TF-IDF \(kLexical.iterations) (converged \(kLexical.converged))")
let nearDuplicates = lexical[0].enumerated().filter { $0.offset % 2 == 0 }.map(\.element.similarity)
print(String(format: "lexical: mean nearest similarity %.3f on near-duplicate test queries, %.3f on fresh ones",
             nearDuplicates.reduce(0, +) / Double(nearDuplicates.count),
             lexical[0].enumerated().filter { $0.offset % 2 == 1 }.map(\.element.similarity).reduce(0, +) / Double(data.testCount / 2)))
print("peak RSS: \(peakRSS()) MB")
