/// Ids (topics, docnos, run tags) are byte strings, as in trec_eval; Swift Strings hold
/// Unicode. These two conversions carry any bytes through a String and back unchanged:
///
/// - valid UTF-8 stays as it is;
/// - every byte of an invalid sequence becomes one code point U+10FF00 + byte (the last 256
///   code points of private-use plane 16), and so does every byte of a valid character that
///   is itself in that range, so two different byte strings never give the same String.
///
/// Topic ids therefore compare, sort and print by their bytes even when they are not UTF-8.
/// Whatever writes a String that may hold ids (stdout, report files) writes `rawBytes`.
///
/// ```swift
/// let id = String(rawBytes: [0x71, 0xff])   // "q" then U+10FFFF
/// id.rawBytes                                // [0x71, 0xff]
/// String(rawBytes: Array("301".utf8)) == "301"
/// ```
extension String {
    /// First code point of the escape range; byte b is U+10FF00 + b.
    static let rawByteEscapeBase: UInt32 = 0x10_FF00

    /// The bytes as a String: UTF-8 as is; bytes that are not UTF-8 kept so `rawBytes` gives them back.
    public init(rawBytes bytes: UnsafeRawBufferPointer) {
        // Fast path: ASCII, which every TREC id in practice is.
        if !bytes.contains(where: { $0 >= 0x80 }) {
            self = String(decoding: bytes, as: UTF8.self)
            return
        }
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        func escape(_ count: Int) {
            for b in bytes[offset..<offset + count] {
                scalars.append(Unicode.Scalar(String.rawByteEscapeBase + UInt32(b))!)
            }
        }
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar.value >= String.rawByteEscapeBase {
                    escape(encoded.count)
                } else {
                    scalars.append(scalar)
                }
                offset += encoded.count
            case .error(let length):
                escape(length)
                offset += length
            case .emptyInput:
                break decoding
            }
        }
        self = String(scalars)
    }

    /// The bytes as a String, as `init(rawBytes:)` of a buffer.
    public init(rawBytes bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { String(rawBytes: $0) }
    }

    /// The bytes this String was made from by `init(rawBytes:)`; for any other String, its
    /// UTF-8 (unless it holds code points U+10FF00 and above).
    public var rawBytes: [UInt8] {
        // Code points from U+100000 up, escapes included, start with byte 0xF4.
        if !mayHoldRawByteEscapes { return Array(utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if scalar.value >= String.rawByteEscapeBase {
                bytes.append(UInt8(scalar.value - String.rawByteEscapeBase))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// False when `rawBytes` is certainly the UTF-8 (the usual case: no code point from
    /// U+100000 up, so no escaped byte).
    @usableFromInline
    var mayHoldRawByteEscapes: Bool { utf8.contains(0xF4) }
}
