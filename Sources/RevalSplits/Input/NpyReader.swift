import Foundation
import RevalCore
import RevalFormats

/// Reads a NumPy `.npy` matrix of embeddings (float32 or float64, either byte order, C or
/// Fortran order), version 1, 2 or 3 of the format, into 32-bit floats.
///
/// The format: the magic `\x93NUMPY`, two version bytes, the header length (2 bytes little
/// endian in version 1, 4 in versions 2 and 3), a header that is a Python dict literal such
/// as `{'descr': '<f4', 'fortran_order': False, 'shape': (7000, 384), }`, then the data.
/// The ids of the rows come from a separate list (`IdListReader`).
///
/// ```swift
/// let (rows, dimension, values) = try NpyReader.read(path: "test.npy")
/// ```
public enum NpyReader {
    public static func read(path: String) throws(InputError) -> (rows: Int, dimension: Int, values: [Float]) {
        try parse(try ByteReading.all(try openInput(path)), name: path)
    }

    /// Whether `head` starts with the `.npy` magic bytes.
    public static func isNpy(_ head: [UInt8]) -> Bool {
        head.starts(with: [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59])
    }

    public static func parse(_ bytes: [UInt8], name: String) throws(InputError) -> (rows: Int, dimension: Int, values: [Float]) {
        func failure(_ message: String) -> InputError { InputError(file: name, message: message) }
        guard isNpy(bytes), bytes.count >= 10 else { throw failure("not a .npy file (no \\x93NUMPY magic)") }
        let major = bytes[6]
        let headerLength: Int, headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw failure("truncated .npy header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw failure(".npy format version \(major); expected 1, 2 or 3")
        }
        guard headerStart + headerLength <= bytes.count else { throw failure("truncated .npy header") }
        let header = String(decoding: bytes[headerStart ..< headerStart + headerLength], as: UTF8.self)
        guard let descr = value(of: "descr", in: header)?.trimmingQuotes else {
            throw failure("the .npy header has no 'descr'")
        }
        let itemSize: Int, isDouble: Bool
        switch descr.dropFirst() {
        case "f4": (itemSize, isDouble) = (4, false)
        case "f8": (itemSize, isDouble) = (8, true)
        default: throw failure("dtype '\(descr)'; expected float32 ('<f4') or float64 ('<f8')")
        }
        guard let order = descr.first, order == "<" || order == ">" || order == "=" || order == "|" else {
            throw failure("dtype '\(descr)'; expected a byte order '<' or '>'")
        }
        let bigEndian = order == ">"
        let fortran = value(of: "fortran_order", in: header) == "True"
        guard let shapeText = value(of: "shape", in: header) else { throw failure("the .npy header has no 'shape'") }
        let shape = shapeText.filter { !"() ".contains($0) }.split(separator: ",").map { Int($0) }
        guard shape.count == 2, let rows = shape[0], let dimension = shape[1], rows >= 0, dimension > 0 else {
            throw failure("shape \(shapeText); expected a matrix (rows, dimension), one row per query")
        }
        let (count, overflow) = rows.multipliedReportingOverflow(by: dimension)
        let dataStart = headerStart + headerLength
        guard !overflow, count <= (bytes.count - dataStart) / itemSize else {
            throw failure("\(bytes.count - dataStart) bytes of data; expected \(rows) x \(dimension) values of \(itemSize) bytes")
        }
        var values = [Float](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            for i in 0..<count {
                let offset = dataStart + i * itemSize
                let value: Float
                if isDouble {
                    var bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    bits = bigEndian ? UInt64(bigEndian: bits) : UInt64(littleEndian: bits)
                    value = Float(Double(bitPattern: bits))
                } else {
                    var bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                    bits = bigEndian ? UInt32(bigEndian: bits) : UInt32(littleEndian: bits)
                    value = Float(bitPattern: bits)
                }
                // Row-major position of element i (Fortran order stores columns one after another).
                let target = fortran ? (i % rows) * dimension + i / rows : i
                values[target] = value
            }
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw failure("row \(bad / dimension + 1) holds a value that is not finite; expected numbers")
        }
        return (rows, dimension, values)
    }

    /// The text of a header dict entry `'key': value`, up to the next top-level comma.
    static func value(of key: String, in header: String) -> String? {
        guard let range = header.range(of: "'\(key)'") ?? header.range(of: "\"\(key)\"") else { return nil }
        var rest = header[range.upperBound...].drop { $0 == " " }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        var depth = 0
        var end = rest.startIndex
        while end < rest.endIndex {
            let c = rest[end]
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if (c == "," && depth == 0) || c == "}" { break }
            end = rest.index(after: end)
        }
        return String(rest[..<end]).trimmingCharacters(in: " ")
    }
}

extension String {
    var trimmingQuotes: String { String(self.drop { $0 == "'" || $0 == "\"" }.reversed().drop { $0 == "'" || $0 == "\"" }.reversed()) }

    func trimmingCharacters(in set: String) -> String {
        String(self.drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

/// Reading a whole byte source.
enum ByteReading {
    static func all(_ source: any ByteSource) throws(InputError) -> [UInt8] {
        var source = source
        var bytes: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = try source.read(into: chunk)
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<n])
        }
    }
}
