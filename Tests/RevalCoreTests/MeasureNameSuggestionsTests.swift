import Testing
import RevalCore

@Suite("Nearest measure names and -l as the rel of ir_measures names")
struct MeasureNameSuggestionsTests {
    static let cases: [(name: String, nearest: [String])] = [
        ("ndcg_cut_10", ["ndcg_cut.10"]),         // the printed name given to -m
        ("P_10", ["P.10", "P@10"]),               // both syntaxes; trec_eval's first for '_'
        ("P10", ["P.10", "P@10"]),
        ("recall@100", ["R@100", "recall.100"]),  // '@' asks for ir_measures' name first
        ("recip_rnak", ["recip_rank"]),           // two letters swapped: one edit
        ("ndgc@10", ["nDCG@10"]),
        ("Judged_10", ["Judged@10"]),
        ("iprec_at_recall_0.10", ["iprec_at_recall.0.10"]),
        ("alltrec", ["all_trec"]),
        ("Foo@10", []),
        ("zzzzzz", []),
    ]

    @Test("hints", arguments: cases)
    func nearest(_ c: (name: String, nearest: [String])) {
        #expect(MeasureNameSuggestions.nearest(to: c.name) == c.nearest)
    }

    @Test("every hint is a name -m accepts", arguments: cases.flatMap(\.nearest))
    func hintsAreValid(_ name: String) throws {
        #expect(throws: Never.self) { try MeasureSelection.select([name]) }
    }

    @Test("edit distance counts a swap of neighbours as one edit")
    func distance() {
        #expect(MeasureNameSuggestions.editDistance("map", "map") == 0)
        #expect(MeasureNameSuggestions.editDistance("mpa", "map") == 1)
        #expect(MeasureNameSuggestions.editDistance("ndcg", "ndcg_cut") == 4)
        #expect(MeasureNameSuggestions.editDistance("", "abc") == 3)
    }

    static let levelCases: [(written: String, level: Int, printed: String)] = [
        ("AP", 2, "AP(rel=2)"),
        ("AP@100", 3, "AP(rel=3)@100"),
        ("P@10", 2, "P(rel=2)@10"),
        ("AP(rel=1)", 2, "AP"),        // written out, rel is kept
        ("AP", 1, "AP"),
        ("NumRelRet", 2, "NumRet(rel=2)"),  // an alias's rel is a default too
        ("NumRet", 2, "NumRet"),       // no rel means every retrieved document
        ("nDCG@10", 2, "nDCG@10"),     // no rel parameter (trec_eval's -l leaves ndcg alone)
        ("RBP", 2, "RBP"),             // graded unless rel is given
    ]

    @Test("-l N is the rel of names that set none", arguments: levelCases)
    func levelAsRel(_ c: (written: String, level: Int, printed: String)) throws {
        #expect(try ModernMeasure.parse(c.written, relevanceLevel: c.level).name == c.printed)
    }
}
