import Testing
import RevalCore

/// Preference judgments of one topic "t": (group, subgroup, docno, level) per line.
func makePreferences(_ lines: [(String, String, String, Double)]) -> PreferenceJudgments {
    var prefs = PreferenceJudgments()
    for (i, l) in lines.enumerated() {
        prefs.add(topic: "t", PreferenceJudgment(group: l.0, subgroup: l.1, docno: l.2, level: l.3, line: i + 1))
    }
    return prefs
}

/// The counts of topic "t" against a run ranking `docs` in the order given.
func preferenceCounts(_ lines: [(String, String, String, Double)], ranked docs: [String],
                      maxRetrieved: Int? = nil) throws -> PreferenceCounts {
    let prefs = makePreferences(lines)
    let run = makeRun(ranked: docs)
    return try PreferenceCounts.form(try #require(run["t"]), try #require(prefs["t"]), maxRetrieved: maxRetrieved)
}

/// Every preference measure's value, by name.
func preferenceValues(_ counts: PreferenceCounts) -> [String: Double] {
    var values: [String: Double] = [:]
    for m in PreferenceMeasureCatalog.entries { values[m.name] = m.evaluate(counts)[0] }
    return values
}

/// The prefs_* measures (Measures/Preference*.swift) on small topics computed by hand.
/// Each expected value was also checked against trec_eval 10.0 built from source.
@Suite("Preference measures")
struct PreferenceMeasureTests {
    /// One sub-group: d1 (2) > d2 (1) > d3, d4 (0). Ranked d3, d1, d5 (unjudged), d2; d4 is not
    /// retrieved. Ids: d3 0, d1 1, d2 2 (retrieved, rank order), d4 3.
    /// Classes: {1} (2), {2} (1), {0, 3} (0). The pairs (preferred, other):
    ///   (1,2) both retrieved, in order: fulfilled      (1,0) both retrieved, reversed: not
    ///   (1,3) only d1 retrieved: fulfilled (implied)   (2,0) both retrieved, reversed: not
    ///   (2,3) only d2 retrieved: fulfilled (implied)
    static let oneSubgroup: [(String, String, String, Double)] = [
        ("a", "x", "d1", 2), ("a", "x", "d2", 1), ("a", "x", "d3", 0), ("a", "x", "d4", 0),
    ]

    @Test("one sub-group: counts of fulfilled and possible preferences")
    func classCounts() throws {
        let c = try preferenceCounts(Self.oneSubgroup, ranked: ["d3", "d1", "d5", "d2"])
        #expect(c.judged == 4)
        #expect(c.judgedRetrieved == 3)
        let g = try #require(c.groups.first)
        #expect(g.order == .classes([EquivalenceClass(level: 2, ids: [1]), EquivalenceClass(level: 1, ids: [2]),
                                     EquivalenceClass(level: 0, ids: [0, 3])]))
        #expect((g.fulfilledRetrieved, g.possibleRetrieved) == (1, 3))
        #expect((g.fulfilledImplied, g.possibleImplied, g.possibleNotRetrieved) == (2, 2, 0))
        #expect((g.relevant, g.relevantRetrieved, g.nonrelevant, g.nonrelevantRetrieved) == (2, 2, 2, 1))
    }

    @Test("one sub-group: every measure")
    func classMeasures() throws {
        let v = preferenceValues(try preferenceCounts(Self.oneSubgroup, ranked: ["d3", "d1", "d5", "d2"]))
        #expect(v["prefs_num_prefs_poss"] == 5)
        #expect(v["prefs_num_prefs_ful"] == 3)
        #expect(v["prefs_num_prefs_ful_ret"] == 1)
        #expect(v["prefs_simp"] == 3.0 / 5.0)
        #expect(v["prefs_simp_ret"] == 1.0 / 3.0)
        #expect(v["prefs_simp_imp"] == 3.0 / 5.0)
        // Pairs: (0,1) 0, (0,2) 0, (1,2) 1 among the retrieved; (1,3) 1, (2,3) 1 with d4.
        #expect(v["prefs_pair"] == 3.0 / 5.0)
        #expect(v["prefs_pair_ret"] == 1.0 / 3.0)
        #expect(v["prefs_pair_imp"] == 3.0 / 5.0)
        #expect(v["prefs_avgjg"] == 3.0 / 5.0)
        #expect(v["prefs_avgjg_ret"] == 1.0 / 3.0)
        #expect(v["prefs_avgjg_imp"] == 3.0 / 5.0)
        // R = 2 relevant, N = 2 non-relevant: nothing added.
        #expect(v["prefs_avgjg_Rnonrel"] == 3.0 / 5.0)
        // Retrieved: R = 2, N = 1: fulfilled 1 + 2·1 = 3, possible 3 + (all relevant) 2·1 = 5.
        #expect(v["prefs_avgjg_Rnonrel_ret"] == 3.0 / 5.0)
    }

    @Test("Rnonrel with more non-relevant than relevant documents keeps the first R, paired with their own class too")
    func nonrelevantRecount() throws {
        // d1 (1) > d2, d3, d4 (0); ranked d1, d2, d3. Ids d1 0, d2 1, d3 2, d4 3.
        let lines: [(String, String, String, Double)] = [
            ("a", "x", "d1", 1), ("a", "x", "d2", 0), ("a", "x", "d3", 0), ("a", "x", "d4", 0),
        ]
        let v = preferenceValues(try preferenceCounts(lines, ranked: ["d1", "d2", "d3"]))
        #expect(v["prefs_simp"] == 1)
        // R = 1 < N = 3: keep the first non-relevant id, {1}. {0}×{1}: fulfilled; the
        // non-relevant class {1, 2, 3} × {1}: three possible (trec_eval pairs the class with itself).
        #expect(v["prefs_avgjg_Rnonrel"] == 1.0 / 4.0)
        // Retrieved: R = 1 < N = 2: {0}×{1} fulfilled; {1, 2}×{1} two possible.
        #expect(v["prefs_avgjg_Rnonrel_ret"] == 1.0 / 3.0)
    }

    /// Two sub-groups: x says d1 > d2, y says d2 > d3, so d1 > d3 too. Ranked d3, d1; d2 is
    /// not retrieved. Ids: d3 0, d1 1, d2 2.
    static let twoSubgroups: [(String, String, String, Double)] = [
        ("a", "x", "d1", 2), ("a", "x", "d2", 1), ("a", "y", "d2", 2), ("a", "y", "d3", 1),
    ]

    @Test("several sub-groups: the transitive closure, counted by area")
    func partialOrder() throws {
        let c = try preferenceCounts(Self.twoSubgroups, ranked: ["d3", "d1"])
        let g = try #require(c.groups.first)
        guard case .partial(let matrix, let levels) = g.order else {
            Issue.record("expected a partial order")
            return
        }
        #expect(matrix[1, 2] && matrix[2, 0] && matrix[1, 0])   // d1 > d2, d2 > d3, d1 > d3
        #expect(!matrix[0, 1] && !matrix[0, 2] && !matrix[2, 1])
        #expect(levels == [1, 2, 2])                            // the last level read per document
        // (1,0) both retrieved, reversed; (1,2) implied fulfilled; (2,0) implied not.
        #expect((g.fulfilledRetrieved, g.possibleRetrieved, g.fulfilledImplied, g.possibleImplied) == (0, 1, 1, 2))
        let v = preferenceValues(c)
        #expect(v["prefs_simp"] == 1.0 / 3.0)
        #expect(v["prefs_simp_ret"] == 0)
        #expect(v["prefs_avgjg_ret"] == 0)
        // R = 3, N = 0: fulfilled 1 + 2·3 = 7, possible 3 + 3·3 = 12.
        #expect(v["prefs_avgjg_Rnonrel"] == 7.0 / 12.0)
        // Retrieved R = 2, N = 0: fulfilled 0 + 2·2 = 4, possible 1 + 3·2 = 7.
        #expect(v["prefs_avgjg_Rnonrel_ret"] == 4.0 / 7.0)
    }

    @Test("several judgment groups: pooled (simp), per pair (pair) and per group (avgjg)")
    func groups() throws {
        // a and c prefer d1 to d2, b prefers d2 to d1; d prefers d3 to d4. Ranked d2, d1, d3, d4.
        let lines: [(String, String, String, Double)] = [
            ("a", "x", "d1", 1), ("a", "x", "d2", 0), ("b", "x", "d2", 1), ("b", "x", "d1", 0),
            ("c", "x", "d1", 1), ("c", "x", "d2", 0), ("d", "x", "d3", 5), ("d", "x", "d4", 1),
        ]
        let v = preferenceValues(try preferenceCounts(lines, ranked: ["d2", "d1", "d3", "d4"]))
        #expect(v["prefs_simp"] == 2.0 / 4.0)               // b's and d's of 4
        #expect(v["prefs_pair"] == (1.0 / 3.0 + 1.0) / 2.0) // pair d1,d2: 1 of 3 groups; pair d3,d4: 1
        #expect(v["prefs_avgjg"] == (0 + 1 + 0 + 1) / 4.0)
    }

    @Test("-M cuts the ranking before ids are given")
    func maxRetrieved() throws {
        let c = try preferenceCounts(Self.oneSubgroup, ranked: ["d3", "d1", "d5", "d2"], maxRetrieved: 2)
        #expect(c.judgedRetrieved == 2)
        let g = try #require(c.groups.first)
        #expect(g.relevantRetrieved == 1)
    }

    @Test("ties in score rank by docno ascending (the qrels order is descending)")
    func tieOrder() {
        var run = TopicRun(topic: "t")
        run.append(docno: "b", score: 1)
        run.append(docno: "c", score: 2)
        run.append(docno: "a", score: 1)
        #expect(run.preferenceRankOrder() == [1, 2, 0])   // c, then a before b
        #expect(run.rankOrder() == [1, 0, 2])             // c, then b before a
    }

    @Test("a document at two levels of one sub-group, 0 and non-0 levels in one group, and contradicting sub-groups fail")
    func inconsistencies() throws {
        func failure(_ lines: [(String, String, String, Double)]) throws -> PreferenceError? {
            do {
                _ = try preferenceCounts(lines, ranked: ["d1", "d2"])
                return nil
            } catch let failure as EvaluationFailure {
                guard case .inconsistentPreferences(let error) = failure else { return nil }
                return error
            }
        }
        let twoLevels = try failure([("a", "x", "d1", 2), ("a", "x", "d1", 1), ("a", "x", "d2", 0)])
        #expect(twoLevels?.line == 2)
        #expect(twoLevels?.message.contains("has levels 2.0 (line 1) and 1.0") == true)
        let zero = try failure([("a", "x", "d1", 1), ("a", "x", "d2", 0), ("a", "y", "d1", 0), ("a", "y", "d2", 1)])
        // In sub-group order: x gives d2 level 0, then y gives it level 1.
        #expect(zero?.message.contains("document 'd2' has level 1.0 here and 0.0") == true)
        #expect(zero?.line == 4)
        let contradiction = try failure([("a", "x", "d1", 2), ("a", "x", "d2", 1), ("a", "y", "d2", 2), ("a", "y", "d1", 1)])
        #expect(contradiction?.message.contains("prefer 'd1' to 'd2' and 'd2' to 'd1'") == true)
        // Different groups may disagree.
        #expect(try failure([("a", "x", "d1", 2), ("a", "x", "d2", 1), ("b", "x", "d2", 2), ("b", "x", "d1", 1)]) == nil)
    }

    @Test("a document retrieved twice fails")
    func duplicate() throws {
        let prefs = makePreferences(Self.oneSubgroup)
        var run = TopicRun(topic: "t")
        run.append(docno: "d1", score: 2, line: 1)
        run.append(docno: "d1", score: 1, line: 2)
        let judgments = try #require(prefs["t"])
        do {
            _ = try PreferenceCounts.form(run, judgments)
            Issue.record("expected a duplicate")
        } catch {
            guard case .duplicateInRun(let dup) = error else {
                Issue.record("expected a duplicate, got \(error)")
                return
            }
            #expect((dup.docno, dup.firstLine, dup.line) == ("d1", 1, 2))
        }
    }
}
