import CZlib
import CZstd

private let compressedChunk = 1 << 20

/// gzip (or zlib) decompression through the system zlib. Multi-member gzip files, as
/// `cat a.gz b.gz` makes, are read to the end.
final class GzipSource: ByteSource {
    private var base: any ByteSource
    private let name: String
    private var stream = z_stream()
    private var input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private var memberEnded = false

    init(_ base: any ByteSource, name: String) throws(InputError) {
        self.base = base
        self.name = name
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
        stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(clamping: buffer.count)
        while stream.avail_out == UInt32(clamping: buffer.count) {
            if stream.avail_in == 0 && !inputEnded {
                let n = try base.read(into: input)
                if n == 0 {
                    inputEnded = true
                } else {
                    stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.avail_in = UInt32(n)
                }
            }
            if memberEnded {
                if stream.avail_in == 0 { return 0 }
                inflateReset(&stream)
                memberEnded = false
            }
            if stream.avail_in == 0 && inputEnded {
                throw InputError(file: name, message: "truncated gzip stream (the file ends inside compressed data)")
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_STREAM_END:
                memberEnded = true
                if stream.avail_in == 0 && !inputEnded {
                    let n = try base.read(into: input)
                    if n == 0 { inputEnded = true } else {
                        stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                        stream.avail_in = UInt32(n)
                    }
                }
                if stream.avail_in == 0 && inputEnded {
                    return buffer.count - Int(stream.avail_out)
                }
            case Z_OK, Z_BUF_ERROR:
                break
            default:
                throw InputError(file: name, message: "corrupt gzip data (zlib error \(status))")
            }
        }
        return buffer.count - Int(stream.avail_out)
    }
}

/// zstd decompression through the system libzstd, streaming with bounded memory.
final class ZstdSource: ByteSource {
    private var base: any ByteSource
    private let name: String
    private let context: OpaquePointer
    private var input: UnsafeMutableRawBufferPointer
    private var inBuffer = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
    private var inputEnded = false
    /// 0 once a frame has been completely decoded.
    private var lastHint = 1

    init(_ base: any ByteSource, name: String) throws(InputError) {
        self.base = base
        self.name = name
        guard let context = ZSTD_createDCtx() else {
            throw InputError(file: name, message: "cannot start zstd decompression")
        }
        self.context = context
        input = .allocate(byteCount: compressedChunk, alignment: 1)
    }

    deinit {
        ZSTD_freeDCtx(context)
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        var out = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
        while out.pos == 0 {
            if inBuffer.pos == inBuffer.size && !inputEnded {
                let n = try base.read(into: input)
                if n == 0 {
                    inputEnded = true
                } else {
                    inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: n, pos: 0)
                }
            }
            if inBuffer.pos == inBuffer.size && inputEnded {
                if lastHint != 0 {
                    throw InputError(file: name, message: "truncated zstd stream (the file ends inside a frame)")
                }
                return 0
            }
            let hint = ZSTD_decompressStream(context, &out, &inBuffer)
            if ZSTD_isError(hint) != 0 {
                let reason = String(cString: ZSTD_getErrorName(hint))
                throw InputError(file: name, message: "corrupt zstd data (\(reason))")
            }
            lastHint = hint
        }
        return out.pos
    }
}
