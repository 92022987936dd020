import Benchmark
import BenchmarkData
import Foundation
import RevalCLI
import RevalCore
import RevalFormats

/// Benchmarks of each stage on a 500 x 1000 slice of the benchmark collection (500,000
/// run lines): parsing, ranking and judging, evaluating, and the whole CLI path.
/// `compare.sh` times the full 7000 x 1000 run against other tools.
let benchmarks: @Sendable () -> Void = {
    let folder = NSTemporaryDirectory() + "reval-benchmarks"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    _ = BenchmarkCollection(topics: 500, docsPerTopic: 1000).write(to: folder)
    let runPath = folder + "/run.txt", qrelsPath = folder + "/qrels.txt"
    let qrels = try! TrecQrelsReader.read(path: qrelsPath)
    let run = try! TrecRunReader.read(path: runPath, threads: 1)
    let official = try! MeasureCatalog.select(["official"])
    let allTrec = try! MeasureCatalog.select(["all_trec"])
    let options = EvaluationOptions()

    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
                                           maxDuration: .seconds(10), maxIterations: 20)

    Benchmark("parse 500k-line TREC run (1 thread)") { benchmark in
        blackHole(try TrecRunReader.read(path: runPath, threads: 1))
    }
    Benchmark("parse 500k-line TREC run (2 threads)") { benchmark in
        blackHole(try TrecRunReader.read(path: runPath, threads: 2))
    }
    Benchmark("rank and judge 500 topics x 1000") { benchmark in
        for topic in run.topics {
            blackHole(try topic.judged(by: qrels[topic.topic]!, options: options.ranking))
        }
    }
    Benchmark("evaluate official measures (1 thread)") { benchmark in
        blackHole(Evaluator.evaluate(run: run, qrels: qrels, measures: official, options: options, threads: 1))
    }
    Benchmark("evaluate all_trec measures (1 thread)") { benchmark in
        blackHole(Evaluator.evaluate(run: run, qrels: qrels, measures: allTrec, options: options, threads: 1))
    }
    Benchmark("CLI: reval eval qrels run (default threads)") { benchmark in
        blackHole(RevalMain.evalOutput([qrelsPath, runPath]))
    }
}
