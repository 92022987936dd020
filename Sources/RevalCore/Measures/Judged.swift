// Judgment coverage: unj (fraction unjudged at k) and relstring (the grades of the top
// documents as text).

extension MeasureCatalog {
    /// Documents not judged (not in the qrels, or with a negative grade) among the top k,
    /// divided by k.
    static let unjudged = Entry("unj", .integerCutoffs(defaults: [5, 10, 20])) { r, _, p in
        p.integers.map { k in
            var n = 0
            for i in 0..<min(k, r.numRet) where r.rels[i] < 0 { n += 1 }
            return Double(n) / Double(k)
        }
    }

    /// The grades of the first N documents (default 10) as one character each: the
    /// digit for 0-9, '>' above 9, '-' not in the pool, '.' pooled but unjudged.
    /// Printed per topic only.
    static let relstring = Entry(
        "relstring", .decimalParameters(defaults: [10]),
        MeasureStyle(format: .quotedText, summary: .none, perQuery: true)
    ) { _, _, _ in [0] }
        .describing { r, _, p in
            let length = max(0, min(truncatedToInt(p.decimals.first ?? 10), r.numRet))
            var text = ""
            for rel in r.rels.prefix(length) {
                switch rel {
                case 10...: text.append(">")
                case 0...9: text.append(Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8(rel))))
                case nonpoolRelevance: text.append("-")
                case unjudgedRelevance: text.append(".")
                default: text.append("<")
                }
            }
            return text
        }
}
