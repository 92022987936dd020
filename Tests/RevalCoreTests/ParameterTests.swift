import Testing
import RevalCore

/// Measure names, parameters and nicknames, as trec_eval's meas_init.c and measures.c
/// define them (TREC_EVAL_SEMANTICS.md §1).
@Suite("Measure parameters and catalog")
struct ParameterTests {
    static let nameCases: [(measure: String, parameters: String, expected: [String])] = [
        ("P", "5", ["P_5"]),
        ("P", "10,5", ["P_5", "P_10"]),  // cutoffs sorted ascending
        ("P", "20,1,100", ["P_1", "P_20", "P_100"]),
        ("ndcg_cut", "23.4", ["ndcg_cut_23"]),  // atol("23.4") = 23
        ("recall", "007", ["recall_7"]),
        ("iprec_at_recall", ".5,.25", ["iprec_at_recall_0.25", "iprec_at_recall_0.50"]),
        ("iprec_at_recall", "0.1", ["iprec_at_recall_0.10"]),
        ("Rprec_mult", "1.5", ["Rprec_mult_1.50"]),
        ("utility", "2,-1,0,0", ["utility_2,-1,0,0"]),
        ("ndcg", "1=3,2=9", ["ndcg_1=3,2=9"]),
        ("ndcg", "1=3,2=9,4=4.5", ["ndcg_1=3,2=9,4=4.5"]),
        ("rbp", "p=0.8", ["rbp_p=0.8"]),
        ("rbp", "p=0.95", ["rbp_p=0.95"]),
        ("set_F", "0.5", ["set_F_0.5"]),
        ("11pt_avg", ".25,.5,.75", ["11pt_avg_.25,.5,.75"]),
        ("relstring", "20", ["relstring_20"]),
    ]

    @Test("printed value names for parameterised measures", arguments: ParameterTests.nameCases)
    func valueNames(measure: String, parameters: String, expected: [String]) throws {
        #expect(try MeasureCatalog.make(measure, parameters: parameters).valueNames == expected)
    }

    @Test("default value names")
    func defaultNames() throws {
        #expect(try MeasureCatalog.make("map").valueNames == ["map"])
        #expect(try MeasureCatalog.make("P").valueNames
            == ["P_5", "P_10", "P_15", "P_20", "P_30", "P_100", "P_200", "P_500", "P_1000"])
        #expect(try MeasureCatalog.make("success").valueNames == ["success_1", "success_5", "success_10"])
        #expect(try MeasureCatalog.make("unj").valueNames == ["unj_5", "unj_10", "unj_20"])
        // printf("%3.2f") of 0, .1, ..., 1
        #expect(try MeasureCatalog.make("iprec_at_recall").valueNames == [
            "iprec_at_recall_0.00", "iprec_at_recall_0.10", "iprec_at_recall_0.20",
            "iprec_at_recall_0.30", "iprec_at_recall_0.40", "iprec_at_recall_0.50",
            "iprec_at_recall_0.60", "iprec_at_recall_0.70", "iprec_at_recall_0.80",
            "iprec_at_recall_0.90", "iprec_at_recall_1.00",
        ])
        #expect(try MeasureCatalog.make("Rprec_mult").valueNames == [
            "Rprec_mult_0.20", "Rprec_mult_0.40", "Rprec_mult_0.60", "Rprec_mult_0.80",
            "Rprec_mult_1.00", "Rprec_mult_1.20", "Rprec_mult_1.40", "Rprec_mult_1.60",
            "Rprec_mult_1.80", "Rprec_mult_2.00",
        ])
        // Without parameters the parameter-list measures print their bare name.
        #expect(try MeasureCatalog.make("utility").valueNames == ["utility"])
        #expect(try MeasureCatalog.make("ndcg").valueNames == ["ndcg"])
        #expect(try MeasureCatalog.make("rbp").valueNames == ["rbp"])
        #expect(try MeasureCatalog.make("set_F").valueNames == ["set_F"])
        #expect(try MeasureCatalog.make("11pt_avg").valueNames == ["11pt_avg"])
        #expect(try MeasureCatalog.make("relstring").valueNames == ["relstring"])
    }

    static let badCutoffCases: [String] = [
        "0", "-1", "5,0", "5,5", "10,5,10", "5,", "abc",
    ]

    @Test("integer cutoffs that are zero, negative, empty or repeated are rejected", arguments: ParameterTests.badCutoffCases)
    func badIntegerCutoffs(parameters: String) {
        let error = #expect(throws: MeasureError.self) {
            try MeasureCatalog.make("P", parameters: parameters)
        }
        guard case .invalidParameters(let measure, _)? = error else {
            Issue.record("expected invalidParameters, got \(String(describing: error))")
            return
        }
        #expect(measure == "P")
    }

    @Test("repeated decimal cutoffs are rejected")
    func duplicateDecimalCutoffs() {
        #expect(throws: MeasureError.self) {
            try MeasureCatalog.make("iprec_at_recall", parameters: "0.5,.5")
        }
    }

    @Test("utility needs exactly four parameters")
    func utilityParameterCount() {
        #expect(throws: MeasureError.self) { try MeasureCatalog.make("utility", parameters: "1,-1,0") }
        #expect(throws: MeasureError.self) { try MeasureCatalog.make("utility", parameters: "1,-1,0,0,0") }
    }

    @Test("pairs must have the form name=value")
    func malformedPairs() {
        #expect(throws: MeasureError.self) { try MeasureCatalog.make("ndcg", parameters: "1=3,2") }
        #expect(throws: MeasureError.self) { try MeasureCatalog.make("ndcg", parameters: "1=3=4") }
    }

    @Test("an unknown measure is rejected, by make and by select")
    func unknownMeasure() {
        #expect(throws: MeasureError.unknownMeasure("nosuch")) { try MeasureCatalog.make("nosuch") }
        #expect(throws: MeasureError.unknownMeasure("nosuch")) { try MeasureCatalog.select(["map", "nosuch"]) }
        #expect(throws: MeasureError.unknownMeasure("nosuch")) { try MeasureCatalog.select(["nosuch.5"]) }
        // Names are case-sensitive, as strcmp compares them.
        #expect(throws: MeasureError.unknownMeasure("MAP")) { try MeasureCatalog.select(["MAP"]) }
    }

    @Test("a dot with nothing after it is an error (trec_eval: improper measure)")
    func emptyParameterList() {
        #expect(throws: MeasureError.emptyParameters("P")) { try MeasureCatalog.select(["P."]) }
    }

    @Test("'official' expands to its 12 measures in print order")
    func officialNickname() throws {
        let names = try MeasureCatalog.select(["official"]).map(\.name)
        #expect(names == ["runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map",
                          "Rprec", "bpref", "recip_rank", "iprec_at_recall", "P"])
        #expect(names.count == 12)
    }

    @Test("'set' expands in print order (set_relative_P before set_recall)")
    func setNickname() throws {
        let names = try MeasureCatalog.select(["set"]).map(\.name)
        #expect(names == ["runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "utility", "set_P",
                          "set_relative_P", "set_recall", "set_map", "set_F"])
    }

    @Test("'all_trec' holds every measure but dcg, ideal_dcg and yaap, in print order")
    func allTrecNickname() throws {
        let names = try MeasureCatalog.select(["all_trec"]).map(\.name)
        #expect(names == [
            "runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map", "Rprec", "bpref",
            "recip_rank", "iprec_at_recall", "P", "relstring", "recall", "infAP", "gm_bpref",
            "Rprec_mult", "utility", "11pt_avg", "binG", "G", "ndcg", "ndcg_rel", "Rndcg", "ndcg_cut",
            "map_cut", "relative_P", "success", "set_P", "set_relative_P", "set_recall", "set_map",
            "set_F", "num_nonrel_judged_ret", "rbp", "rbp_resid", "unj",
        ])
    }

    @Test("the catalog follows te_trec_measures[] order (prefs and avgjg measures aside)")
    func printOrder() {
        #expect(MeasureCatalog.entries.map(\.name) == [
            "runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map", "Rprec", "bpref",
            "recip_rank", "iprec_at_recall", "P", "relstring", "recall", "infAP", "gm_bpref",
            "Rprec_mult", "utility", "11pt_avg", "binG", "G", "dcg", "ideal_dcg", "ndcg", "ndcg_rel",
            "Rndcg", "ndcg_cut", "map_cut", "relative_P", "success", "set_P", "set_relative_P",
            "set_recall", "set_map", "set_F", "num_nonrel_judged_ret", "yaap", "rbp", "rbp_resid", "unj",
        ])
    }

    @Test("select returns print order whatever the argument order")
    func selectOrder() throws {
        let names = try MeasureCatalog.select(["ndcg_cut.10", "P.5", "map"]).map(\.name)
        #expect(names == ["map", "P", "ndcg_cut"])
    }

    @Test("a measure given twice keeps the first parameter list")
    func firstParametersWin() throws {
        let measures = try MeasureCatalog.select(["P.5", "P.10"])
        #expect(measures.count == 1)
        #expect(measures[0].valueNames == ["P_5"])
    }

    @Test("a nickname and a parameterised member give the member once, with its parameters")
    func nicknameWithParameters() throws {
        let measures = try MeasureCatalog.select(["official", "P.5"])
        #expect(measures.count == 12)
        #expect(measures.last?.valueNames == ["P_5"])
    }

    @Test("print styles: counts are summed, gm_* are summary-only, relstring is per-topic text")
    func styles() throws {
        #expect(try MeasureCatalog.make("num_ret").style == .count)
        #expect(try MeasureCatalog.make("map").style == .real)
        #expect(try MeasureCatalog.make("gm_map").style == .geometric)
        #expect(try MeasureCatalog.make("gm_bpref").style == .geometric)
        #expect(try MeasureCatalog.make("num_q").style.summary == .topicCount)
        #expect(try MeasureCatalog.make("runid").style.format == .runTag)
        let relstring = try MeasureCatalog.make("relstring").style
        #expect(relstring.format == .quotedText)
        #expect(relstring.summary == .none)
    }

    static let cAtolCases: [(text: String, expected: Int)] = [
        ("23.4", 23), ("abc", 0), ("", 0), ("  7", 7), ("\t-3", -3), ("+5", 5), ("12abc", 12),
        ("-0", 0), ("007", 7), ("99999999999999999999", Int.max), ("-99999999999999999999", Int.min),
    ]

    @Test("cAtol follows C's atol", arguments: ParameterTests.cAtolCases)
    func cAtolFollowsC(text: String, expected: Int) {
        #expect(cAtol(text) == expected)
    }

    @Test("cAtof follows C's atof")
    func cAtofCases() {
        #expect(cAtof("0.5") == 0.5)
        #expect(cAtof(".25") == 0.25)
        #expect(cAtof("2.5abc") == 2.5)
        #expect(cAtof("abc") == 0)
        #expect(cAtof("1e2") == 100)
    }
}
