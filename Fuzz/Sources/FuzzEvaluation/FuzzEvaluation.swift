import FuzzSupport
import RevalCore
import RevalFormats

// fuzz-max-len: 4096

/// A TREC run from the fuzzer's bytes, evaluated with every all_trec measure against qrels
/// made from its own docnos (every other document judged, grades -1 to 2), under -c, -J,
/// -M and -l values taken from the input's length, and printed as trec_eval prints.
/// Scores such as inf, -0, 1e-320 and ties must rank and score without a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvaluation(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let run = try? TrecRunReader.parse(bytes: Fuzz.bytes(data, size), name: "fuzz", batchBytes: size + 64) else {
        return 0
    }
    var qrels = Qrels()
    for topic in run.topics {
        for i in stride(from: 0, to: topic.count, by: 2) {
            qrels.add(topic: topic.topic, docno: topic.docno(i), grade: i % 4 - 1)
        }
    }
    let ranking = RankingOptions(maxRetrieved: size % 3 == 0 ? size % 5 : nil,
                                 judgedOnly: size % 2 == 0, relevanceLevel: size % 4 - 1)
    let options = EvaluationOptions(ranking: ranking, completeTopics: size % 5 == 0)
    let evaluation = Evaluator.evaluate(run: run, qrels: qrels, measures: measures, options: options, threads: 1)
    _ = TrecEvalText.write(evaluation, perTopic: true, summary: true)
    return 0
}

private let measures = (try? MeasureCatalog.select(["all_trec"])) ?? []
