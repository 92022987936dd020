import RevalCore
import RevalEval
import Testing
@testable import RevalSplits

/// Every bundled DL19 run and several measures on every bucket side, against side means
/// computed from trec_eval 10.0's own per-topic values (`-q -m all_trec`, the files in
/// Qrels/dl19-passage/expected). The per-topic values are printed to 4 decimals, so their
/// mean is within 0.00005 of the exact mean.
@Suite struct OtherRunsTests {
    /// The -m names and the printed names.
    static let measures = [("ndcg_cut.10", "ndcg_cut_10"), ("map", "map"), ("P.10", "P_10"), ("recip_rank", "recip_rank")]

    @Test(arguments: DL19.systems)
    func sideMeansMatchTrecEvalPerTopicValues(_ system: String) throws {
        let golden = try TrecEvalOutput.perTopic(Paths.dl19 + "/expected/\(system).dl19.q.all_trec.txt")
        let split = try DL19.buckets()
        let table = try DL19.table([system], measures: Self.measures.map(\.0))
        let result = SplitEvaluation(split: split, table: table, entries: [.run(system)])
        for (_, measure) in Self.measures {
            let perTopic = try #require(golden[measure])
            let m = try #require(result.measures.firstIndex(of: measure))
            for (bucket, computed) in zip(split.buckets, result.runs[0].buckets) {
                for label in ["interpolate", "extrapolate"] {
                    let topics = bucket.topics(labelled: label)
                    // A topic the run lacks scores 0 under -c.
                    let expected = topics.reduce(0.0) { $0 + (perTopic[$1] ?? 0) } / Double(topics.count)
                    let value = try #require(computed.results.side(label)?.values[m])
                    #expect(abs(value - expected) <= 0.00005 + 1e-12, "\(measure) \(bucket.name) \(label)")
                }
            }
        }
    }
}
