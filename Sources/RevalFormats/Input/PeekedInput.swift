import RevalCore

/// An opened input whose first bytes have been read to tell its format, and a source
/// that still yields every byte (so standard input can be sniffed too).
public struct PeekedInput {
    public let path: String
    /// Up to the first 64 KB, decompressed.
    public let head: [UInt8]
    public let source: any ByteSource

    public init(_ path: String, bytes: Int = 64 << 10) throws(InputError) {
        self.path = path
        var base = try openInput(path)
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes, alignment: 1)
        defer { scratch.deallocate() }
        var got = 0
        var failure: InputError?
        do throws(InputError) {
            while got < bytes {
                let n = try base.read(into: UnsafeMutableRawBufferPointer(rebasing: scratch[got...]))
                if n == 0 { break }
                got += n
            }
        } catch {
            // A corrupt stream: the reader gets the bytes before the damage, then the error,
            // so that it can place the error at a line.
            failure = error
        }
        head = Array(scratch[..<got])
        source = PrefixedSource(prefix: head, base: failure.map { FailingSource(error: $0) } ?? base)
    }

    /// The first line that is neither blank nor a `#` comment, without its line end.
    public var firstDataLine: [UInt8]? {
        var start = 0
        while start < head.count {
            var end = start
            while end < head.count && head[end] != 0x0a { end += 1 }
            let line = head[start..<end]
            if let first = line.first(where: { !isCSpace($0) }), first != UInt8(ascii: "#") {
                return Array(line)
            }
            start = end + 1
        }
        return nil
    }

    /// The first visible byte of the input.
    public var firstVisibleByte: UInt8? {
        head.first { !isCSpace($0) }
    }

    /// Whitespace-separated fields of the first data line.
    public var firstLineFields: [String] {
        guard let line = firstDataLine else { return [] }
        return line.split(whereSeparator: { isCSpace($0) }).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A source that fails at once (the rest of an input whose reading already failed).
struct FailingSource: ByteSource {
    let error: InputError
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int { throw error }
}
