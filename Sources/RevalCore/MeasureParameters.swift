#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a measure could not be set up from its name and parameters.
public enum MeasureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No measure or nickname has this name (trec_eval exits 1).
    case unknownMeasure(String)
    /// `-m P.` : a dot with nothing after it (trec_eval exits 1).
    case emptyParameters(String)
    /// The parameters do not fit the measure (trec_eval exits 2).
    case invalidParameters(measure: String, reason: String)
    /// The measure cannot be computed from the relevance format given with -R (trec_eval
    /// fails computing it, exit 4).
    case wrongRelevanceFormat(measure: String, format: RelevanceFormat)

    /// The message reval prints.
    public var description: String {
        switch self {
        case .unknownMeasure(let name): return "unknown measure '\(name)'"
        case .emptyParameters(let name): return "measure '\(name).' has an empty parameter list"
        case .invalidParameters(let measure, let reason): return "measure '\(measure)': \(reason)"
        case .wrongRelevanceFormat(let measure, let format):
            let needed = RelevanceFormat.formats(forMeasure: measure).map { "-R \($0.name)" }
            let expected = needed.isEmpty ? "a trec_eval measure name" : needed.joined(separator: " or ")
            return "measure '\(measure)' cannot be computed from -R \(format.name) judgments; expected \(expected)"
        }
    }
}

/// The parameter forms of trec_eval's measures.
public enum ParameterKind: Sendable {
    /// No parameters.
    case none
    /// Integer cutoffs, `P.5,10`; printed `P_5`, `P_10`.
    case integerCutoffs(defaults: [Int])
    /// Decimal cutoffs, `iprec_at_recall..25,.5`; printed `name_%3.2f`.
    case decimalCutoffs(defaults: [Double])
    /// Decimal parameters, `utility.2,-1,0,0`; printed `name_<text>` when given.
    case decimalParameters(defaults: [Double])
    /// `name=value` pairs, `ndcg.1=3,2=9` or `rbp.p=0.8`; printed `name_<text>` when given.
    case pairs
}

/// Parameters after parsing, with the text they came from (nil for the defaults).
public struct ParsedParameters: Sendable {
    /// Integer parameters (`P.5,10`: 5, 10).
    public var integers: [Int] = []
    /// Decimal parameters (`iprec_at_recall..25,.5`).
    public var decimals: [Double] = []
    /// Name=value pairs (`ndcg.1=3,2=9`, `rbp.p=0.8`).
    public var pairs: [(name: String, value: Double)] = []
    /// The parameter text as given, for measures that print it.
    public var text: String?
}

/// C's `atol`: optional leading whitespace and sign, then digits; stops at the first
/// other byte ("23.4" is 23, "abc" is 0). Saturates instead of overflowing.
public func cAtol<S: StringProtocol>(_ s: S) -> Int {
    var it = s.utf8.makeIterator()
    var c = it.next()
    while let b = c, isCSpace(b) { c = it.next() }
    var negative = false
    if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
        negative = c == UInt8(ascii: "-")
        c = it.next()
    }
    var value = 0
    while let b = c, b >= 0x30 && b <= 0x39 {
        let (m, o1) = value.multipliedReportingOverflow(by: 10)
        let (a, o2) = m.addingReportingOverflow(Int(b - 0x30))
        if o1 || o2 { return negative ? Int.min : Int.max }
        value = a
        c = it.next()
    }
    return negative ? -value : value
}

/// C's `atof` (strtod on the text, 0 when nothing parses).
public func cAtof(_ s: String) -> Double {
    s.withCString { strtod($0, nil) }
}

extension ParameterKind {
    /// Parses the text after the first dot of `-m name.text`; nil text gives the defaults.
    func parse(_ text: String?, measure: String) throws(MeasureError) -> ParsedParameters {
        var p = ParsedParameters()
        p.text = text
        switch self {
        case .none:
            return p
        case .integerCutoffs(let defaults):
            guard let text else { p.integers = defaults; return p }
            let values = text.split(separator: ",", omittingEmptySubsequences: false).map { cAtol($0) }.sorted()
            if let smallest = values.first, smallest <= 0 {
                throw .invalidParameters(measure: measure, reason: "cutoffs must be positive (got '\(text)')")
            }
            if zip(values, values.dropFirst()).contains(where: { $0 == $1 }) {
                throw .invalidParameters(measure: measure, reason: "duplicate cutoffs in '\(text)'")
            }
            p.integers = values
        case .decimalCutoffs(let defaults):
            guard let text else { p.decimals = defaults; return p }
            let values = text.split(separator: ",", omittingEmptySubsequences: false).map { cAtof(String($0)) }.sorted()
            if zip(values, values.dropFirst()).contains(where: { $0 == $1 }) {
                throw .invalidParameters(measure: measure, reason: "duplicate cutoffs in '\(text)'")
            }
            p.decimals = values
        case .decimalParameters(let defaults):
            guard let text else { p.decimals = defaults; return p }
            p.decimals = text.split(separator: ",", omittingEmptySubsequences: false).map { cAtof(String($0)) }
        case .pairs:
            guard let text else { return p }
            for item in text.split(separator: ",", omittingEmptySubsequences: false) {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[1].contains("=") else {
                    throw .invalidParameters(measure: measure, reason: "malformed name=value pairs in '\(text)'")
                }
                p.pairs.append((String(parts[0]), cAtof(String(parts[1]))))
            }
        }
        return p
    }

    /// The printed value names for a measure with these parameters.
    func valueNames(_ name: String, _ p: ParsedParameters) -> [String] {
        switch self {
        case .none:
            return [name]
        case .integerCutoffs:
            return p.integers.map { "\(name)_\($0)" }
        case .decimalCutoffs:
            return p.decimals.map { "\(name)_\(formatC("%3.2f", $0))" }
        case .decimalParameters, .pairs:
            return [p.text.map { "\(name)_\($0)" } ?? name]
        }
    }
}

/// printf-style formatting of one double, through the C library, so that rounding and
/// the spelling of nan and inf are exactly C's.
public func formatC(_ format: String, _ value: Double) -> String {
    var capacity = 64
    while true {
        var buffer = [UInt8](repeating: 0, count: capacity)
        let n = Int(withVaList([value]) { args in
            buffer.withUnsafeMutableBufferPointer { raw in
                raw.withMemoryRebound(to: CChar.self) { vsnprintf($0.baseAddress, capacity, format, args) }
            }
        })
        if n < capacity { return String(decoding: buffer[..<max(n, 0)], as: UTF8.self) }
        capacity = n + 1
    }
}
