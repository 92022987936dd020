/// gzip and zstd input: truncated streams and decompression bombs.
extension MalformedCase {
    static let compression: [MalformedCase] = [
        qrels("truncated gzip", "qrels-truncated.gz", .anyLine, ["truncated gzip stream"]),
        qrels("truncated zstd", "qrels-truncated.zst", .anyLine, ["truncated zstd stream"]),
        run("truncated gzip", "run-truncated.gz", .anyLine, ["truncated gzip stream"]),
        run("truncated zstd", "run-truncated.zst", .anyLine, ["truncated zstd stream"]),
        // 33 KB expanding to 1 GiB of zeros: the first line is binary, found at once.
        qrels("zstd bomb of zeros", "bomb-zeros.zst", .line(1), ["NUL byte"]),
        run("zstd bomb of zeros", "bomb-zeros.zst", .line(1), ["NUL byte"]),
        // 90 KB expanding to 1 GiB of one valid line: refused after 16 MiB.
        run("zstd bomb of valid lines", "bomb-lines.zst", .anyLine, ["expands over 1000 times", "decompression bomb"]),
    ]
}
