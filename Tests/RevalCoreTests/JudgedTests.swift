import Testing
import RevalCore

/// unj and relstring (Measures/Judged.swift).
@Suite("Judgment coverage: unj and relstring")
struct JudgedTests {
    static let unjudgedCases: [(k: Int, expected: Double)] = [
        (1, 0.0),  // rank 1 is judged
        (4, 0.25),  // x1 at rank 4: 1/4
        (8, 0.25),  // x1, d7: 2/8
        (20, 0.1),  // still 2, over 20 (the run has 10 docs)
    ]

    @Test("unj_k = docs with -1 or -2 in the top k, over k", arguments: JudgedTests.unjudgedCases)
    func unjudgedAtK(k: Int, expected: Double) throws {
        #expect(try value("unj", "\(k)", Sample.ranking()) == expected)
    }

    @Test("unj defaults to cutoffs 5, 10, 20")
    func unjudgedDefaults() throws {
        // 1/5, 2/10, 2/20
        #expect(try values("unj", Sample.ranking()) == [0.2, 0.2, 0.1])
    }

    @Test("unj is 0 under -J, which drops every unjudged doc")
    func unjudgedJudgedOnly() throws {
        #expect(try values("unj", Sample.ranking(RankingOptions(judgedOnly: true))) == [0, 0, 0])
    }

    func relstring(_ parameters: String?, _ ranking: JudgedRanking) throws -> String? {
        try MeasureCatalog.make("relstring", parameters: parameters).text(ranking, EvalContext())
    }

    @Test("relstring: a digit per grade, '-' not in the pool, '.' pooled but unjudged")
    func relstringDefault() throws {
        // rels [1, 0, 2, -1, 0, 1, 0, -2, 0, 0]
        #expect(try relstring(nil, Sample.ranking()) == "102-010.00")
    }

    static let relstringCases: [(parameters: String, expected: String)] = [
        ("5", "102-0"),
        ("1", "1"),
        ("20", "102-010.00"),  // no padding beyond the run
    ]

    @Test("relstring length parameter", arguments: JudgedTests.relstringCases)
    func relstringLength(parameters: String, expected: String) throws {
        #expect(try relstring(parameters, Sample.ranking()) == expected)
    }

    @Test("relstring prints '>' for grades above 9 and stops at 10 docs by default")
    func relstringHighGrades() throws {
        let docs = (1...12).map { "d\($0)" }
        let judgments: Judgments = docs.enumerated().map { ($1, $0 == 0 ? 12 : ($0 == 1 ? 9 : 0)) }
        let r = try judge(docs, judgments)
        #expect(try relstring(nil, r) == ">900000000")
    }

    @Test("relstring of an empty ranking is empty")
    func relstringEmpty() throws {
        #expect(try relstring(nil, Sample.ranking(RankingOptions(maxRetrieved: 0))) == "")
    }
}
