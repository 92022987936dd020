#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RevalCore

/// C's `printf("%6.4f", value)`, exactly, without the cost of printf on the common case.
///
/// printf rounds the exact binary value half to even. Here the product value·10⁴ is
/// split into its rounded double and the exact rounding error (one fused multiply-add),
/// which decides the rounding exactly while |value·10⁴| < 2⁵²; other values (huge,
/// NaN, infinite) go through the C library.
///
/// ```swift
/// formatFixed4(0.03125)   // "0.0312" (an exact tie, rounded to even)
/// formatFixed4(-1e-9)     // "-0.0000"
/// ```
public func formatFixed4(_ value: Double) -> String {
    let magnitude = abs(value)
    let product = magnitude * 10_000
    guard product.isFinite, product < 4.0e15 else { return formatC("%6.4f", value) }
    // The exact value·10⁴ is product + error.
    let error = fma(magnitude, 10_000, -product)
    let floor = product.rounded(.down)
    let half = (product - floor) - 0.5
    var units = Int(floor)
    if half > 0 || (half == 0 && error > 0) || (half == 0 && error == 0 && units % 2 == 1) {
        units += 1
    }
    let whole = units / 10_000, fraction = units % 10_000
    var text = value.sign == .minus ? "-" : ""
    text += String(whole)
    text += "."
    if fraction < 1000 { text += fraction < 10 ? "000" : fraction < 100 ? "00" : "0" }
    text += String(fraction)
    if text.utf8.count < 6 { text = String(repeating: " ", count: 6 - text.utf8.count) + text }
    return text
}
