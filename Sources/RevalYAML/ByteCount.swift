/// A size in bytes written as a whole number (`4294967296`) or a number and a unit
/// (`4 GiB`, `1.5GB`, `512 MiB`): decimal units kB MB GB TB (powers of 1000) and binary
/// KiB MiB GiB TiB (powers of 1024), `B` for bytes. The result is rounded to whole bytes.
///
/// ```swift
/// ByteCount.parse("4 GiB")   // .success(4294967296)
/// ByteCount.parse("4 GB")    // .success(4000000000)
/// ```
public enum ByteCount {
    public struct Invalid: Error, Sendable, Equatable {
        /// Why the text is not a size, for messages.
        public var reason: String
    }

    static let units: [(String, Double)] = [
        ("B", 1), ("kB", 1e3), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12),
        ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("TiB", 1_099_511_627_776),
    ]

    public static func parse(_ text: String) -> Result<Int64, Invalid> {
        let trimmed = text.trimmingSpaces
        var number = trimmed
        var scale = 1.0
        for (unit, factor) in units where trimmed.hasSuffix(unit) {
            let head = String(trimmed.dropLast(unit.count)).trimmingSpaces
            if head.isEmpty || head.last.map({ !$0.isNumber }) == true { continue }
            number = head
            scale = factor
            break
        }
        switch DecimalSyntax.check(number, allowFraction: true) {
        case .invalid(let reason):
            return .failure(Invalid(reason: "\(reason); expected a size such as 4294967296, 4 GiB or 512 MB"))
        case .valid:
            guard let value = Double(number), value >= 0 else {
                return .failure(Invalid(reason: "'\(trimmed)' is negative; expected a size of 0 or more"))
            }
            let bytes = (value * scale).rounded()
            guard bytes < 9.2e18 else { return .failure(Invalid(reason: "'\(trimmed)' is too large")) }
            if scale == 1, value != value.rounded() {
                return .failure(Invalid(reason: "'\(trimmed)' is not a whole number of bytes"))
            }
            return .success(Int64(bytes))
        }
    }

    /// `bytes` in the largest binary unit that keeps at least 1 (`4.0 GiB`, `512 B`), with
    /// one decimal, for tables.
    public static func describe(_ bytes: Int64) -> String {
        let names = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = Double(bytes)
        var k = 0
        while value >= 1024 && k < names.count - 1 {
            value /= 1024
            k += 1
        }
        if k == 0 { return "\(bytes) B" }
        let tenths = Int64((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(names[k])"
    }
}

extension YAMLNode {
    /// A size in bytes (`ByteCount`): a whole number, or a number and a unit such as `4 GiB`.
    /// Quoted text is read too (JSON has no other way to write `"4 GiB"`); the number in
    /// it is checked as any number is (`"010 MB"` is refused).
    public func byteCount() throws(YAMLError) -> Int64 {
        let text = try string()
        switch ByteCount.parse(text) {
        case .success(let bytes): return bytes
        case .failure(let invalid): throw error("expected a size in bytes, found \(invalid.reason)")
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
