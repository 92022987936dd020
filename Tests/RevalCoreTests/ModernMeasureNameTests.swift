import Testing
import RevalCore

/// ir_measures-style names (Modern/ModernMeasureName.swift, ModernFamily.swift) and the
/// selection of `-m` arguments in both syntaxes (MeasureSelection.swift). The canonical
/// names are what ir_measures 0.4.3 prints: `str(ir_measures.parse_measure(text))`.
@Suite("ir_measures names")
struct ModernMeasureNameTests {
    static let canonicalCases: [(written: String, printed: String)] = [
        ("nDCG@10", "nDCG@10"),
        ("nDCG", "nDCG"),
        ("NDCG@10", "nDCG@10"),  // aliases print under the family's name
        ("nDCG(dcg='exp-log2')@10", "nDCG(dcg='exp-log2')@10"),
        ("nDCG(dcg=\"exp-log2\")@10", "nDCG(dcg='exp-log2')@10"),
        ("nDCG(dcg=exp-log2)@10", "nDCG(dcg='exp-log2')@10"),  // quotes may be left out
        ("nDCG(dcg='log2')@10", "nDCG@10"),  // defaults are left out
        ("nDCG(gains={0:0,1:1,2:3,3:7})@10", "nDCG(gains={2:3,3:7})@10"),  // and identity gains
        ("nDCG(gains={3:7, 2:3})@10", "nDCG(gains={2:3,3:7})@10"),  // gains sorted by grade
        ("nDCG(judged_only=True, dcg='exp-log2')", "nDCG(dcg='exp-log2',judged_only=True)"),
        ("AP", "AP"),
        ("MAP", "AP"),
        ("AP(rel=1)", "AP"),
        ("AP(rel=2)", "AP(rel=2)"),
        ("AP(rel=2)@100", "AP(rel=2)@100"),
        ("AP@100", "AP@100"),
        ("P@10", "P@10"),
        ("Precision(rel=2)@5", "P(rel=2)@5"),
        ("R@100", "R@100"),
        ("Recall(rel=2)@100", "R(rel=2)@100"),
        ("RR", "RR"),
        ("MRR@10", "RR@10"),
        ("RR(rel=2)@10", "RR(rel=2)@10"),
        ("Rprec(rel=2)", "Rprec(rel=2)"),
        ("RPrec(judged_only=True)", "Rprec(judged_only=True)"),
        ("BPref", "Bpref"),
        ("infAP(rel=2)", "infAP(rel=2)"),
        ("Success@10", "Success@10"),
        ("Judged@10", "Judged@10"),
        ("Judged", "Judged"),
        ("NumQ", "NumQ"),
        ("NumRel", "NumRel"),
        ("NumRet", "NumRet"),
        ("NumRelRet", "NumRet(rel=1)"),  // ir_measures' NumRelRet is NumRet(rel=1)
        ("NumRet(rel=2)", "NumRet(rel=2)"),
        ("SetP", "SetP"),
        ("SetRelP", "SetP(relative=True)"),
        ("SetR", "SetR"),
        ("SetF", "SetF"),
        ("SetF(beta=1)", "SetF"),  // an integer where a real is wanted
        ("SetF(beta=0.5)", "SetF(beta=0.5)"),
        ("SetAP", "SetAP"),
        ("ERR@20", "ERR@20"),
        ("RBP", "RBP"),
        ("RBP(p=0.8)", "RBP"),  // 0.8 is ir_measures' default
        ("RBP(p=0.9)", "RBP(p=0.9)"),
        ("RBP(rel=1, p=0.9)", "RBP(p=0.9,rel=1)"),  // parameters in ir_measures' order
        ("RBP(p=.95)@100", "RBP(p=0.95)@100"),
        ("RBP_resid(p=0.9)", "RBP_resid(p=0.9)"),
        (" nDCG ( dcg = 'exp-log2' ) @ 10 ", "nDCG(dcg='exp-log2')@10"),
    ]

    @Test("canonical names, as ir_measures prints them", arguments: canonicalCases)
    func canonical(written: String, printed: String) throws {
        let measure = try ModernMeasure.parse(written)
        #expect(measure.name == printed)
        #expect(measure.valueNames == [printed])
    }

    @Test("parsed parts of a name")
    func parts() throws {
        let name = try ModernMeasureName.parse("nDCG(dcg='exp-log2', gains={0:0,2:3}, judged_only=False)@10")
        #expect(name.family == "nDCG")
        #expect(name.cutoff == 10)
        #expect(name.parameters == [
            ModernParameter("dcg", .text("exp-log2")),
            ModernParameter("gains", .gains([0: 0, 2: 3])),
            ModernParameter("judged_only", .boolean(false)),
        ])
        #expect(try ModernMeasureName.parse("RBP(p=0.5,rel=-1)").parameters
            == [ModernParameter("p", .real(0.5)), ModernParameter("rel", .integer(-1))])
    }

    @Test("styles: counts print as integers and sum, NumQ only in the summary")
    func styles() throws {
        #expect(try ModernMeasure.parse("nDCG@10").style == .real)
        #expect(try ModernMeasure.parse("NumRet").style == .count)
        #expect(try ModernMeasure.parse("NumRel").style == .count)
        #expect(try ModernMeasure.parse("NumRelRet").style == .count)
        #expect(try ModernMeasure.parse("NumQ").style
            == MeasureStyle(format: .integer, summary: .topicCount, perQuery: false))
    }

    static let unknownNames = ["Foo", "Foo@10", "ndcg@10", "map(rel=2)", "alpha_nDCG@10"]

    @Test("unknown names", arguments: unknownNames)
    func unknown(_ text: String) {
        #expect(throws: MeasureError.unknownMeasure(text)) { try ModernMeasure.parse(text) }
    }

    static let invalidNames: [(text: String, reason: String)] = [
        ("nDCG(x=1)@10", "measure 'nDCG': has no parameter 'x' (parameters: dcg, gains, judged_only)"),
        ("P", "measure 'P': needs a cutoff, as in P@10"),
        ("P(rel=2)", "measure 'P': needs a cutoff, as in P@10"),
        ("Rprec@10", "measure 'Rprec': takes no cutoff ('@k')"),
        ("P@0", "measure 'P': the cutoff must be positive, got 0"),
        ("nDCG(dcg='exp')@10", "measure 'nDCG': dcg='exp' is not one of 'log2', 'exp-log2'"),
        ("AP(rel=0.5)", "measure 'AP': rel=0.5 is not an integer"),
        ("AP(rel=-1)", "measure 'AP': rel must be 0 or more, got -1"),
        ("AP(judged_only=1)", "measure 'AP': judged_only=1 is not True or False"),
        ("RBP(p=1)", "measure 'RBP': p must lie between 0 and 1, got 1.0"),
        ("nDCG(gains={-1:0})", "measure 'nDCG': gains apply to grades 0 and above, got -1"),
        ("P@10.5", "measure 'P@10.5': the cutoff after '@' must be an integer"),
        ("P@", "measure 'P@': '' is not a number"),
        ("nDCG(@10", "measure 'nDCG(@10': expected a parameter name or ')' at column 6, found '@'"),
        ("nDCG(dcg='exp-log2'@10", "measure 'nDCG(dcg='exp-log2'@10': expected ')' at column 20, found '@'"),
        ("AP(rel=2, rel=3)", "measure 'AP(rel=2, rel=3)': parameter 'rel' is given twice"),
        ("nDCG(gains={1:2.5})", "measure 'nDCG(gains={1:2.5})': gains map integer grades to integer gains"),
        ("nDCG@10x", "measure 'nDCG@10x': unexpected 'x' at column 8"),
        ("AP(rel='2", "measure 'AP(rel='2': a quoted value is not closed"),
    ]

    @Test("malformed names and parameters say what was expected", arguments: invalidNames)
    func invalid(text: String, reason: String) {
        #expect {
            try ModernMeasure.parse(text)
        } throws: { error in
            guard let error = error as? MeasureError, case .invalidParameters = error else { return false }
            return error.description == reason
        }
    }
}

@Suite("Measure selection in both syntaxes")
struct MeasureSelectionTests {
    @Test("trec_eval measures first in trec_eval's order, then modern names in the order given")
    func order() throws {
        let names = try MeasureSelection.select(["RR@10", "P.5", "nDCG@10", "map", "AP"]).map(\.name)
        #expect(names == ["map", "P", "RR@10", "nDCG@10", "AP"])
    }

    @Test("a modern name given twice, even spelled differently, is selected once")
    func duplicates() throws {
        let names = try MeasureSelection.select(["AP", "MAP", "AP(rel=1)", "nDCG@10", "NDCG(dcg='log2')@10"]).map(\.name)
        #expect(names == ["AP", "nDCG@10"])
    }

    @Test("trec_eval names keep their meaning, even where ir_measures has the same name")
    func trecEvalNamesWin() throws {
        for argument in ["P", "P.5", "Rprec", "infAP", "map", "ndcg_cut.10", "official", "all_trec", "set"] {
            #expect(MeasureSelection.isTrecEvalArgument(argument), "\(argument)")
            let viaSelection = try MeasureSelection.select([argument]).flatMap(\.valueNames)
            let viaCatalog = try MeasureCatalog.select([argument]).flatMap(\.valueNames)
            #expect(viaSelection == viaCatalog, "\(argument)")
        }
        for argument in ["AP", "NumQ", "P@5", "Rprec(rel=2)", "RBP(p=0.9)", "nDCG"] {
            #expect(!MeasureSelection.isTrecEvalArgument(argument), "\(argument)")
        }
    }

    @Test("unknown names fail as before: trec_eval's error for trec_eval-looking names")
    func unknown() {
        #expect(throws: MeasureError.unknownMeasure("nosuch")) { try MeasureSelection.select(["map", "nosuch"]) }
        #expect(throws: MeasureError.unknownMeasure("nosuch")) { try MeasureSelection.select(["nosuch.5"]) }
        #expect(throws: MeasureError.unknownMeasure("Nosuch@5")) { try MeasureSelection.select(["Nosuch@5"]) }
        #expect(throws: MeasureError.emptyParameters("P")) { try MeasureSelection.select(["P."]) }
    }
}
