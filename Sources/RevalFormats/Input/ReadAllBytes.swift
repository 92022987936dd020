/// Reads a byte source to its end, for inputs read whole (BEIR results, topic files).
///
/// ```swift
/// let bytes = try readAllBytes(try openInput("queries.jsonl.gz"))   // decompressed
/// ```
public func readAllBytes(_ source: any ByteSource) throws(InputError) -> [UInt8] {
    var source = source
    var bytes: [UInt8] = []
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    defer { chunk.deallocate() }
    while true {
        let n = try source.read(into: chunk)
        if n == 0 { return bytes }
        bytes.append(contentsOf: chunk[..<n])
    }
}
