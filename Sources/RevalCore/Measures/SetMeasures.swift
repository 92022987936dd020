// Unranked set measures over everything retrieved: set_P, set_recall, set_relative_P,
// set_map, set_F, utility.

extension MeasureCatalog {
    /// Relevant retrieved / retrieved.
    static let setP = Entry("set_P") { r, _, _ in
        [r.numRet > 0 ? Double(r.numRelRet) / Double(r.numRet) : 0]
    }

    /// Relevant retrieved / min(retrieved, R).
    static let setRelativeP = Entry("set_relative_P") { r, _, _ in
        let best = min(r.numRet, r.numRel)
        return [best > 0 ? Double(r.numRelRet) / Double(best) : 0]
    }

    /// Relevant retrieved / R.
    static let setRecall = Entry("set_recall") { r, _, _ in
        [r.numRel > 0 ? Double(r.numRelRet) / Double(r.numRel) : 0]
    }

    /// Relevant retrieved² / (retrieved · R): set precision times set recall.
    static let setMAP = Entry("set_map") { r, _, _ in
        guard r.numRet > 0 && r.numRel > 0 else { return [0] }
        return [(Double(r.numRelRet) * Double(r.numRelRet)) / (Double(r.numRet) * Double(r.numRel))]
    }

    /// (x + 1)·P·R / (x·P + R), x the weight of recall against precision (default 1).
    static let setF = Entry("set_F", .decimalParameters(defaults: [1.0])) { r, _, p in
        guard r.numRelRet > 0 else { return [0] }
        let precision = Double(r.numRelRet) / Double(r.numRet)
        let recall = Double(r.numRelRet) / Double(r.numRel)
        let x = p.decimals.first ?? 1.0
        return [(x + 1.0) * precision * recall / (x * precision + recall)]
    }

    /// p1·a + p2·b + p3·c + p4·d over the contingency table (a relevant retrieved,
    /// b non-relevant retrieved, c relevant missed, d non-relevant missed, with d taken
    /// from -N). Default 1, -1, 0, 0.
    static let utility = Entry.withParameterCount(4, "utility", .decimalParameters(defaults: [1.0, -1.0, 0.0, 0.0])) { r, c, p in
        let w = p.decimals
        let relRet = Double(r.numRelRet), ret = Double(r.numRet), rel = Double(r.numRel)
        var value = w[0] * relRet
        value += w[1] * (ret - relRet)
        value += w[2] * (rel - relRet)
        value += w[3] * Double(c.documentsInCollection + r.numRelRet - r.numRet - r.numRel)
        return [value]
    }
}
