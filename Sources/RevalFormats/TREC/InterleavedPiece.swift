import RevalCore

/// The documents of one piece of a run whose topics are interleaved, regrouped by topic:
/// each topic's documents in file order, their columns side by side in flat buffers.
///
/// The parser moves every field, in file order, to where its topic's documents go, so that
/// the piece is read in order and each topic's columns written front to back; gathering a
/// topic's documents one by one instead reads the piece at random, a cache miss for each
/// field of each document (a shuffled run's piece holds thousands of topics). A
/// `TopicRunSpill` writes the topics from here as they are, with no block in between;
/// `blocks()` makes them blocks for everyone else.
public final class InterleavedPiece {
    /// The piece's topics, in order of first appearance.
    let topics: [String]
    /// Lines before the piece, added to its (piece-relative) lines wherever they go.
    var linesBefore = 0
    /// Where topic t's documents start; `documentStarts[topics.count]` is the total.
    private let documentStarts: [Int]
    /// Where topic t's docno bytes start.
    private let byteStarts: [Int]
    private let docnos: UnsafeMutableRawPointer
    /// Each document's score, line and docno end (from the start of its topic's docnos),
    /// side by side: two places written per document instead of four keep the topics'
    /// write positions in the cache.
    private let documents: UnsafeMutablePointer<Document>

    struct Document {
        var score: Double
        var line: UInt32
        var end: UInt32
    }

    /// The documents of `columns`, whose block numbers index `topics`, of `sizes`, docnos
    /// copied out of `piece`.
    init(_ columns: RunPieceColumns, topics: [String], sizes: RunPieceColumns.BlockSizes, piece: UnsafeRawBufferPointer) {
        let count = columns.count, topicCount = topics.count
        let topicOf = columns.blocks.pointer, lengths = columns.docnoLengths.pointer
        var documentStarts = [Int](repeating: 0, count: topicCount + 1)
        var byteStarts = [Int](repeating: 0, count: topicCount + 1)
        for t in 0..<topicCount {
            documentStarts[t + 1] = documentStarts[t] + sizes.documents[t]
            byteStarts[t + 1] = byteStarts[t] + sizes.docnoBytes[t]
        }
        docnos = .allocate(byteCount: max(1, byteStarts[topicCount]), alignment: 8)
        documents = .allocate(capacity: max(1, count))
        var nextDocument = documentStarts, nextByte = byteStarts
        let starts = columns.docnoStarts.pointer, fileScores = columns.scores.pointer, fileLines = columns.lines.pointer
        let source = piece.baseAddress!
        for d in 0..<count {
            let t = Int(topicOf[d])
            let k = nextDocument[t], offset = nextByte[t], length = Int(lengths[d])
            nextDocument[t] = k + 1
            nextByte[t] = offset + length
            copySmall(to: docnos + offset, from: source + Int(starts[d]), count: length)
            documents[k] = Document(score: fileScores[d], line: fileLines[d],
                                    end: UInt32(truncatingIfNeeded: offset + length - byteStarts[t]))
        }
        self.topics = topics
        self.documentStarts = documentStarts
        self.byteStarts = byteStarts
    }

    deinit {
        docnos.deallocate()
        documents.deallocate()
    }

    /// The number of documents of topic `t`.
    func documentCount(_ t: Int) -> Int { documentStarts[t + 1] - documentStarts[t] }

    /// The docno bytes of topic `t`.
    func docnoBytes(_ t: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: docnos + byteStarts[t], count: byteStarts[t + 1] - byteStarts[t])
    }

    /// Writes topic `t`'s docno ends, scores and lines (with `linesBefore` added) at the
    /// three destinations, each with room for its documents.
    func copyColumns(_ t: Int, ends endsOut: UnsafeMutableRawPointer, scores scoresOut: UnsafeMutableRawPointer,
                     lines linesOut: UnsafeMutableRawPointer) {
        let first = documents + documentStarts[t]
        let shift = UInt32(truncatingIfNeeded: linesBefore)
        for i in 0..<documentCount(t) {
            let document = first[i]
            endsOut.storeBytes(of: document.end, toByteOffset: 4 * i, as: UInt32.self)
            scoresOut.storeBytes(of: document.score, toByteOffset: 8 * i, as: Double.self)
            linesOut.storeBytes(of: document.line &+ shift, toByteOffset: 4 * i, as: UInt32.self)
        }
    }

    /// Every topic as a block, in order.
    func blocks() -> [TopicRun] {
        topics.indices.map { t in
            let docnos = docnoBytes(t)
            return TopicRun(topic: topics[t], count: documentCount(t), docnoByteCount: docnos.count) { arena, ends, scores, lines in
                if let base = docnos.baseAddress, docnos.count > 0 { arena.copyMemory(from: base, byteCount: docnos.count) }
                copyColumns(t, ends: UnsafeMutableRawPointer(ends.baseAddress!), scores: UnsafeMutableRawPointer(scores.baseAddress!),
                            lines: UnsafeMutableRawPointer(lines.baseAddress!))
            }
        }
    }
}
