import Testing
import RevalCore

/// Sorting, cutting (-M), judged-only filtering (-J), relevance values and duplicate
/// checks, as trec_eval's form_res_rels does them.
@Suite("Ranking and judging")
struct RankingTests {
    /// Docnos of `run`'s topic "t" in rank order.
    func rankedDocnos(_ run: Run) throws -> [String] {
        let topic = try #require(run["t"])
        return topic.rankOrder().map { topic.docno($0) }
    }

    @Test("documents are ranked by score, highest first, whatever the file order")
    func scoreDescending() throws {
        var run = Run()
        run.append(topic: "t", docno: "a", score: 1.0, line: 1)
        run.append(topic: "t", docno: "b", score: 3.0, line: 2)
        run.append(topic: "t", docno: "c", score: 2.0, line: 3)
        run.append(topic: "t", docno: "d", score: -0.5, line: 4)
        run.append(topic: "t", docno: "e", score: .infinity, line: 5)
        #expect(try rankedDocnos(run) == ["e", "b", "c", "a", "d"])
    }

    @Test("equal scores are ordered by docno, descending by bytes (strcmp)")
    func tiesByDocnoDescending() throws {
        var run = Run()
        for (i, doc) in ["1", "10", "2", "a", "b", "B"].enumerated() {
            run.append(topic: "t", docno: doc, score: 5, line: i + 1)
        }
        // Bytes: 'b' 0x62 > 'a' 0x61 > 'B' 0x42 > '2' 0x32 > '1' 0x31;
        // "10" > "1" because "1" is a prefix of it.
        #expect(try rankedDocnos(run) == ["b", "a", "B", "2", "10", "1"])
    }

    @Test("ties are broken by docno only inside a score group")
    func tiesInsideScoreGroups() throws {
        var run = Run()
        run.append(topic: "t", docno: "x", score: 2, line: 1)
        run.append(topic: "t", docno: "y", score: 1, line: 2)
        run.append(topic: "t", docno: "z", score: 2, line: 3)
        run.append(topic: "t", docno: "w", score: 1, line: 4)
        #expect(try rankedDocnos(run) == ["z", "x", "y", "w"])
    }

    @Test("relevance values: grade, -1 for docs absent from the qrels, -2 for negative grades")
    func relevanceValues() throws {
        let r = try Sample.ranking()
        #expect(r.rels == [1, 0, 2, nonpoolRelevance, 0, 1, 0, unjudgedRelevance, 0, 0])
        #expect(nonpoolRelevance == -1)
        #expect(unjudgedRelevance == -2)
        #expect(r.numRet == 10)
        #expect(r.numRelRet == 3)  // d1, d3, d5
        #expect(r.numRel == 5)  // d1, d3, d5, u1, u2
        #expect(r.numNonpool == 1)  // x1
        #expect(r.numUnjudgedInPool == 1)  // d7
        #expect(r.levelCounts == [LevelCount(level: 0, count: 6), LevelCount(level: 1, count: 3),
                                  LevelCount(level: 2, count: 2)])
        #expect(r.numRelLevels == 3)
    }

    @Test("any negative grade becomes -2, not only -1")
    func veryNegativeGrade() throws {
        let r = try judge(["a", "b"], [("a", -5), ("b", 1)])
        #expect(r.rels == [unjudgedRelevance, 1])
        #expect(r.numRel == 1)
    }

    @Test("-M keeps the first N documents after sorting")
    func maxRetrieved() throws {
        let r = try Sample.ranking(RankingOptions(maxRetrieved: 5))
        #expect(r.rels == [1, 0, 2, -1, 0])
        #expect(r.numRelRet == 2)  // d1, d3
        #expect(r.numNonpool == 1)
        #expect(r.numUnjudgedInPool == 0)  // d7 was at rank 8
        #expect(r.numRel == 5)  // R does not depend on the cut
    }

    @Test("-M cuts by rank, not by file order")
    func maxRetrievedAfterSort() throws {
        var run = Run()
        run.append(topic: "t", docno: "low", score: 1, line: 1)
        run.append(topic: "t", docno: "high", score: 3, line: 2)
        run.append(topic: "t", docno: "mid", score: 2, line: 3)
        let q = makeQrels([("low", 1), ("high", 0), ("mid", 2)])
        let r = try #require(run["t"]).judged(by: try #require(q["t"]), options: RankingOptions(maxRetrieved: 2))
        #expect(r.rels == [0, 2])  // high, mid
    }

    @Test("-M 0 retrieves nothing; -M above the run length changes nothing")
    func maxRetrievedBounds() throws {
        let none = try Sample.ranking(RankingOptions(maxRetrieved: 0))
        #expect(none.rels.isEmpty)
        #expect(none.numRelRet == 0)
        let all = try Sample.ranking(RankingOptions(maxRetrieved: 1000))
        #expect(all.rels == (try Sample.ranking()).rels)
    }

    @Test("-J drops documents without a non-negative judgment and re-ranks")
    func judgedOnly() throws {
        let r = try Sample.ranking(RankingOptions(judgedOnly: true))
        // x1 (rank 4, -1) and d7 (rank 8, -2) are gone; the others move up.
        #expect(r.rels == [1, 0, 2, 0, 1, 0, 0, 0])
        #expect(r.numRet == 8)
        #expect(r.numRelRet == 3)
        #expect(r.numNonpool == 0)
        #expect(r.numUnjudgedInPool == 0)
        #expect(r.numRel == 5)
    }

    @Test("-M applies before -J: the cut is taken on the full ranking")
    func maxRetrievedThenJudgedOnly() throws {
        let r = try Sample.ranking(RankingOptions(maxRetrieved: 5, judgedOnly: true))
        // Top 5 = [1, 0, 2, -1, 0]; dropping -1 leaves 4 documents.
        #expect(r.rels == [1, 0, 2, 0])
    }

    @Test("-l 2 raises the bar for num_rel and num_rel_ret, not the relevance values")
    func relevanceLevel() throws {
        let r = try Sample.ranking(RankingOptions(relevanceLevel: 2))
        #expect(r.rels == [1, 0, 2, -1, 0, 1, 0, -2, 0, 0])
        #expect(r.numRel == 2)  // d3, u1
        #expect(r.numRelRet == 1)  // d3
        #expect(r.relevanceLevel == 2)
        #expect(r.isRelevant(2))
        #expect(!r.isRelevant(0))
    }

    @Test("a docno retrieved twice in the top M is an error naming both lines")
    func duplicateInTopM() throws {
        var run = Run()
        run.append(topic: "t", docno: "a", score: 3, line: 10)
        run.append(topic: "t", docno: "b", score: 2, line: 11)
        run.append(topic: "t", docno: "a", score: 1, line: 12)
        let q = makeQrels([("a", 1)])
        let topic = try #require(run["t"])
        let judgments = try #require(q["t"])
        let error = #expect(throws: DuplicateDocument.self) {
            try topic.judged(by: judgments, options: RankingOptions())
        }
        #expect(error?.topic == "t")
        #expect(error?.docno == "a")
        #expect(error?.firstLine == 10)
        #expect(error?.line == 12)
    }

    @Test("a repeat below the -M cut is not checked, as in trec_eval")
    func duplicateBelowM() throws {
        var run = Run()
        run.append(topic: "t", docno: "a", score: 3, line: 1)
        run.append(topic: "t", docno: "b", score: 2, line: 2)
        run.append(topic: "t", docno: "a", score: 1, line: 3)
        let q = makeQrels([("a", 1)])
        let r = try #require(run["t"]).judged(by: try #require(q["t"]), options: RankingOptions(maxRetrieved: 2))
        #expect(r.rels == [1, -1])
    }
}
