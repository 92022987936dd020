import RevalCore

/// How numbers print in the tables people read (Markdown, LaTeX, HTML). CSV and JSON print
/// every number at full precision instead (`full`).
public enum ReportNumber {
    /// Quality: 4 decimals, as trec_eval prints.
    static func quality(_ value: Double) -> String { formatC("%.4f", value) }

    /// A signed difference with 4 decimals (`+0.0157`, `-0.0157`).
    static func difference(_ value: Double) -> String { (value >= 0 ? "+" : "") + formatC("%.4f", value) }

    /// Milliseconds and queries per second: 1 decimal.
    static func oneDecimal(_ value: Double) -> String { formatC("%.1f", value) }

    /// Money: 3 significant digits, without an exponent (0.0761, 5.14, 123).
    static func money(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return formatC("%.2f", value) }
        var decimals = 2
        var magnitude = abs(value)
        while magnitude < 1 && decimals < 12 {
            magnitude *= 10
            decimals += 1
        }
        if abs(value) >= 10 { decimals = abs(value) >= 100 ? 0 : 1 }
        return formatC("%.\(decimals)f", value)
    }

    /// A p-value: 4 significant digits, with an exponent below 0.0001 (`2.269e-06`).
    static func pValue(_ value: Double) -> String {
        value < 1e-4 ? formatC("%.3e", value) : formatC("%.4f", value)
    }

    /// Shortest text that reads back as the same double (`0.5058310028`), for CSV and JSON.
    static func full(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

extension ReportNumber {
    /// A quality value as the tables print it (4 decimals), for messages.
    public static func text(_ value: Double) -> String { quality(value) }
}
