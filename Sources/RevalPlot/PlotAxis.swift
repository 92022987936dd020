#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How an axis maps values to positions.
public enum PlotScale: Sendable, Equatable {
    case linear
    /// Base 10; only positive values can be placed.
    case logarithmic
}

/// One axis: its value range, the pixel range it is drawn over, and its ticks.
struct PlotAxis {
    let scale: PlotScale
    /// The value range, in log10 units for a logarithmic axis.
    let low: Double
    let high: Double
    var start: Double = 0
    var end: Double = 1
    /// Tick values (not log units) and their labels.
    let ticks: [(value: Double, label: String, major: Bool)]

    /// The pixel position of `value`.
    func position(_ value: Double) -> Double {
        let v = scale == .logarithmic ? log10(value) : value
        return start + (v - low) / (high - low) * (end - start)
    }

    /// An axis covering `values` (finite; positive for a logarithmic axis; not empty).
    static func fitting(_ values: [Double], scale: PlotScale) -> PlotAxis {
        switch scale {
        case .linear: return linear(values)
        case .logarithmic: return logarithmic(values)
        }
    }

    /// Ticks at 1, 2 and 5 times a power of ten, chosen for about five of them; the range
    /// is the data's widened by a tenth on each side.
    static func linear(_ values: [Double]) -> PlotAxis {
        var low = values.min() ?? 0, high = values.max() ?? 1
        if high - low <= 0 {
            let pad = low == 0 ? 0.05 : abs(low) * 0.05
            low -= pad
            high += pad
        } else {
            let pad = (high - low) * 0.1
            low -= pad
            high += pad
        }
        let (mantissa, exponent) = niceStep((high - low) / 5)
        let step = Double(mantissa) * power10(exponent)
        var ticks: [(Double, String, Bool)] = []
        var n = Int((low / step).rounded(.up))
        while Double(n) * step <= high + step * 1e-9 {
            ticks.append((Double(n) * step, decimal(n * mantissa, exponent), true))
            n += 1
        }
        return PlotAxis(scale: .linear, low: low, high: high, ticks: ticks)
    }

    /// Ticks at each power of ten, and at 2 and 5 times it when the range spans fewer than
    /// three decades; the range is the data's widened by 15% of its span (at least one decade)
    /// on each side.
    static func logarithmic(_ values: [Double]) -> PlotAxis {
        let logs = values.map(log10)
        let lowest = logs.min() ?? 0, highest = logs.max() ?? 1
        let pad = 0.15 * max(1, highest - lowest)
        let low = lowest - pad, high = highest + pad
        let withMinor = high - low < 3
        var ticks: [(Double, String, Bool)] = []
        for exponent in Int(low.rounded(.down))...Int(high.rounded(.up)) {
            for mantissa in withMinor ? [1, 2, 5] : [1] {
                let value = Double(mantissa) * power10(exponent)
                let position = log10(value)
                guard position >= low && position <= high else { continue }
                ticks.append((value, decimal(mantissa, exponent), mantissa == 1))
            }
        }
        return PlotAxis(scale: .logarithmic, low: low, high: high, ticks: ticks)
    }

    /// The step 1, 2 or 5 × 10^exponent nearest above `raw`.
    static func niceStep(_ raw: Double) -> (Int, Int) {
        guard raw > 0 && raw.isFinite else { return (1, 0) }
        let exponent = Int(log10(raw).rounded(.down))
        let fraction = raw / power10(exponent)
        if fraction <= 1 { return (1, exponent) }
        if fraction <= 2 { return (2, exponent) }
        if fraction <= 5 { return (5, exponent) }
        return (1, exponent + 1)
    }

    static func power10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }

    /// `digits` × 10^exponent written out exactly: (5, -2) is "0.05", (12, 3) "12000";
    /// beyond 10^±9, "5e-12".
    static func decimal(_ digits: Int, _ exponent: Int) -> String {
        if digits == 0 { return "0" }
        let sign = digits < 0 ? "-" : ""
        let magnitude = String(abs(digits))
        if exponent > 9 || exponent < -9 { return "\(sign)\(magnitude)e\(exponent)" }
        if exponent >= 0 { return sign + magnitude + String(repeating: "0", count: exponent) }
        let places = -exponent
        let padded = String(repeating: "0", count: max(0, places + 1 - magnitude.count)) + magnitude
        let whole = padded.dropLast(places)
        var fraction = String(padded.suffix(places))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}
