/// Splits query text into lowercased alphanumeric tokens, the terms of reval's TF-IDF.
///
/// A token is a maximal run of Unicode scalars that are alphabetic (`Alphabetic`) or decimal
/// digits (general category `Nd`); everything else separates tokens. Each scalar is
/// lowercased with its full Unicode lowercase mapping. So "What's COVID-19?" gives
/// `what`, `s`, `covid`, `19`.
///
/// ```swift
/// QueryTokenizer.tokens("What's COVID-19?")   // ["what", "s", "covid", "19"]
/// ```
public enum QueryTokenizer {
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let v = scalar.value
                if v >= 0x41 && v <= 0x5a {
                    current.append(Unicode.Scalar(v + 0x20)!)
                } else if (v >= 0x61 && v <= 0x7a) || (v >= 0x30 && v <= 0x39) {
                    current.append(scalar)
                } else {
                    finish()
                }
                continue
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.generalCategory == .decimalNumber {
                current.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            } else {
                finish()
            }
        }
        finish()
        return tokens
    }
}
