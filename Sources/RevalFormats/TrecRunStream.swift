#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RevalCore

/// Reads a TREC run in batches of whole lines, each batch split at line ends and parsed
/// on several threads. Memory is bounded by the batch size, not the file size.
///
/// ```swift
/// let stream = TrecRunStream(path: "run.txt", threads: 2)
/// let tag = try stream.forEachBatch { batch in ... }
/// ```
/// The documents of one batch of a run file.
public struct RunBatch {
    /// Blocks of one topic each, in file order. Within a batch a topic has one block per
    /// parsing thread at most; across batches a grouped topic continues in the next one.
    public var blocks: [TopicRun] = []
    /// True when some topic's lines were found apart from each other (not grouped).
    public var interleaved = false
}

public struct TrecRunStream {
    public let path: String
    public let threads: Int
    public let batchBytes: Int
    private let openedSource: (any ByteSource)?

    /// Reads `path` ("-" for stdin), or `source` when given (`path` then only names it).
    public init(path: String, source: (any ByteSource)? = nil, threads: Int = defaultThreadCount(),
                batchBytes: Int = 16 << 20) {
        self.path = path
        self.openedSource = source
        self.threads = max(1, threads)
        self.batchBytes = max(64, batchBytes)
    }

    /// Calls `body` with each batch of the file. `body` returns false to stop reading.
    /// Returns the tag of the last data line read.
    @discardableResult
    public func forEachBatch(_ body: (RunBatch) throws(InputError) -> Bool) throws(InputError) -> String {
        var source: any ByteSource
        if let openedSource { source = openedSource } else { source = try openInput(path) }
        let reader = LineBatchReader(source, batchBytes: batchBytes)
        defer { reader.close() }
        var linesBefore = 0
        var tag: String?
        while let bytes = try reader.next() {
            let chunks = parse(bytes)
            var batch = RunBatch()
            for chunk in chunks {
                if var error = chunk.error {
                    error.line = (error.line ?? 0) + linesBefore
                    throw error
                }
                for var block in chunk.blocks {
                    block.shiftLines(by: linesBefore)
                    batch.blocks.append(block)
                }
                if let last = chunk.lastTag { tag = last }
                batch.interleaved = batch.interleaved || chunk.interleaved
                linesBefore += chunk.lineCount
            }
            if try !body(batch) { return tag ?? "" }
        }
        guard let tag else {
            throw InputError(file: path, message: "no results: the file is empty or holds only comments")
        }
        return tag
    }

    /// Splits `bytes` at line ends into one piece per thread and parses the pieces.
    private func parse(_ bytes: UnsafeRawBufferPointer) -> [ParsedRunChunk] {
        var pieces: [UnsafeRawBufferPointer] = []
        let target = max(1, bytes.count / threads)
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + target)
            if end < bytes.count {
                if let newline = memchr(bytes.baseAddress! + end, 0x0a, bytes.count - end) {
                    end = UnsafeRawPointer(newline) - bytes.baseAddress! + 1
                } else {
                    end = bytes.count
                }
            }
            pieces.append(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            start = end
        }
        let name = path
        return parallelMap(pieces.count, threads: threads) { k in
            TrecRunParser.parse(pieces[k], name: name)
        }
    }
}
