import Foundation

/// Corpus inputs made at test time: too large to commit, or not files.
enum GeneratedInput {
    /// Makes input `name` in `folder` and returns its path, or nil when `name` is not a
    /// generated input.
    static func make(_ name: String, in folder: URL) throws -> String? {
        let url = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: url.path) { return url.path }
        func good(_ file: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: Corpus.path(file))) }
        let long = String(repeating: "x", count: 1 << 20)
        func overLimit() -> Data { Data(repeating: UInt8(ascii: "x"), count: 64 << 20) }
        let contents: Data
        switch name {
        case "a-folder":
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            return url.path
        case "run-long-docno":
            contents = try good("good.run") + Data("1 Q0 \(long) 4 0.1 tagA\n".utf8)
        case "run-long-docno-short":
            contents = try good("good.run") + Data("1 Q0 xlong 4 0.1 tagA\n".utf8)
        case "qrels-long-docno":
            contents = try good("good.qrels") + Data("1 0 \(long) 0\n".utf8)
        case "qrels-long-docno-short":
            contents = try good("good.qrels") + Data("1 0 xlong 0\n".utf8)
        case "run-line-over-limit":
            contents = Data("1 Q0 d1 1 3.0 tagA\n1 Q0 ".utf8) + overLimit() + Data(" 2 1.0 tagA\n".utf8)
        case "qrels-line-over-limit":
            contents = Data("1 0 d1 1\n1 0 ".utf8) + overLimit() + Data(" 1\n".utf8)
        default:
            return nil
        }
        try contents.write(to: url)
        return url.path
    }
}
