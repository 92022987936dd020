// The ir_measures families reval knows, with ir_measures' parameters and defaults
// (ir_measures 0.4.3, ir_measures/measures/*.py). Where trec_eval has the measure, its
// code computes it, so the values are trec_eval's: `nDCG@10` is ndcg_cut.10, `AP(rel=2)`
// is map under -l 2. docs/measures.md gives each definition.

extension ModernFamily {
    /// In the order docs/measures.md lists them.
    static let all: [ModernFamily] = [
        nDCG, ap, precision, recall, rr, rPrec, bpref, infAP, success, judged,
        numQ, numRel, numRet, setP, setR, setF, setAP, err, rbp, rbpResidual,
    ]

    /// ir_measures' other names, and the parameters some of them stand for.
    static let aliases: [String: (family: String, presets: [ModernParameter])] = [
        "NDCG": ("nDCG", []),
        "MAP": ("AP", []),
        "MRR": ("RR", []),
        "Precision": ("P", []),
        "Recall": ("R", []),
        "RPrec": ("Rprec", []),
        "BPref": ("Bpref", []),
        "NumRelRet": ("NumRet", [ModernParameter("rel", .integer(1))]),
        "SetRelP": ("SetP", [ModernParameter("relative", .boolean(true))]),
    ]

    static let rel = Parameter("rel", .integer, default: .integer(1))
    static let judgedOnly = Parameter("judged_only", .boolean, default: .boolean(false))

    static let nDCG = ModernFamily("nDCG", cutoff: .optional, [
        Parameter("dcg", .choice(["log2", "exp-log2"]), default: .text("log2")),
        Parameter("gains", .gains, default: nil),
        judgedOnly,
    ]) { a in
        if a.text("dcg") == "exp-log2" {
            return ModernMeasure(name: a.name) { r, _ in ModernMeasure.exponentialNDCG(a.view(r), cutoff: a.cutoff) }
        }
        if let k = a.cutoff { return trecEval(a, MeasureCatalog.ndcgCut, ParsedParameters(integers: [k])) }
        return trecEval(a, MeasureCatalog.ndcg)
    }

    static let ap = ModernFamily("AP", cutoff: .optional, [rel, judgedOnly]) { a in
        if let k = a.cutoff { return trecEval(a, MeasureCatalog.mapCut, ParsedParameters(integers: [k])) }
        return trecEval(a, MeasureCatalog.map)
    }

    static let precision = ModernFamily("P", cutoff: .required, [rel, judgedOnly]) { a in
        trecEval(a, MeasureCatalog.precision, ParsedParameters(integers: [a.cutoff ?? 0]))
    }

    static let recall = ModernFamily("R", cutoff: .required, [rel, judgedOnly]) { a in
        trecEval(a, MeasureCatalog.recall, ParsedParameters(integers: [a.cutoff ?? 0]))
    }

    /// trec_eval's recip_rank has no cutoff: RR@k is recip_rank over the first k documents.
    static let rr = ModernFamily("RR", cutoff: .optional, [rel, judgedOnly]) { a in
        ModernMeasure(name: a.name) { r, c in
            var view = a.view(r)
            if let k = a.cutoff { view = view.prefix(k) }
            return MeasureCatalog.recipRank.compute(view, c, ParsedParameters())[0]
        }
    }

    static let rPrec = ModernFamily("Rprec", cutoff: .none, [rel, judgedOnly]) { a in
        trecEval(a, MeasureCatalog.rPrec)
    }

    static let bpref = ModernFamily("Bpref", cutoff: .none, [rel]) { a in
        trecEval(a, MeasureCatalog.bpref)
    }

    static let infAP = ModernFamily("infAP", cutoff: .none, [rel]) { a in
        trecEval(a, MeasureCatalog.infAP)
    }

    static let success = ModernFamily("Success", cutoff: .required, [rel, judgedOnly]) { a in
        trecEval(a, MeasureCatalog.success, ParsedParameters(integers: [a.cutoff ?? 0]))
    }

    static let judged = ModernFamily("Judged", cutoff: .optional) { a in
        ModernMeasure(name: a.name) { r, _ in ModernMeasure.judgmentRate(r, cutoff: a.cutoff) }
    }

    static let numQ = ModernFamily("NumQ", cutoff: .none) { a in
        trecEval(a, MeasureCatalog.numQ, style: MeasureCatalog.numQ.style)
    }

    static let numRel = ModernFamily("NumRel", cutoff: .none, [rel]) { a in
        trecEval(a, MeasureCatalog.numRel, style: .count)
    }

    /// Without `rel`, every retrieved document (num_ret); with it, those of grade `rel` or
    /// more (num_rel_ret).
    static let numRet = ModernFamily("NumRet", cutoff: .none, [Parameter("rel", .integer, default: nil)]) { a in
        if a.integer("rel") != nil { return trecEval(a, MeasureCatalog.numRelRet, style: .count) }
        return trecEval(a, MeasureCatalog.numRet, style: .count, zeroForMissingTopic: true)
    }

    static let setP = ModernFamily("SetP", cutoff: .none, [
        rel, Parameter("relative", .boolean, default: .boolean(false)), judgedOnly,
    ]) { a in
        trecEval(a, a.boolean("relative") ? MeasureCatalog.setRelativeP : MeasureCatalog.setP)
    }

    static let setR = ModernFamily("SetR", cutoff: .none, [rel]) { a in
        trecEval(a, MeasureCatalog.setRecall)
    }

    static let setF = ModernFamily("SetF", cutoff: .none, [
        rel, Parameter("beta", .real, default: .real(1)), judgedOnly,
    ]) { a in
        trecEval(a, MeasureCatalog.setF, ParsedParameters(decimals: [a.real("beta") ?? 1]))
    }

    static let setAP = ModernFamily("SetAP", cutoff: .none, [rel, judgedOnly]) { a in
        trecEval(a, MeasureCatalog.setMAP)
    }

    static let err = ModernFamily("ERR", cutoff: .optional) { a in
        ModernMeasure(name: a.name) { r, _ in ModernMeasure.expectedReciprocalRank(r, cutoff: a.cutoff) }
    }

    /// Graded (no `rel`): trec_eval's rbp, gains divided by the topic's highest grade.
    /// Binary with `rel`: gain 1 from grade `rel` on, as ir_measures (cwl_eval) computes it.
    static let rbp = ModernFamily("RBP", cutoff: .optional, [
        Parameter("p", .real, default: .real(0.8)), Parameter("rel", .integer, default: nil),
    ]) { a in
        let p = a.real("p") ?? 0.8
        return ModernMeasure(name: a.name) { r, c in
            let view = a.cutoff.map { r.prefix($0) } ?? r
            if let level = a.integer("rel") {
                return ModernMeasure.binaryRankBiasedPrecision(view, persistence: p, level: level)
            }
            return MeasureCatalog.rbp.compute(view, c, ParsedParameters(pairs: [("p", p)]))[0]
        }
    }

    /// reval's own name: ir_measures has no RBP residual.
    static let rbpResidual = ModernFamily("RBP_resid", cutoff: .optional, [
        Parameter("p", .real, default: .real(0.8)),
    ]) { a in
        let p = a.real("p") ?? 0.8
        return ModernMeasure(name: a.name, zeroForMissingTopic: true) { r, _ in
            ModernMeasure.rankBiasedResidual(a.cutoff.map { r.prefix($0) } ?? r, persistence: p)
        }
    }

    /// A measure computed by a trec_eval measure's code on the ranking's view.
    static func trecEval(_ a: Arguments, _ entry: MeasureCatalog.Entry,
                         _ parameters: ParsedParameters = ParsedParameters(),
                         style: MeasureStyle = .real, zeroForMissingTopic: Bool = false) -> ModernMeasure {
        ModernMeasure(name: a.name, style: style, zeroForMissingTopic: zeroForMissingTopic) { r, c in
            entry.compute(a.view(r), c, parameters)[0]
        }
    }
}
