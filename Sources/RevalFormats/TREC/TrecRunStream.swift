#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RevalCore

/// The documents of one batch of a run file.
public struct RunBatch {
    /// Blocks of one topic each, in file order. Within a batch a topic has one block per
    /// piece the batch was cut into at most; across batches a grouped topic continues in
    /// the next one.
    public var blocks: [TopicRun] = []
    /// What the batches' `finish` gave for each block a parsing thread found whole (its
    /// lines inside the thread's piece, other topics before and after it), aligned with
    /// `blocks`; nil for the other blocks. Empty without a `finish`.
    public var outcomes: [TopicOutcome?] = []
    /// True when some topic's lines were found apart from each other (not grouped).
    public var interleaved = false
    /// Warnings about lines read (a header read as trec_eval reads it), as
    /// `FILE:LINE: message`.
    public var warnings: [String] = []
    /// With `TrecRunStream.Batches.keepsInterleavedPieces`, the documents in file order as
    /// `TopicRunSpill` takes them, instead of `blocks` (then empty).
    public var parts: [RunBatchPart] = []
}

/// A stretch of a batch's documents.
public enum RunBatchPart {
    /// Blocks of one topic each, in file order.
    case blocks([TopicRun])
    /// A piece whose topics are interleaved, regrouped.
    case interleaved(InterleavedPiece)

    /// The topics, in order of first appearance in the stretch.
    public var topics: [String] {
        switch self {
        case .blocks(let blocks): blocks.map(\.topic)
        case .interleaved(let piece): piece.topics
        }
    }
}

/// Reads a TREC run in batches of whole lines, each batch split at line ends and parsed
/// on several threads, the next batch read (and decompressed) meanwhile. Memory is bounded
/// by the batch size (or the longest line), not the file size.
///
/// A NUL byte, a line longer than `maxLineBytes` (64 MiB) and a topic past `limits` stop
/// reading with an error naming the line.
///
/// ```swift
/// let stream = TrecRunStream(path: "run.txt", threads: 2)
/// let tag = try stream.forEachBatch { batch in ... }
/// ```
public struct TrecRunStream {
    public let path: String
    public let threads: Int
    public let batchBytes: Int
    public let maxLineBytes: Int
    /// Whether the next batch is read (and decompressed) on a background thread while one
    /// is parsed; without, batches are read on the caller's thread (small inputs, tests).
    public let readAhead: Bool
    /// What one block may hold; whoever merges blocks of a topic checks the same limits.
    public let limits: TopicLimits
    private let openedSource: (any ByteSource)?

    /// Reads `path` ("-" for stdin), or `source` when given (`path` then only names it).
    public init(path: String, source: (any ByteSource)? = nil, threads: Int = defaultThreadCount(),
                batchBytes: Int = 16 << 20, maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                limits: TopicLimits = .standard, readAhead: Bool = true) {
        self.path = path
        self.openedSource = source
        self.threads = max(1, threads)
        self.batchBytes = max(64, batchBytes)
        self.maxLineBytes = max(1, maxLineBytes)
        self.limits = limits
        self.readAhead = readAhead
    }

    /// Calls `body` with each batch of the file. `body` returns false to stop reading.
    /// Returns the tag of the last data line read.
    @discardableResult
    public func forEachBatch(_ body: (RunBatch) throws(InputError) -> Bool) throws(InputError) -> String {
        let batches = try self.batches()
        defer { batches.close() }
        while let batch = try batches.next() {
            if try !body(batch) { return batches.tag ?? "" }
        }
        return batches.tag ?? ""
    }

    /// The batches one at a time, for a caller that reads several runs side by side.
    public func batches() throws(InputError) -> Batches {
        let source: any ByteSource
        if let openedSource { source = openedSource } else { source = try openInput(path) }
        return Batches(stream: self, source: source)
    }

    /// Evaluates a topic on a parsing thread, so that a topic is judged and scored while
    /// its documents are still in that core's cache, with no hand-off between parsing and
    /// evaluating. It must only read shared state.
    public typealias Finish = (TopicRun) -> TopicOutcome

    /// The batches of a run, pulled one by one with `next()`. `close()` (or the end of the
    /// input) stops the reading thread.
    ///
    /// ```swift
    /// let batches = try TrecRunStream(path: "run.txt").batches()
    /// defer { batches.close() }
    /// while let batch = try batches.next() { ... }
    /// ```
    public final class Batches {
        private let stream: TrecRunStream
        private let reader: LineBatchReader
        private var linesBefore = 0
        /// Whether a data line has been read: until one is, the next data line may be a
        /// header (`TrecRunParser.parse`'s `firstOfFile`), however many batches of
        /// comments came first.
        private var readData = false
        /// The tag of the last data line read so far.
        public private(set) var tag: String?
        /// Called on the parsing threads for every whole block (see `RunBatch.outcomes`);
        /// nil (the default) leaves every block to the caller.
        public var finish: Finish?
        /// Whether batches give `parts`, each interleaved piece kept regrouped for a
        /// `TopicRunSpill` (with `finish` nil), instead of `blocks`.
        public var keepsInterleavedPieces = false

        fileprivate init(stream: TrecRunStream, source: any ByteSource) {
            self.stream = stream
            reader = LineBatchReader(source, name: stream.path, batchBytes: stream.batchBytes,
                                     maxLineBytes: stream.maxLineBytes, readAhead: stream.readAhead)
        }

        deinit { reader.close() }

        public func close() { reader.close() }

        /// The next batch, or nil at the end of the input. An input without a single data
        /// line is an error.
        public func next() throws(InputError) -> RunBatch? {
            let next: UnsafeRawBufferPointer?
            do {
                next = try reader.next()
            } catch {
                throw error.at(line: linesBefore + 1)
            }
            guard let bytes = next else {
                guard tag != nil else {
                    throw InputError(file: stream.path, message: "no results: the file is empty or holds only comments")
                }
                return nil
            }
            var batch = RunBatch()
            for var chunk in stream.parse(bytes, startsFile: !readData, finish: finish,
                                          keepsInterleavedPieces: keepsInterleavedPieces) {
                if var error = chunk.error {
                    error.line = (error.line ?? 0) + linesBefore
                    throw error
                }
                for k in chunk.blocks.indices { chunk.blocks[k].shiftLines(by: linesBefore) }
                if let piece = chunk.interleavedPiece {
                    piece.linesBefore = linesBefore
                    batch.parts.append(.interleaved(piece))
                } else if keepsInterleavedPieces {
                    batch.parts.append(.blocks(chunk.blocks))
                } else {
                    batch.blocks += chunk.blocks
                }
                if finish != nil {
                    batch.outcomes += chunk.outcomes.isEmpty
                        ? Array(repeating: nil, count: chunk.blocks.count)
                        : chunk.outcomes.map { $0?.shiftingLines(by: linesBefore) }
                }
                if let last = chunk.lastTag {
                    tag = last
                    readData = true
                }
                if let warning = chunk.warning { batch.warnings.append(warning) }
                batch.interleaved = batch.interleaved || chunk.interleaved
                linesBefore += chunk.lineCount
            }
            return batch
        }
    }

    /// Splits `bytes` at line ends into pieces and parses them on `threads` threads; with
    /// `finish`, each thread then finishes the whole blocks of its piece.
    ///
    /// With `finish`, several pieces per thread keep both cores busy when one thread is
    /// paused, and each piece leaves at most two boundary blocks to the caller. Without,
    /// one piece per thread: the caller joins the blocks, and more pieces make more of them.
    /// An interleaved piece is made blocks there too, unless `keepsInterleavedPieces`.
    fileprivate func parse(_ bytes: UnsafeRawBufferPointer, startsFile: Bool, finish: Finish?,
                           keepsInterleavedPieces: Bool) -> [ParsedRunChunk] {
        var pieces: [UnsafeRawBufferPointer] = []
        let target = max(1, bytes.count / (threads == 1 || finish == nil ? threads : threads * 4))
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
        let limits = limits
        func parsed(_ k: Int, firstOfFile: Bool) -> ParsedRunChunk {
            var chunk = TrecRunParser.parse(pieces[k], name: name, limits: limits, firstOfFile: firstOfFile)
            if !keepsInterleavedPieces, let piece = chunk.interleavedPiece {
                chunk.blocks = piece.blocks()
                chunk.interleavedPiece = nil
            }
            return chunk
        }
        var chunks = parallelMap(pieces.count, threads: threads) { k in
            var chunk = parsed(k, firstOfFile: startsFile && k == 0)
            if let finish, !chunk.interleaved, chunk.error == nil, chunk.blocks.count > 2 {
                chunk.outcomes = [nil] + chunk.blocks[1..<(chunk.blocks.count - 1)].map(finish) + [nil]
            }
            return chunk
        }
        // A piece after pieces of comments only holds the file's first data line, which
        // may be a header: where that made an error, parse it again knowing so.
        var dataBefore = !startsFile
        for k in chunks.indices {
            if !dataBefore && k > 0 && chunks[k].error != nil {
                chunks[k] = parsed(k, firstOfFile: true)
            }
            if chunks[k].lastTag != nil || chunks[k].error != nil { dataBefore = true }
        }
        return chunks
    }
}
