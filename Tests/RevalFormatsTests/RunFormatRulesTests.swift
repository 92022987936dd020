import Foundation
import Testing
import RevalCore
import RevalFormats

@Suite("MS MARCO and BEIR runs: rank rules, duplicate queries, topic limits")
struct RunFormatRulesTests {
    func msmarco(_ text: String, limits: TopicLimits = .standard) throws(InputError) -> Run {
        try MSMarcoRunReader.read(path: "run.tsv", source: try openInput(MemorySource(Array(text.utf8)), name: "run.tsv"), limits: limits)
    }

    struct RankCase: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var message: String
        var testDescription: String { message }
    }

    static let rankCases: [RankCase] = [
        RankCase(text: "q\ta\t1\nq\tb\t3\n", line: 2, message: "rank 3 is not one of 1..2 for query 'q' (its 2 lines)"),
        RankCase(text: "q\ta\t0\nq\tb\t1\n", line: 1, message: "rank 0 is not one of 1..2 for query 'q' (its 2 lines)"),
        RankCase(text: "q\ta\t1\nq\tb\t1\n", line: 2, message: "rank 1 appears twice for query 'q' (also line 1)"),
        // The earliest bad line over all queries, in file order: line 2 (query p) before line 3.
        RankCase(text: "q\ta\t1\np\tb\t-2\nq\tc\t7\n", line: 2, message: "rank -2 is not one of 1..1 for query 'p' (its 1 line)"),
    ]

    @Test("ranks must be 1..n per query", arguments: rankCases)
    func rankRule(_ c: RankCase) throws {
        let error = #expect(throws: InputError.self) { try msmarco(c.text) }
        #expect(error?.line == c.line)
        #expect(error?.message.hasPrefix(c.message + "; expected ranks 1..n within each query") == true, "\(String(describing: error))")
    }

    @Test("ranks 1..n in any order, queries interleaved, read in rank order")
    func anyOrder() throws {
        let run = try msmarco("q\tc\t3\np\tx\t1\nq\ta\t1\nq\tb\t2\n")
        let q = try #require(run["q"])
        #expect(q.rankOrder().map { q.docno($0) } == ["a", "b", "c"])
        #expect(run["p"]?.count == 1)
    }

    @Test("a query past its limits is an error in MS MARCO and BEIR runs")
    func limits() throws {
        let small = TopicLimits(maxDocuments: 2, maxDocnoBytes: 100)
        let ms = #expect(throws: InputError.self) { try msmarco("q\ta\t1\nq\tb\t2\nq\tc\t3\n", limits: small) }
        #expect(ms?.line == 3)
        #expect(ms?.message.contains("topic 'q' has more than 2 documents") == true)
        let json = Array("{\"q\": {\"a\": 3,\n \"b\": 2,\n \"c\": 1}}".utf8)
        let beir = #expect(throws: InputError.self) {
            try BEIRResultsReader.read(path: "r.json", source: try openInput(MemorySource(json), name: "r.json"), limits: small)
        }
        #expect(beir?.line == 3)
        #expect(beir?.message.contains("topic 'q' has more than 2 documents") == true)
        #expect(try msmarco("q\ta\t1\nq\tb\t2\n", limits: small)["q"]?.count == 2)
    }

    @Test("a TREC run's header is read as trec_eval reads it, with a warning; a bad score later is an error")
    func header() throws {
        let run = try TrecRunReader.parse(bytes: Array("qid Q0 docno rank score tag\n1 Q0 d1 1 2.5 t\n".utf8), name: "r")
        #expect(run["qid"]?.scores == [0])  // atof("score")
        #expect(run["1"]?.scores == [2.5])
        #expect(run.warnings.count == 1)
        #expect(run.warnings.first?.hasPrefix("r:1: the first line looks like a header ('qid Q0 docno rank score tag')") == true)
        // A first line with a numeric rank is a result with a bad score.
        let bad = #expect(throws: InputError.self) {
            try TrecRunReader.parse(bytes: Array("1 Q0 d1 1 high t\n".utf8), name: "r")
        }
        #expect(bad?.line == 1)
        let later = #expect(throws: InputError.self) {
            try TrecRunReader.parse(bytes: Array("1 Q0 d1 1 2.5 t\nqid Q0 docno rank score tag\n".utf8), name: "r")
        }
        #expect(later?.line == 2)
    }
}
