import Yams

/// Scalars read as the text that was written, then parsed by reval: numbers are plain
/// decimals, booleans are `true` or `false`. Everything YAML 1.1 would convert behind the
/// user's back is an error that says so.
extension YAMLNode {
    /// The scalar's text, whatever its style (`no` stays "no", `1.10` stays "1.10").
    public func string() throws(YAMLError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error("expected text, found \(kindDescription)")
        }
        return scalar.string
    }

    /// The text of a plain (unquoted) scalar; nil for quoted or block text, mappings, lists.
    public var plainText: String? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return nil }
        return scalar.string
    }

    /// Whether this is a plain scalar that YAML 1.1 reads as a boolean (`yes`, `no`, `on`,
    /// `off`, `y`, `n`, `true`, `false` in their YAML spellings), for text keys where such
    /// a value is more likely a slip than a name.
    public var isYAML11Boolean: Bool {
        plainText.map(DecimalSyntax.yaml11Booleans.contains) ?? false
    }

    /// A plain (unquoted) scalar's text, for numbers and booleans.
    func plainScalar(expected: String) throws(YAMLError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error("expected \(expected), found \(kindDescription)")
        }
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            throw error("expected \(expected), found the quoted text '\(Self.excerpt(scalar.string))'; write it without quotes")
        }
        if scalar.style == .literal || scalar.style == .folded {
            throw error("expected \(expected), found a block of text")
        }
        return scalar.string
    }

    /// A finite decimal number: `12`, `0.0832`, `-3.5`, `1.5e-3`.
    ///
    /// Rejected, each with its reason: a leading zero (`010`, octal in YAML 1.1), `_` in
    /// digits (`1_000`), base 60 (`1:30`), hexadecimal, octal or binary forms, `.inf`,
    /// `.nan`, YAML 1.1's booleans, a leading `+` or `.`.
    public func number() throws(YAMLError) -> Double {
        let text = try plainScalar(expected: "a number")
        switch DecimalSyntax.check(text, allowFraction: true) {
        case .valid:
            guard let value = Double(text), value.isFinite else {
                throw error("'\(Self.excerpt(text))' is out of range; expected a finite number")
            }
            return value
        case .invalid(let reason):
            throw error("expected a number, found \(reason)")
        }
    }

    /// A whole number in Int's range, written in decimal digits.
    public func integer() throws(YAMLError) -> Int {
        let text = try plainScalar(expected: "a whole number")
        switch DecimalSyntax.check(text, allowFraction: false) {
        case .valid:
            guard let value = Int(text) else {
                throw error("'\(Self.excerpt(text))' is out of range; expected a whole number below 2^63")
            }
            return value
        case .invalid(let reason):
            throw error("expected a whole number, found \(reason)")
        }
    }

    /// `true` or `false`, nothing else: YAML 1.1's `yes`, `no`, `on`, `off`, `y`, `n` are
    /// text in YAML 1.2, so reval asks for the unambiguous words.
    public func bool() throws(YAMLError) -> Bool {
        let text = try plainScalar(expected: "true or false")
        switch text {
        case "true": return true
        case "false": return false
        default:
            if DecimalSyntax.yaml11Booleans.contains(text) {
                throw error("'\(text)' is a boolean in YAML 1.1 but text in YAML 1.2; write true or false")
            }
            throw error("expected true or false, found '\(Self.excerpt(text))'")
        }
    }
}

/// The decimal syntax reval accepts for numbers in YAML and JSON files, and why a text
/// is not one.
enum DecimalSyntax {
    enum Verdict: Equatable {
        case valid
        /// What was found, e.g. "'010' (a leading zero: YAML 1.1 reads it as octal 8); write 10".
        case invalid(String)
    }

    static let yaml11Booleans: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
        "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ]

    static func check(_ text: String, allowFraction: Bool) -> Verdict {
        let shown = "'\(YAMLNode.excerpt(text))'"
        if text.isEmpty { return .invalid("no value") }
        if yaml11Booleans.contains(text) { return .invalid("\(shown) (a boolean in YAML 1.1, text in YAML 1.2)") }
        let lower = text.lowercased()
        if [".inf", "-.inf", "+.inf", ".nan", "nan", "inf", "-inf", "infinity", "-infinity"].contains(lower) {
            return .invalid("\(shown); expected a finite number")
        }
        let bytes = Array(text.utf8)
        var i = 0
        if bytes[0] == UInt8(ascii: "+") { return .invalid("\(shown); write it without '+'") }
        if bytes[0] == UInt8(ascii: "-") { i = 1 }
        let digits = bytes[i...]
        if digits.starts(with: Array("0x".utf8)) || digits.starts(with: Array("0o".utf8)) || digits.starts(with: Array("0b".utf8)) {
            return .invalid("\(shown) (hexadecimal, octal and binary forms are not read); write it in decimal")
        }
        if bytes.contains(UInt8(ascii: "_")) {
            return .invalid("\(shown) ('_' between digits: YAML 1.1 drops it, YAML 1.2 reads text); write it without '_'")
        }
        if bytes.contains(UInt8(ascii: ":")) {
            return .invalid("\(shown) (YAML 1.1 reads digits with ':' as base 60); write one decimal number")
        }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        let integerStart = i
        while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        let integerDigits = i - integerStart
        if integerDigits == 0 { return .invalid("\(shown); expected a decimal number such as 12 or 0.5") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            let plain = String(decoding: bytes[integerStart..<i].drop(while: { $0 == UInt8(ascii: "0") }), as: UTF8.self)
            let octal = Int(String(decoding: bytes[integerStart..<i], as: UTF8.self), radix: 8)
            let reading = octal.map { " (YAML 1.1 reads it as octal \($0))" } ?? ""
            return .invalid("\(shown), a leading zero\(reading); write \(plain.isEmpty ? "0" : plain) if that is the value")
        }
        var isWhole = true
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            isWhole = false
            i += 1
            let fractionStart = i
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
            if i == fractionStart { return .invalid("\(shown); expected digits after '.'") }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            isWhole = false
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            let exponentStart = i
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
            if i == exponentStart { return .invalid("\(shown); expected digits after the exponent") }
        }
        if i != bytes.count { return .invalid("\(shown); expected a decimal number such as 12 or 0.5") }
        if !allowFraction && !isWhole { return .invalid("\(shown); expected whole digits only") }
        return .valid
    }
}
