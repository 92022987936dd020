/// Strict readers for scalar values. Each accepts one spelling of its type and names the
/// YAML 1.1 readings it refuses, so that a value never changes meaning between YAML
/// versions or parsers.
extension ExperimentNode {
    /// Text: any scalar that is not empty or null. Plain text is kept as written, so
    /// `name: no` is the text "no" and `version: 1.10` is "1.10".
    public func string() throws(ExperimentError) -> String {
        guard case .scalar(let text, let plain) = content else {
            throw error("expected text \(placeDescription), found \(kindDescription)")
        }
        if plain && Self.nullSpellings.contains(text) {
            throw error("expected text \(placeDescription), found \(text.isEmpty ? "an empty value" : "'\(text)' (null)")")
        }
        return text
    }

    /// An integer written in decimal without leading zeros (`2`, `-1`, `1000`). `010` is
    /// refused (YAML 1.1 reads it as octal 8, YAML 1.2 as 10), as are `0x1F`, `1_000` and
    /// quoted numbers.
    public func integer() throws(ExperimentError) -> Int {
        let text = try plainNumberText("a whole number")
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw error("expected a whole number \(placeDescription), found \(kindDescription)")
        }
        if digits.count > 1 && digits.first == "0" {
            throw error("'\(text)' is octal \(Int(digits, radix: 8).map(String.init) ?? "?") in YAML 1.1 but \(Int(digits).map(String.init) ?? "?") in YAML 1.2; "
                        + "expected a whole number without leading zeros \(placeDescription)")
        }
        guard let value = Int(text) else {
            throw error("'\(text)' is too large \(placeDescription); expected a whole number")
        }
        return value
    }

    /// A decimal number (`0.05`, `1e-3`, `5`), kept with the text it was written as (for
    /// the number of decimals a published score states). `.inf`, `.nan`, `1_000.5`, leading
    /// zeros before the point (`010`, `00.5`) and quoted numbers are refused.
    public func number() throws(ExperimentError) -> (value: Double, text: String) {
        let text = try plainNumberText("a number")
        guard Self.isDecimalNumber(text), let value = Double(text), value.isFinite else {
            throw error("expected a number such as 0.05 \(placeDescription), found \(kindDescription)")
        }
        return (value, text)
    }

    /// `true` or `false` (also `True`, `TRUE`, `False`, `FALSE`, as YAML 1.2 writes them).
    /// YAML 1.1's `yes`, `no`, `on`, `off`, `y` and `n` are refused by name.
    public func flag() throws(ExperimentError) -> Bool {
        guard case .scalar(let text, let plain) = content else {
            throw error("expected true or false \(placeDescription), found \(kindDescription)")
        }
        if plain {
            switch text {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
            if Self.yaml11Flags.contains(text.lowercased()) {
                throw error("'\(text)' is a boolean in YAML 1.1 but text in YAML 1.2; expected true or false \(placeDescription)")
            }
        }
        throw error("expected true or false \(placeDescription), found \(kindDescription)")
    }

    private func plainNumberText(_ what: String) throws(ExperimentError) -> String {
        guard case .scalar(let text, let plain) = content else {
            throw error("expected \(what) \(placeDescription), found \(kindDescription)")
        }
        guard plain else {
            throw error("expected \(what) \(placeDescription), found \(kindDescription); write it without quotes")
        }
        guard !text.isEmpty else { throw error("expected \(what) \(placeDescription), found an empty value") }
        return text
    }

    /// `[-+]?(digits[.digits*]|.digits)([eE][-+]?digits)?`, without a leading zero before
    /// further digits.
    static func isDecimalNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        let integer = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(integer.count)
        if integer.count > 1 && integer.first == 48 { return false }
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fraction)
        }
        guard integer.count + fraction > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            let exponent = bytes.prefix(while: isDigit).count
            guard exponent > 0 else { return false }
            bytes = bytes.dropFirst(exponent)
        }
        return bytes.isEmpty
    }

    static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let yaml11Flags: Set<String> = ["yes", "no", "on", "off", "y", "n"]
}
