/// Valid measure names near one that is not, for "did you mean" hints.
///
/// A name is split into a stem and a trailing number (`ndcg_cut_10` is `ndcg_cut` and
/// `10`, `recall@100` is `recall` and `100`), the stem is compared, ignoring case, with
/// every trec_eval measure and nickname and every ir_measures family and alias, by edit
/// distance, and the number is put back in the form each syntax writes it. Ties go to the
/// syntax the name was written in: `@` or `(` ask for ir_measures first, anything else
/// for trec_eval.
///
/// ```swift
/// MeasureNameSuggestions.nearest(to: "ndcg_cut_10")   // ["ndcg_cut.10"]
/// MeasureNameSuggestions.nearest(to: "P_10")          // ["P.10", "P@10"]
/// MeasureNameSuggestions.nearest(to: "recall@100")    // ["R@100", "recall.100"]
/// ```
public enum MeasureNameSuggestions {
    /// Up to `limit` valid names, nearest first; empty when nothing is near.
    public static func nearest(to name: String, limit: Int = 3) -> [String] {
        let parts = Parts(name)
        let stem = parts.stem.lowercased()
        // Short names are near too many others: up to 3 letters, one edit at most.
        let maxDistance = stem.count <= 3 ? 1 : min(3, max(1, stem.count / 3))
        var found: [(distance: Int, modern: Bool, order: Int, text: String)] = []
        func consider(_ candidate: String, modern: Bool, text: String?) {
            guard let text, text != name else { return }
            let d = editDistance(stem, candidate.lowercased())
            guard d <= maxDistance else { return }
            found.append((d, modern, found.count, text))
        }
        for entry in MeasureCatalog.entries {
            consider(entry.name, modern: false, text: parts.trecEval(entry.name, kind: entry.kind))
        }
        for nickname in MeasureCatalog.nicknames.keys.sorted() where parts.number == nil {
            consider(nickname, modern: false, text: nickname)
        }
        for family in ModernFamily.all {
            consider(family.name, modern: true, text: parts.irMeasures(family.name, cutoff: family.cutoff))
        }
        for (alias, target) in ModernFamily.aliases.sorted(by: { $0.key < $1.key }) where target.presets.isEmpty {
            guard let family = ModernFamily.all.first(where: { $0.name == target.family }) else { continue }
            consider(alias, modern: true, text: parts.irMeasures(family.name, cutoff: family.cutoff))
        }
        let preferModern = parts.modernSyntax
        found.sort {
            if $0.distance != $1.distance { return $0.distance < $1.distance }
            if $0.modern != $1.modern { return $0.modern == preferModern }
            return $0.order < $1.order
        }
        // An exact match of the stem (P_10 is P.10 and P@10) leaves out the near ones.
        if found.first?.distance == 0 { found.removeAll { $0.distance > 0 } }
        var result: [String] = []
        for candidate in found where !result.contains(candidate.text) {
            result.append(candidate.text)
            if result.count == limit { break }
        }
        return result
    }

    /// A name taken apart: the stem, and the number at its end with what joined it.
    struct Parts {
        var stem: String
        var number: String?
        /// Written the ir_measures way (`@` before the number, or parameters in `()`).
        var modernSyntax: Bool

        init(_ name: String) {
            var text = Substring(name)
            modernSyntax = text.contains("@") || text.contains("(")
            if let open = text.firstIndex(of: "("), let at = text.lastIndex(of: "@"), at > open {
                // nDCG(dcg='exp-log2')@10: the stem is before the parameters.
                number = String(text[text.index(after: at)...])
                stem = String(text[..<open])
                return
            }
            if let open = text.firstIndex(of: "(") { text = text[..<open] }
            let digits = text.reversed().prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            var numberText = String(digits.reversed())
            while numberText.hasPrefix(".") { numberText.removeFirst() }
            guard !numberText.isEmpty, numberText.first?.isNumber == true else {
                stem = String(text)
                return
            }
            number = numberText
            var rest = text.dropLast(numberText.count)
            while let last = rest.last, "._@".contains(last) { rest = rest.dropLast() }
            stem = String(rest)
        }

        /// How trec_eval writes `name` with this number (`P.10`), or nil when the measure
        /// takes no parameters but a number was given.
        func trecEval(_ name: String, kind: ParameterKind) -> String? {
            guard let number else { return name }
            switch kind {
            case .integerCutoffs: return number.contains(".") ? nil : "\(name).\(number)"
            case .decimalCutoffs: return "\(name).\(number)"
            case .none, .decimalParameters, .pairs: return nil
            }
        }

        /// How ir_measures writes the family with this number (`R@100`).
        func irMeasures(_ family: String, cutoff: ModernFamily.CutoffUse) -> String? {
            switch (cutoff, number) {
            case (.none, nil): return family
            case (.none, _?): return nil
            case (_, let k?): return k.contains(".") ? nil : "\(family)@\(k)"
            case (.optional, nil): return family
            case (.required, nil): return "\(family)@10"
            }
        }
    }

    /// Edit distance over characters: insertions, deletions, substitutions and swaps of
    /// two neighbours (`mpa` is one edit from `map`), each costing 1.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
