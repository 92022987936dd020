import RevalFormats

/// A JSON value and its printer: the cost report's JSON is built as a tree and printed
/// with two-space indentation, keys in the order given.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// Printed at full precision (the shortest text that reads back as the same double);
    /// NaN and infinities print as null.
    case number(Double)
    case integer(Int64)
    case bool(Bool)
    case null

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.printed() == b.printed() }

    /// `value` as a number, or null when nil.
    public static func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
    public static func integer(_ value: Int?) -> JSONValue { value.map { .integer(Int64($0)) } ?? .null }
    public static func integer(_ value: Int64?) -> JSONValue { value.map { .integer($0) } ?? .null }
    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    public static func bool(_ value: Bool?) -> JSONValue { value.map { .bool($0) } ?? .null }

    /// The text, ending with a newline at the top level.
    public func printed() -> String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    func write(into out: inout String, indent: String) {
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            for (k, member) in members.enumerated() {
                out += inner + JSONEscape.quoted(member.0) + ": "
                member.1.write(into: &out, indent: inner)
                out += k + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            let inner = indent + "  "
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += inner
                item.write(into: &out, indent: inner)
                out += k + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .string(let s): out += JSONEscape.quoted(s)
        case .number(let x): out += JSONEscape.number(x)
        case .integer(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }
}
