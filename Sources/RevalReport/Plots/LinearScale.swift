import RevalCore
import RevalPlot

/// A linear axis from `low` to `high` mapped onto pixels `start`…`end`, with "nice" ticks
/// (steps of 1, 2 or 5 × 10ᵏ).
struct LinearScale {
    var low: Double
    var high: Double
    var start: Double
    var end: Double

    /// A scale covering `values` and zero, widened to whole tick steps.
    static func covering(_ values: [Double], includingZero: Bool = true, symmetric: Bool = false) -> (low: Double, high: Double, step: Double) {
        var low = values.min() ?? 0, high = values.max() ?? 1
        if includingZero { low = min(low, 0); high = max(high, 0) }
        if symmetric {
            let extent = max(abs(low), abs(high))
            (low, high) = (-extent, extent)
        }
        if high - low < 1e-12 { high = low + 1 }
        let step = niceStep((high - low) / 5)
        return ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step, step)
    }

    static func niceStep(_ raw: Double) -> Double {
        let exponent = (log10(raw)).rounded(.down)
        let base = pow(10, exponent)
        let fraction = raw / base
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * base
    }

    func position(_ value: Double) -> Double {
        start + (value - low) / (high - low) * (end - start)
    }

    /// Tick values from low to high by `step`.
    func ticks(step: Double) -> [Double] {
        var ticks: [Double] = []
        var k = 0.0
        while low + k * step <= high + step * 1e-9 {
            ticks.append(low + k * step)
            k += 1
        }
        return ticks
    }

    /// A tick label with as many decimals as the step needs.
    static func label(_ value: Double, step: Double) -> String {
        let decimals = max(0, Int((-log10(step)).rounded(.up)))
        let text = formatC("%.\(decimals)f", abs(value) < step * 1e-9 ? 0 : value)
        return text
    }
}

extension SVGDocument {
    /// The markup to put inside an HTML page: the document without its XML declaration.
    var inlineMarkup: String {
        let text = render()
        guard text.hasPrefix("<?xml"), let end = text.firstIndex(of: "\n") else { return text }
        return String(text[text.index(after: end)...])
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
