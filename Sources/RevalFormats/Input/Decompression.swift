import CZlib
import CZstd

private let compressedChunk = 1 << 20

// Both decompressors hand over every byte decoded before a problem, and report the problem
// on the next read, so where an error shows up never depends on the readers' buffer sizes.

/// gzip (or zlib) decompression through the system zlib. Multi-member gzip files, as
/// `cat a.gz b.gz` makes, are read to the end.
final class GzipSource: ByteSource {
    private var base: any ByteSource
    private let name: String
    private var stream = z_stream()
    private var input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private var memberEnded = false
    private var pendingError: InputError?
    private var expansion: ExpansionGuard

    init(_ base: any ByteSource, name: String) throws(InputError) {
        self.base = base
        self.name = name
        expansion = ExpansionGuard(name: name, format: "gzip")
        input = .allocate(byteCount: compressedChunk, alignment: 1)
        if reval_inflate_init(&stream) != Z_OK {
            input.deallocate()
            throw InputError(file: name, message: "cannot start gzip decompression")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if let pendingError { throw pendingError }
        guard buffer.count > 0 else { return 0 }
        let n: Int
        do {
            n = try decompress(into: buffer)
        } catch {
            // Bytes decoded before the error go out first; the error comes next read.
            let produced = buffer.count - Int(stream.avail_out)
            guard produced > 0 else { throw error }
            pendingError = error
            n = produced
        }
        try expansion.wrote(n)
        return n
    }

    private func readInput() throws(InputError) {
        let n = try base.read(into: input)
        if n == 0 {
            inputEnded = true
        } else {
            stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_in = UInt32(n)
        }
    }

    /// Decodes into `buffer` until some bytes come out; 0 at the end of the last member.
    private func decompress(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let size = UInt32(clamping: buffer.count)
        stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = size
        while stream.avail_out == size {
            if stream.avail_in == 0 && !inputEnded {
                try readInput()
            }
            if memberEnded {
                if stream.avail_in == 0 { return 0 }  // no member follows
                inflateReset(&stream)
                memberEnded = false
            }
            let availableBefore = stream.avail_in
            let status = inflate(&stream, Z_NO_FLUSH)
            let consumed = Int(availableBefore - stream.avail_in)
            expansion.decoded(compressed: consumed)
            switch status {
            case Z_STREAM_END:
                memberEnded = true
            case Z_OK, Z_BUF_ERROR:
                // No progress with all input read: the file ends inside a member. (Called
                // even then, as zlib may still hold decoded bytes.)
                if consumed == 0 && stream.avail_out == size && stream.avail_in == 0 && inputEnded {
                    throw InputError(file: name, message: "truncated gzip stream (the file ends inside compressed data)")
                }
            default:
                throw InputError(file: name, message: "corrupt gzip data (zlib error \(status))")
            }
        }
        return buffer.count - Int(stream.avail_out)
    }
}

/// zstd decompression through the system libzstd, streaming with bounded memory. Frames
/// asking for a window over libzstd's default limit (128 MiB) are refused by libzstd.
///
/// libzstd decodes differently when the caller's buffer can hold a whole frame (it then
/// skips the window checks), so it always decodes into a buffer of its own, of one size,
/// and reads copy from there: whether a file decodes never depends on who reads it.
final class ZstdSource: ByteSource {
    private var base: any ByteSource
    private let name: String
    private let context: OpaquePointer
    private var input: UnsafeMutableRawBufferPointer
    private var inBuffer = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
    private var inputEnded = false
    private var output: UnsafeMutableRawBufferPointer
    /// The decoded bytes not yet read: output[outputStart..<outputEnd].
    private var outputStart = 0
    private var outputEnd = 0
    /// 0 once a frame has been completely decoded and flushed.
    private var lastHint = 1
    private var pendingError: InputError?
    private var expansion: ExpansionGuard

    var wantsDeeperReadAhead: Bool { true }

    init(_ base: any ByteSource, name: String) throws(InputError) {
        self.base = base
        self.name = name
        expansion = ExpansionGuard(name: name, format: "zstd")
        guard let context = ZSTD_createDCtx() else {
            throw InputError(file: name, message: "cannot start zstd decompression")
        }
        self.context = context
        input = .allocate(byteCount: compressedChunk, alignment: 1)
        output = .allocate(byteCount: ZSTD_DStreamOutSize(), alignment: 1)
        // Zeroed: on some corrupt frames libzstd reads back from the output buffer beyond
        // what it wrote (found by fuzzing, libzstd 1.5.4), so it must never hold memory
        // from elsewhere in the process.
        output.initializeMemory(as: UInt8.self, repeating: 0)
    }

    deinit {
        ZSTD_freeDCtx(context)
        input.deallocate()
        output.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard buffer.count > 0 else { return 0 }
        if outputStart == outputEnd {
            if let pendingError { throw pendingError }
            outputStart = 0
            outputEnd = try decode()
            if outputEnd == 0 { return 0 }
        }
        let n = min(buffer.count, outputEnd - outputStart)
        buffer.baseAddress!.copyMemory(from: output.baseAddress! + outputStart, byteCount: n)
        outputStart += n
        return n
    }

    /// Decodes into `output` until some bytes come out; 0 at the end of the last frame.
    /// Bytes decoded before an error are returned first; the error comes next.
    private func decode() throws(InputError) -> Int {
        var out = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
        while out.pos == 0 {
            if inBuffer.pos == inBuffer.size && !inputEnded {
                let n = try base.read(into: input)
                if n == 0 {
                    inputEnded = true
                } else {
                    inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: n, pos: 0)
                }
            }
            let atEnd = inBuffer.pos == inBuffer.size && inputEnded
            if atEnd && lastHint == 0 { return 0 }
            let positionBefore = inBuffer.pos
            let hint = ZSTD_decompressStream(context, &out, &inBuffer)
            expansion.decoded(compressed: inBuffer.pos - positionBefore)
            if ZSTD_isError(hint) != 0 {
                let reason = String(cString: ZSTD_getErrorName(hint))
                let error = InputError(file: name, message: "corrupt zstd data (\(reason))")
                guard out.pos > 0 else { throw error }
                pendingError = error
                break
            }
            lastHint = hint
            // No progress with all input read (libzstd may still hold decoded bytes, so it
            // is asked even then): the file ends inside a frame.
            if atEnd && out.pos == 0 && hint != 0 {
                throw InputError(file: name, message: "truncated zstd stream (the file ends inside a frame)")
            }
        }
        try expansion.wrote(out.pos)
        return out.pos
    }
}
