/// One ir_measures measure family (`nDCG`, `AP`, `RBP`, ...): the parameters it takes,
/// with their defaults, whether it takes a cutoff, and how it makes a measure.
/// ModernFamilies.swift lists them.
struct ModernFamily: Sendable {
    enum CutoffUse: Sendable {
        case none, optional, required
    }

    struct Parameter: Sendable {
        enum Kind: Sendable {
            case integer, real, boolean
            case choice([String])
            case gains
        }

        let key: String
        let kind: Kind
        /// nil when leaving the parameter out means something of its own (`NumRet` without
        /// `rel` counts every document).
        let defaultValue: ModernParameterValue?

        init(_ key: String, _ kind: Kind, default defaultValue: ModernParameterValue?) {
            self.key = key
            self.kind = kind
            self.defaultValue = defaultValue
        }
    }

    /// A family's name with its parameters checked, typed and completed with defaults.
    struct Arguments: Sendable {
        /// The canonical name the measure prints under.
        let name: String
        let cutoff: Int?
        let values: [String: ModernParameterValue]

        func integer(_ key: String) -> Int? {
            if case .integer(let v)? = values[key] { return v }
            return nil
        }

        func real(_ key: String) -> Double? {
            if case .real(let v)? = values[key] { return v }
            return nil
        }

        func boolean(_ key: String) -> Bool {
            if case .boolean(let v)? = values[key] { return v }
            return false
        }

        func text(_ key: String) -> String? {
            if case .text(let v)? = values[key] { return v }
            return nil
        }

        /// The ranking as the parameters ask to see it: grades mapped by `gains`, unjudged
        /// documents dropped for `judged_only=True`, relevance from grade `rel` on.
        func view(_ ranking: JudgedRanking) -> JudgedRanking {
            var r = ranking
            if case .gains(let gains)? = values["gains"] { r = r.mappingGrades(gains) }
            if boolean("judged_only") { r = r.judgedOnly() }
            if let level = integer("rel") { r = r.withRelevanceLevel(level) }
            return r
        }
    }

    let name: String
    let cutoff: CutoffUse
    /// In ir_measures' order, which is the order they print in.
    let parameters: [Parameter]
    let build: @Sendable (Arguments) -> ModernMeasure

    init(_ name: String, cutoff: CutoffUse, _ parameters: [Parameter] = [],
         build: @escaping @Sendable (Arguments) -> ModernMeasure) {
        self.name = name
        self.cutoff = cutoff
        self.parameters = parameters
        self.build = build
    }

    /// The family called `name`, directly or through an alias, and the parameters the
    /// alias stands for (`NumRelRet` is `NumRet(rel=1)`).
    static func named(_ name: String) -> (ModernFamily, [ModernParameter])? {
        if let family = all.first(where: { $0.name == name }) { return (family, []) }
        guard let alias = aliases[name], let family = all.first(where: { $0.name == alias.family }) else { return nil }
        return (family, alias.presets)
    }

    /// Checks `parsed` against the family and completes it with the defaults.
    func arguments(for parsed: ModernMeasureName, presets: [ModernParameter]) throws(MeasureError) -> Arguments {
        var given: [String: ModernParameterValue] = [:]
        for p in presets + parsed.parameters {
            guard let spec = parameters.first(where: { $0.key == p.key }) else {
                let known = parameters.isEmpty ? "none" : parameters.map(\.key).joined(separator: ", ")
                throw invalid("has no parameter '\(p.key)' (parameters: \(known))")
            }
            given[p.key] = try spec.check(p.value, family: self)
        }
        switch (cutoff, parsed.cutoff) {
        case (.none, _?): throw invalid("takes no cutoff ('@k')")
        case (.required, nil): throw invalid("needs a cutoff, as in \(name)@10")
        case (_, let k?) where k <= 0: throw invalid("the cutoff must be positive, got \(k)")
        default: break
        }

        var canonical = name
        var values: [String: ModernParameterValue] = [:]
        var shown: [String] = []
        for spec in parameters {
            if let v = given[spec.key] {
                values[spec.key] = v
                if v != spec.defaultValue { shown.append("\(spec.key)=\(v)") }
            } else if let d = spec.defaultValue {
                values[spec.key] = d
            }
        }
        if !shown.isEmpty { canonical += "(" + shown.joined(separator: ",") + ")" }
        if let k = parsed.cutoff { canonical += "@\(k)" }
        return Arguments(name: canonical, cutoff: parsed.cutoff, values: values)
    }

    func invalid(_ reason: String) -> MeasureError {
        .invalidParameters(measure: name, reason: reason)
    }
}

extension ModernFamily.Parameter {
    /// The value converted to this parameter's type (an integer where a real is wanted is
    /// accepted), or an error naming what was expected.
    func check(_ value: ModernParameterValue, family: ModernFamily) throws(MeasureError) -> ModernParameterValue {
        switch (kind, value) {
        case (.integer, .integer(let v)):
            if key == "rel" && v < 0 { throw family.invalid("rel must be 0 or more, got \(v)") }
            return value
        case (.real, .integer(let v)):
            return try check(.real(Double(v)), family: family)
        case (.real, .real(let v)):
            if key == "p" && !(v > 0 && v < 1) { throw family.invalid("p must lie between 0 and 1, got \(v)") }
            return value
        case (.boolean, .boolean):
            return value
        case (.choice(let choices), .text(let v)) where choices.contains(v):
            return value
        case (.gains, .gains(let map)):
            if let grade = map.keys.first(where: { $0 < 0 }) {
                throw family.invalid("gains apply to grades 0 and above, got \(grade)")
            }
            return value
        default:
            throw family.invalid("\(key)=\(value) is not \(expected)")
        }
    }

    var expected: String {
        switch kind {
        case .integer: return "an integer"
        case .real: return "a number"
        case .boolean: return "True or False"
        case .choice(let choices): return "one of " + choices.map { "'\($0)'" }.joined(separator: ", ")
        case .gains: return "a map of grades to gains, as {0:0,1:1,2:3}"
        }
    }
}
