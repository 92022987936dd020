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

    /// How many documents and docno bytes each block holds (block numbers index `topics`),
    /// or, when a topic outgrows `limits`, the error for the first line that crosses them.
    /// `firstDocuments[b]`, when the blocks are grouped, is the first document of block b.
    func blockSizes(topics: [String], firstDocuments: [Int]?, limits: TopicLimits, name: String) -> Result<BlockSizes, InputError> {
        var documents = [Int](repeating: 0, count: topics.count), docnoBytes = documents
        documents.withUnsafeMutableBufferPointer { documents in
            docnoBytes.withUnsafeMutableBufferPointer { docnoBytes in
                if let firstDocuments {
                    for b in documents.indices {
                        let end = b + 1 < firstDocuments.count ? firstDocuments[b + 1] : count
                        documents[b] = end - firstDocuments[b]
                        for d in firstDocuments[b]..<end { docnoBytes[b] += Int(docnoLengths.pointer[d]) }
                    }
                } else {
                    for d in 0..<count {
                        let b = Int(blocks.pointer[d])
                        documents[b] += 1
                        docnoBytes[b] += Int(docnoLengths.pointer[d])
                    }
                }
            }
        }
        let fits = !documents.indices.contains { documents[$0] > limits.maxDocuments || docnoBytes[$0] > limits.maxDocnoBytes }
        guard fits else { return .failure(firstLineOverLimits(topics: topics, limits: limits, name: name)) }
        return .success(BlockSizes(documents: documents, docnoBytes: docnoBytes))
    }

    /// The error for the first line, in file order, at which a block outgrows `limits`.
    private func firstLineOverLimits(topics: [String], limits: TopicLimits, name: String) -> InputError {
        var documents = [Int](repeating: 0, count: topics.count), docnoBytes = documents
        for d in 0..<count {
            let b = Int(blocks.pointer[d])
            documents[b] += 1
            docnoBytes[b] += Int(docnoLengths.pointer[d])
            if documents[b] > limits.maxDocuments || docnoBytes[b] > limits.maxDocnoBytes {
                return .topicTooLarge(file: name, line: Int(lines.pointer[d]), topic: topics[b], limits: limits)
            }
        }
        preconditionFailure("a block over the limits was counted, then not found")
    }

    struct BlockSizes {
        var documents: [Int]
        var docnoBytes: [Int]
    }

    /// One block per topic of a stretch whose topics are grouped, named by `topics` (in
    /// order of first appearance), its documents in file order, docnos copied out of
    /// `piece`. `firstDocuments[b]` is the first document of block b.
    func makeBlocks(topics: [String], firstDocuments: [Int], sizes: BlockSizes, piece: UnsafeRawBufferPointer) -> [TopicRun] {
        topics.indices.map { b in
            let first = firstDocuments[b]
            return TopicRun(topic: topics[b], count: sizes.documents[b], docnoByteCount: sizes.docnoBytes[b]) { arena, ends, values, sourceLines in
                var offset = 0
                for i in 0..<sizes.documents[b] {
                    let d = first + i
                    let length = Int(docnoLengths.pointer[d])
                    copySmall(to: arena + offset, from: piece.baseAddress! + Int(docnoStarts.pointer[d]), count: length)
                    offset += length
                    ends[i] = UInt32(truncatingIfNeeded: offset)
                    values[i] = scores.pointer[d]
                    sourceLines[i] = lines.pointer[d]
                }
            }
        }
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
