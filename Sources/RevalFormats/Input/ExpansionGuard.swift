/// Refuses decompression bombs: input that decompresses to more than `maxRatio` times
/// the compressed bytes decoded so far, once past `allowance` decompressed bytes. Real
/// runs and qrels compress 3 to 10 times (the most regular synthetic run tried: 135
/// times with `zstd -19 --long`); a file of zeros or of one repeated line, thousands of
/// times (zstd) or about 1000 times (gzip's most).
struct ExpansionGuard {
    static let maxRatio = 1000
    static let allowance = 16 << 20

    let name: String
    let format: String
    private(set) var compressed = 0
    private(set) var decompressed = 0

    init(name: String, format: String) {
        self.name = name
        self.format = format
    }

    mutating func decoded(compressed n: Int) { compressed += n }

    mutating func wrote(_ n: Int) throws(InputError) {
        decompressed += n
        if decompressed > Self.allowance && decompressed / max(compressed, 1) > Self.maxRatio {
            throw InputError(
                file: name,
                message: "\(format) data expands over \(Self.maxRatio) times (\(decompressed >> 20) MiB from "
                    + "\(compressed) bytes so far): refused as a decompression bomb; if the file is genuine, "
                    + "decompress it and pass the result")
        }
    }
}
