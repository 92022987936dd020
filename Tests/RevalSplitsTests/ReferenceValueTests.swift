import RevalCore
import RevalEval
import RevalFormats
import Testing
@testable import RevalSplits

/// DL19 BM25 on the ReSTTest buckets against trec_eval 10.0's printed values
/// (`trec_eval -c -m ndcg_cut.10 <bucket qrels> BM25 run`, the files in
/// Qrels/dl19-passage/resttest/expected) and the counts of the data's README.
@Suite struct ReferenceValueTests {
    struct Case: Sendable, CustomStringConvertible {
        var bucket: Int
        var side: String
        var n: Int
        var description: String { "bucket-\(bucket) \(side)" }
    }

    /// Topic counts from shared/data/interpolation-extrapolation/README.md.
    static let cases: [Case] = [
        Case(bucket: 1, side: "interpolate", n: 38), Case(bucket: 1, side: "extrapolate", n: 5),
        Case(bucket: 2, side: "interpolate", n: 26), Case(bucket: 2, side: "extrapolate", n: 17),
        Case(bucket: 3, side: "interpolate", n: 36), Case(bucket: 3, side: "extrapolate", n: 7),
        Case(bucket: 4, side: "interpolate", n: 30), Case(bucket: 4, side: "extrapolate", n: 13),
        Case(bucket: 5, side: "interpolate", n: 42), Case(bucket: 5, side: "extrapolate", n: 1),
    ]

    /// Evaluated once for all tests of the suite.
    static let evaluated = Result { () throws -> SplitEvaluation in
        SplitEvaluation(split: try DL19.buckets(), table: try DL19.table(["BM25"], measures: ["ndcg_cut.10"]),
                        entries: [.run("BM25")])
    }

    static func result() throws -> SplitEvaluation { try evaluated.get() }

    @Test(arguments: cases)
    func bucketSideMatchesTrecEval(_ c: Case) throws {
        let result = try Self.result()
        let bucket = try #require(result.runs[0].buckets.first { $0.bucket == "bucket-\(c.bucket)" })
        let side = try #require(bucket.results.side(c.side))
        let expected = try TrecEvalOutput.summaryText(
            Paths.resttest + "/expected/BM25.dl19.bucket-\(c.bucket).\(c.side).c.ndcg_cut10.txt")
        #expect(side.n == c.n)
        #expect(formatFixed4(try #require(side.values[0])) == expected)
    }

    @Test func issueFigures() throws {
        // The four values the issue quotes.
        let result = try Self.result()
        func value(_ bucket: Int, _ side: String) -> String? {
            result.runs[0].buckets[bucket - 1].results.side(side)?.values[0].map(formatFixed4)
        }
        #expect(value(1, "interpolate") == "0.4891")
        #expect(value(1, "extrapolate") == "0.6326")
        #expect(value(5, "interpolate") == "0.4983")
        #expect(value(5, "extrapolate") == "0.8238")
    }

    /// Each DL19 topic is extrapolate in exactly one bucket, so pooling the extrapolate sides
    /// takes every topic once: the full-qrels value, 0.5058 (trec_eval -c -m ndcg_cut.10,
    /// the issue's figure). Interpolate takes each topic K − 1 = 4 times: the same mean.
    @Test func pooledExtrapolateIsTheFullValue() throws {
        let run = try Self.result().runs[0]
        let pooled = try #require(run.pooled.side("extrapolate"))
        let full = try #require(run.full.values[0])
        #expect(pooled.n == 43)
        #expect(run.full.n == 43)
        #expect(formatFixed4(full) == "0.5058")
        #expect(abs(try #require(pooled.values[0]) - full) < 1e-12)
        #expect(abs(try #require(run.pooled.side("interpolate")?.values[0]) - full) < 1e-12)
        #expect(run.pooled.side("interpolate")?.n == 172)  // 38 + 26 + 36 + 30 + 42
    }

    /// Macro means from trec_eval's printed bucket values. Each printed value is within
    /// 0.00005 of the exact one, so their mean is too.
    ///   interpolate: (0.4891 + 0.5655 + 0.5360 + 0.4496 + 0.4983) / 5 = 2.5385 / 5 = 0.50770
    ///   extrapolate: (0.6326 + 0.4145 + 0.3507 + 0.6355 + 0.8238) / 5 = 2.8571 / 5 = 0.57142
    ///   gap: 0.50770 − 0.57142 = −0.06372 (within 0.0001)
    ///   relative gap: −0.06372 / 0.50770 = −0.12551 (within 0.0003)
    @Test func macroAveragesAndGaps() throws {
        let macro = try Self.result().runs[0].macro
        let interpolate = try #require(macro.side("interpolate")?.values[0])
        let extrapolate = try #require(macro.side("extrapolate")?.values[0])
        #expect(abs(interpolate - 0.50770) <= 0.00005)
        #expect(abs(extrapolate - 0.57142) <= 0.00005)
        #expect(abs(try #require(macro.gap?[0]) - (-0.06372)) <= 0.0001)
        #expect(abs(try #require(macro.relativeGap?[0]) - (-0.12551)) <= 0.0003)
        #expect(macro.side("extrapolate")?.buckets == 5)
    }

    /// Bucket gaps from the printed values: bucket 1 0.4891 − 0.6326 = −0.1435, bucket 5
    /// 0.4983 − 0.8238 = −0.3255 (each within 0.0001).
    @Test func bucketGaps() throws {
        let buckets = try Self.result().runs[0].buckets
        #expect(abs(try #require(buckets[0].results.gap?[0]) - (-0.1435)) <= 0.0001)
        #expect(abs(try #require(buckets[4].results.gap?[0]) - (-0.3255)) <= 0.0001)
    }

    @Test func smallSidesAreWarnedAbout() throws {
        let warnings = try Self.result().warnings
        #expect(warnings.contains { $0.hasPrefix("bucket-5 extrapolate: 1 topic (fewer than 5)") })
        #expect(warnings.count == 1)
    }
}
