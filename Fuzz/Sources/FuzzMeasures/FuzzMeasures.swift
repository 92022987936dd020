import FuzzSupport
import RevalCore
import RevalFormats

// fuzz-max-len: 256

/// trec_eval `-m` arguments from the fuzzer's bytes (one per line): selected, then every
/// measure selected evaluated on a small ranking and printed. Unknown names and bad
/// parameters must be a MeasureError, never a crash or a huge allocation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMeasures(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let arguments = Fuzz.bytes(data, size).split(separator: 0x0a).map { String(decoding: $0, as: UTF8.self) }
    guard let measures = try? MeasureCatalog.select(arguments) else { return 0 }
    let context = EvalContext(relevanceLevel: 1, documentsInCollection: size)
    for measure in measures {
        for ranking in rankings {
            let values = measure.evaluate(ranking, context)
            Fuzz.require(values.count == measure.valueNames.count, "\(measure.name): \(values.count) values")
            _ = measure.text(ranking, context)
        }
    }
    return 0
}

/// Rankings to evaluate on: a few relevant, one unjudged, one not pooled; and nothing at all.
private let rankings: [JudgedRanking] = {
    var qrels = Qrels()
    for (i, grade) in [2, 0, 1, -1, 3, 0].enumerated() { qrels.add(topic: "t", docno: "d\(i)", grade: grade) }
    var run = Run()
    for (i, docno) in ["d4", "x", "d0", "d1", "d3"].enumerated() { run.append(topic: "t", docno: docno, score: Double(-i)) }
    guard let topic = run["t"], let judged = qrels["t"],
          let ranked = try? topic.judged(by: judged, options: RankingOptions()),
          let empty = try? TopicRun(topic: "t").judged(by: judged, options: RankingOptions()) else { return [] }
    return [ranked, empty]
}()
