#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// C's `isspace` in the C locale: space, TAB, LF, VT, FF and CR. trec_eval splits fields
/// and skips blanks with it, so every reader of reval does too.
@inlinable @inline(__always)
public func isCSpace(_ b: UInt8) -> Bool { b == 0x20 || (b &- 0x09) < 5 }

/// `memcmp` on raw pointers.
@inlinable
public func memcmpBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Int32 {
    memcmp(a, b, count)
}

/// Compares two byte strings as C's `strcmp` does (unsigned bytes, shorter prefix first).
@inlinable
public func compareBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let common = min(a.count, b.count)
    if common > 0 {
        // Docnos are short: words read big-endian (so that they order as their bytes do)
        // cost less than a call to memcmp. The last word may overlap the one before; the
        // bytes they share are equal by then.
        let pa = a.baseAddress!, pb = b.baseAddress!
        @inline(__always) func order<Word: FixedWidthInteger & BitwiseCopyable>(at offset: Int, _: Word.Type) -> Int {
            let x = pa.loadUnaligned(fromByteOffset: offset, as: Word.self).bigEndian
            let y = pb.loadUnaligned(fromByteOffset: offset, as: Word.self).bigEndian
            return x == y ? 0 : (x < y ? -1 : 1)
        }
        if common >= 8 {
            var i = 0
            while common - i >= 8 {
                let c = order(at: i, UInt64.self)
                if c != 0 { return c }
                i += 8
            }
            if i < common {
                let c = order(at: common - 8, UInt64.self)
                if c != 0 { return c }
            }
        } else if common >= 4 {
            let c = order(at: 0, UInt32.self)
            if c != 0 { return c }
            let d = order(at: common - 4, UInt32.self)
            if d != 0 { return d }
        } else {
            for i in 0..<common {
                let c = order(at: i, UInt8.self)
                if c != 0 { return c }
            }
        }
    }
    return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
}

/// Orders strings by their bytes, as trec_eval's `strcmp` orders topic ids ("10" < "2"):
/// the UTF-8, or for ids that are not UTF-8 the bytes they were read from (`rawBytes`).
@inlinable
public func byteOrderLess(_ a: String, _ b: String) -> Bool {
    if a.mayHoldRawByteEscapes || b.mayHoldRawByteEscapes {
        return a.rawBytes.lexicographicallyPrecedes(b.rawBytes)
    }
    var a = a, b = b
    return a.withUTF8 { pa in
        b.withUTF8 { pb in compareBytes(UnsafeRawBufferPointer(pa), UnsafeRawBufferPointer(pb)) < 0 }
    }
}

/// C's conversion of a double to long: truncation toward zero. Out-of-range values and
/// NaN, undefined in C, saturate here (NaN gives 0) instead of trapping.
@inlinable
public func truncatedToInt(_ x: Double) -> Int {
    if x.isNaN { return 0 }
    if x >= 9.2e18 { return Int.max }
    if x <= -9.2e18 { return Int.min }
    return Int(x)
}

/// C's `lround`: nearest integer, halfway cases away from zero; saturating.
@inlinable
public func roundedToInt(_ x: Double) -> Int {
    truncatedToInt(x.rounded(.toNearestOrAwayFromZero))
}
