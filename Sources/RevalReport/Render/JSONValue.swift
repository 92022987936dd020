import RevalFormats

/// A JSON value with its object keys in the order they were added, written with two-space
/// indentation: the same value gives the same bytes. Numbers print at full precision
/// (the shortest text that reads back as the same double); a number that is not finite
/// prints as null.
enum JSONValue {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func optional(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
    static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    static func optional(_ value: Bool?) -> JSONValue { value.map { .bool($0) } ?? .null }

    func render() -> String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += value.isFinite ? ReportNumber.full(value) : "null"
        case .integer(let value): out += String(value)
        case .string(let value): out += JSONEscape.quoted(value)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            let inner = indent + "  "
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += inner
                item.write(to: &out, indent: inner)
                out += k + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            for (k, (key, value)) in members.enumerated() {
                out += inner + JSONEscape.quoted(key) + ": "
                value.write(to: &out, indent: inner)
                out += k + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }
}
