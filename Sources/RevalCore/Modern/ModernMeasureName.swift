/// A measure name in ir_measures' syntax, parsed but not yet checked against a measure
/// family: `Name`, `Name@k`, `Name(key=value, ...)` or `Name(key=value, ...)@k`.
///
/// ```swift
/// let name = try ModernMeasureName.parse("nDCG(dcg='exp-log2')@10")
/// name.family      // "nDCG"
/// name.parameters  // [("dcg", .text("exp-log2"))]
/// name.cutoff      // 10
/// ```
///
/// Values are written as in Python, as ir_measures reads them: integers (`2`), reals
/// (`0.8`), `True`/`False`, quoted strings (`'exp-log2'`; the quotes may be left out) and
/// integer dictionaries (`{0:0,1:1,2:3}`). Spaces between the parts are allowed.
public struct ModernMeasureName: Sendable, Equatable {
    /// The measure's name as written, e.g. `nDCG` or an alias such as `MAP`.
    public var family: String
    /// `key=value` parameters in the order written.
    public var parameters: [ModernParameter]
    /// The number after `@`.
    public var cutoff: Int?

    /// A name from its parts (`nDCG`, `[rel=2]`, `10` → `nDCG(rel=2)@10`).
    public init(family: String, parameters: [ModernParameter] = [], cutoff: Int? = nil) {
        self.family = family
        self.parameters = parameters
        self.cutoff = cutoff
    }

    /// Parses `text`; a malformed name throws `.invalidParameters` naming what was expected.
    public static func parse(_ text: String) throws(MeasureError) -> ModernMeasureName {
        var scanner = NameScanner(text)
        return try scanner.name()
    }
}

/// One `key=value` parameter of a modern measure name.
public struct ModernParameter: Sendable, Equatable {
    /// The parameter's name (`rel`, `p`, `gains`).
    public var key: String
    /// Its value.
    public var value: ModernParameterValue

    /// A parameter `key=value`.
    public init(_ key: String, _ value: ModernParameterValue) {
        self.key = key
        self.value = value
    }
}

/// A parameter value, typed as ir_measures types it.
public enum ModernParameterValue: Sendable, Equatable, CustomStringConvertible {
    case integer(Int)
    case real(Double)
    case boolean(Bool)
    case text(String)
    /// A grade-to-gain map, `{0:0,1:1,2:3}`.
    case gains([Int: Int])

    /// The value as ir_measures prints it (Python's `repr`): `2`, `0.8`, `True`,
    /// `'exp-log2'`; gains sorted by grade, leaving out grades that map to themselves
    /// (`{2:3}` for `{0:0,1:1,2:3}`).
    public var description: String {
        switch self {
        case .integer(let v): return String(v)
        case .real(let v): return v.description
        case .boolean(let v): return v ? "True" : "False"
        case .text(let v): return "'\(v)'"
        case .gains(let map):
            let pairs = map.keys.sorted().filter { map[$0] != $0 }.map { "\($0):\(map[$0]!)" }
            return "{" + pairs.joined(separator: ",") + "}"
        }
    }
}

/// A hand-written scanner over the name's characters; names are short.
private struct NameScanner {
    let text: String
    let chars: [Character]
    var position = 0

    init(_ text: String) {
        self.text = text
        self.chars = Array(text)
    }

    mutating func name() throws(MeasureError) -> ModernMeasureName {
        skipSpaces()
        var result = ModernMeasureName(family: try identifier(what: "a measure name"))
        skipSpaces()
        if accept("(") {
            skipSpaces()
            while !accept(")") {
                let key = try identifier(what: "a parameter name or ')'")
                skipSpaces()
                try expect("=")
                skipSpaces()
                let value = try value()
                if result.parameters.contains(where: { $0.key == key }) {
                    throw fail("parameter '\(key)' is given twice")
                }
                result.parameters.append(ModernParameter(key, value))
                skipSpaces()
                if !accept(",") {
                    skipSpaces()
                    try expect(")")
                    break
                }
                skipSpaces()
            }
            skipSpaces()
        }
        if accept("@") {
            skipSpaces()
            guard case .integer(let k) = try number() else { throw fail("the cutoff after '@' must be an integer") }
            result.cutoff = k
            skipSpaces()
        }
        if position < chars.count { throw fail("unexpected '\(chars[position])' at column \(position + 1)") }
        return result
    }

    mutating func value() throws(MeasureError) -> ModernParameterValue {
        guard position < chars.count else { throw fail("a value is missing at the end") }
        let c = chars[position]
        if c == "'" || c == "\"" { return .text(try quoted()) }
        if c == "{" { return .gains(try gains()) }
        if c.isNumber || c == "-" || c == "+" || c == "." { return try number() }
        // A bare word: True, False, or a string written without quotes (exp-log2).
        let start = position
        while position < chars.count, chars[position].isLetter || chars[position].isNumber
                || chars[position] == "_" || chars[position] == "-" {
            position += 1
        }
        let word = String(chars[start..<position])
        switch word {
        case "": throw fail("expected a value at column \(position + 1)")
        case "True", "true": return .boolean(true)
        case "False", "false": return .boolean(false)
        default: return .text(word)
        }
    }

    mutating func quoted() throws(MeasureError) -> String {
        let quote = chars[position]
        position += 1
        let start = position
        while position < chars.count && chars[position] != quote { position += 1 }
        guard position < chars.count else { throw fail("a quoted value is not closed") }
        defer { position += 1 }
        return String(chars[start..<position])
    }

    mutating func gains() throws(MeasureError) -> [Int: Int] {
        position += 1  // {
        var map: [Int: Int] = [:]
        skipSpaces()
        while !accept("}") {
            guard case .integer(let grade) = try number() else { throw fail("gains map integer grades to integer gains") }
            skipSpaces()
            try expect(":")
            skipSpaces()
            guard case .integer(let gain) = try number() else { throw fail("gains map integer grades to integer gains") }
            if map[grade] != nil { throw fail("grade \(grade) appears twice in the gains") }
            map[grade] = gain
            skipSpaces()
            if !accept(",") {
                try expect("}")
                break
            }
            skipSpaces()
        }
        return map
    }

    /// An integer (`12`, `-1`) or a real (`0.8`, `.5`, `1e-3`).
    mutating func number() throws(MeasureError) -> ModernParameterValue {
        let start = position
        if position < chars.count && (chars[position] == "-" || chars[position] == "+") { position += 1 }
        var isReal = false
        while position < chars.count {
            let c = chars[position]
            if c.isASCII && c.isNumber {
                position += 1
            } else if c == "." || c == "e" || c == "E" {
                isReal = true
                position += 1
                if (c == "e" || c == "E") && position < chars.count && (chars[position] == "-" || chars[position] == "+") {
                    position += 1
                }
            } else {
                break
            }
        }
        let literal = String(chars[start..<position])
        if !isReal, let v = Int(literal) { return .integer(v) }
        if isReal, let v = Double(literal), v.isFinite { return .real(v) }
        throw fail("'\(literal)' is not a number")
    }

    mutating func identifier(what: String) throws(MeasureError) -> String {
        let start = position
        while position < chars.count {
            let c = chars[position]
            let ok = c == "_" || (c.isASCII && c.isLetter) || (position > start && c.isASCII && c.isNumber)
            if !ok { break }
            position += 1
        }
        guard position > start else {
            let found = position < chars.count ? "'\(chars[position])'" : "the end"
            throw fail("expected \(what) at column \(position + 1), found \(found)")
        }
        return String(chars[start..<position])
    }

    mutating func skipSpaces() {
        while position < chars.count && chars[position].isWhitespace { position += 1 }
    }

    mutating func accept(_ c: Character) -> Bool {
        guard position < chars.count && chars[position] == c else { return false }
        position += 1
        return true
    }

    mutating func expect(_ c: Character) throws(MeasureError) {
        guard accept(c) else {
            let found = position < chars.count ? "'\(chars[position])'" : "the end"
            throw fail("expected '\(c)' at column \(position + 1), found \(found)")
        }
    }

    func fail(_ reason: String) -> MeasureError {
        .invalidParameters(measure: text, reason: reason)
    }
}
