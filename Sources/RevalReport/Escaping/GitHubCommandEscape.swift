/// The parts of a GitHub Actions workflow command (`::error title=T::MESSAGE`), escaped as
/// the Actions toolkit does (`@actions/core` `command.ts`): in the message `%`, CR and LF
/// as `%25`, `%0D`, `%0A`; in a property value also `:` and `,` as `%3A`, `%2C`, so a name
/// cannot end the property list or start a second command.
///
/// ```swift
/// GitHubCommandEscape.message("50% lower\nsee")   // "50%25 lower%0Asee"
/// GitHubCommandEscape.property("a:b,c")           // "a%3Ab%2Cc"
/// ```
public enum GitHubCommandEscape {
    public static func message(_ text: String) -> String { escape(text, property: false) }

    public static func property(_ text: String) -> String { escape(text, property: true) }

    static func escape(_ text: String, property: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
