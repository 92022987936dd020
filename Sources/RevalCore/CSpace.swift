/// C's `isspace` in the "C" locale: space, `\t`, `\n`, `\v`, `\f`, `\r`. trec_eval splits its
/// fields with it, and reval's readers use it wherever they mean "whitespace".
///
/// ```swift
/// isCSpace(UInt8(ascii: "\t"))   // true
/// isCSpace(0xa0)                 // false: a non-breaking space is not C whitespace
/// ```
@inlinable
public func isCSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0d)
}
