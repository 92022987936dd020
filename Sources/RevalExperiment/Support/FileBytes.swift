import RevalFormats

/// Whole small files (experiment files), and files streamed through a function in large
/// pieces (digests), read with read(2).
enum FileBytes {
    /// Experiment files are text a person writes; anything larger is a wrong path.
    static let experimentLimit = 16 << 20

    static func read(_ path: String, limit: Int = experimentLimit) throws(InputError) -> [UInt8] {
        let source = try FileSource(path: path)
        var bytes: [UInt8] = []
        try forEachChunk(source) { chunk throws(InputError) in
            bytes.append(contentsOf: chunk)
            if bytes.count > limit {
                throw InputError(file: path, message: "larger than \(limit >> 20) MiB; expected an experiment file (YAML text)")
            }
        }
        return bytes
    }

    /// Calls `body` with each piece of the file's bytes as stored (no decompression).
    static func forEachChunk(_ source: FileSource, chunk size: Int = 1 << 20,
                             _ body: (UnsafeRawBufferPointer) throws(InputError) -> Void) throws(InputError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = try source.read(into: buffer)
            if n == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        }
    }
}
