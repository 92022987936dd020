import RevalCore

/// The documents of one piece of a run as the parser meets them, in file order: where each
/// docno lies in the piece, its score, its line and its block (topic). Blocks are made
/// from these once the piece is parsed, each with room for exactly its documents, so that
/// reading a line appends to five flat columns instead of growing four arrays of its topic.
struct RunPieceColumns {
    private(set) var count = 0
    private(set) var docnoStarts: ColumnBuffer<UInt32>
    private(set) var docnoLengths: ColumnBuffer<UInt32>
    private(set) var scores: ColumnBuffer<Double>
    private(set) var lines: ColumnBuffer<UInt32>
    private(set) var blocks: ColumnBuffer<Int32>

    /// Columns with room for `documents` documents before they grow.
    init(documents: Int) {
        let capacity = max(16, documents)
        docnoStarts = ColumnBuffer(capacity: capacity)
        docnoLengths = ColumnBuffer(capacity: capacity)
        scores = ColumnBuffer(capacity: capacity)
        lines = ColumnBuffer(capacity: capacity)
        blocks = ColumnBuffer(capacity: capacity)
    }

    @inline(__always)
    mutating func append(docnoStart: Int, docnoLength: Int, score: Double, line: Int, block: Int) {
        if count == docnoStarts.capacity {
            for column in [docnoStarts, docnoLengths, lines] { column.grow() }
            scores.grow()
            blocks.grow()
        }
        docnoStarts.pointer[count] = UInt32(truncatingIfNeeded: docnoStart)
        docnoLengths.pointer[count] = UInt32(truncatingIfNeeded: docnoLength)
        scores.pointer[count] = score
        lines.pointer[count] = UInt32(truncatingIfNeeded: line)
        blocks.pointer[count] = Int32(truncatingIfNeeded: block)
        count += 1
    }

    /// One block per topic, named by `topics` (in order of first appearance), holding its
    /// documents in file order, docnos copied out of `piece`. `firstDocuments[b]` is the
    /// first document of block b; `interleaved` says a block's documents may be apart.
    /// A topic past `limits` gives the error for the line that crosses them.
    func makeBlocks(topics: [String], firstDocuments: [Int], interleaved: Bool, piece: UnsafeRawBufferPointer,
                    limits: TopicLimits, name: String) -> Result<[TopicRun], InputError> {
        // Documents of block b: positions starts[b]..<starts[b + 1] of `order`, which is
        // file order unless the topics are interleaved.
        let (order, starts) = interleaved ? documentsByBlock(blockCount: topics.count)
                                          : (Array(0..<count), firstDocuments + [count])
        var made: [TopicRun] = []
        made.reserveCapacity(topics.count)
        var limitError: InputError?
        order.withUnsafeBufferPointer { order in
            for b in topics.indices {
                let documents = UnsafeBufferPointer(rebasing: order[starts[b]..<starts[b + 1]])
                var bytes = 0
                for d in documents { bytes += Int(docnoLengths.pointer[d]) }
                guard documents.count <= limits.maxDocuments, bytes <= limits.maxDocnoBytes else {
                    let line = firstLineOverLimits(documents, limits: limits)
                    if limitError == nil || line < limitError!.line! {
                        limitError = .topicTooLarge(file: name, line: line, topic: topics[b], limits: limits)
                    }
                    continue
                }
                made.append(block(topics[b], documents, docnoBytes: bytes, piece: piece))
            }
        }
        if let limitError { return .failure(limitError) }
        return .success(made)
    }

    /// The block of `documents`, docnos copied out of `piece`.
    private func block(_ topic: String, _ documents: UnsafeBufferPointer<Int>, docnoBytes: Int,
                       piece: UnsafeRawBufferPointer) -> TopicRun {
        TopicRun(topic: topic, count: documents.count, docnoByteCount: docnoBytes) { arena, ends, values, sourceLines in
            var offset = 0
            for (i, d) in documents.enumerated() {
                let length = Int(docnoLengths.pointer[d])
                copySmall(to: arena + offset, from: piece.baseAddress! + Int(docnoStarts.pointer[d]), count: length)
                offset += length
                ends[i] = UInt32(truncatingIfNeeded: offset)
                values[i] = scores.pointer[d]
                sourceLines[i] = lines.pointer[d]
            }
        }
    }

    /// Every document index grouped by block, file order kept within a block (a counting
    /// sort), with where each block's documents start.
    private func documentsByBlock(blockCount: Int) -> (documents: [Int], starts: [Int]) {
        var starts = [Int](repeating: 0, count: blockCount + 1)
        for d in 0..<count { starts[Int(blocks.pointer[d]) + 1] += 1 }
        for b in 0..<blockCount { starts[b + 1] += starts[b] }
        var next = starts
        var documents = [Int](repeating: 0, count: count)
        for d in 0..<count {
            let b = Int(blocks.pointer[d])
            documents[next[b]] = d
            next[b] += 1
        }
        return (documents, starts)
    }

    /// The line of the first of `documents` that does not fit in `limits`.
    private func firstLineOverLimits(_ documents: UnsafeBufferPointer<Int>, limits: TopicLimits) -> Int {
        var bytes = 0
        for (n, d) in documents.enumerated() {
            bytes += Int(docnoLengths.pointer[d])
            if n + 1 > limits.maxDocuments || bytes > limits.maxDocnoBytes { return Int(lines.pointer[d]) }
        }
        return documents.last.map { Int(lines.pointer[$0]) } ?? 0
    }
}

/// Copies `count` bytes; docnos are short, and a call to memmove for each costs more than
/// the copy.
@inline(__always)
func copySmall(to target: UnsafeMutableRawPointer, from source: UnsafeRawPointer, count: Int) {
    guard count <= 16 else {
        target.copyMemory(from: source, byteCount: count)
        return
    }
    var i = 0
    while i + 8 <= count {
        target.storeBytes(of: source.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
        i += 8
    }
    while i < count {
        target.storeBytes(of: source.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i, as: UInt8.self)
        i += 1
    }
}

/// A growable column of plain values without Array's per-append uniqueness check: it is
/// owned by one parser on one thread and freed with it.
final class ColumnBuffer<Element: BitwiseCopyable> {
    private(set) var pointer: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        pointer = .allocate(capacity: capacity)
    }

    deinit { pointer.deallocate() }

    /// Doubles the room, keeping the first `capacity` values.
    func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.update(from: pointer, count: capacity)
        pointer.deallocate()
        pointer = bigger
        capacity *= 2
    }
}
