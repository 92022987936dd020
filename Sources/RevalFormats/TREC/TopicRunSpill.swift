import RevalCore

/// Groups the blocks of a run whose topics are interleaved by topic, in bounded memory,
/// so that such a run is read once and never held whole.
///
/// Blocks go, as bytes, to one of `partitions` partitions by a hash of their topic and wait
/// in memory; once they hold more than `memoryBudget` bytes, every partition's waiting
/// bytes are written, as one segment each, to an unlinked temporary file (`TemporaryFile`).
/// `forEachPartition` then reads back one partition at a time and gives its topics whole,
/// each topic's blocks joined in file order. Memory holds the waiting blocks and one
/// partition, not the run.
///
/// ```swift
/// let spill = try TopicRunSpill(name: "run.txt")
/// for block in batch.blocks { try spill.add(block) }
/// try spill.forEachPartition { topics in ... }
/// ```
public final class TopicRunSpill {
    private let name: String
    private let limits: TopicLimits
    private let memoryBudget: Int
    private let threads: Int
    private let file: TemporaryFile
    /// Per partition, the blocks not written yet, as `SpilledBlock` bytes.
    private var waiting: [[UInt8]]
    private var waitingBytes = 0
    /// Where each partition's segments lie in the file, in the order written.
    private var segments: [[Range<Int>]]
    private var fileSize = 0

    /// `name` is the run's name in errors; a topic past `limits` is an error. A partition's
    /// topics are built on `threads` threads.
    public init(name: String, limits: TopicLimits = .standard, partitions: Int = 256,
                memoryBudget: Int = 2 << 20, threads: Int = 1) throws(InputError) {
        self.name = name
        self.threads = threads
        self.limits = limits
        self.memoryBudget = memoryBudget
        file = try TemporaryFile(name: name, purpose: "group the interleaved topics of a run")
        waiting = Array(repeating: [], count: max(1, partitions))
        segments = Array(repeating: [], count: max(1, partitions))
    }

    /// Takes a block of one topic (blocks of a topic come in file order).
    public func add(_ block: TopicRun) throws(InputError) {
        let topic = block.topic.rawBytes
        let partition = self.partition(of: topic)
        let before = waiting[partition].count
        SpilledBlock.write(block, topic: topic, to: &waiting[partition])
        waitingBytes += waiting[partition].count - before
        if waitingBytes > memoryBudget { try flush() }
    }

    /// Takes a batch's documents in file order, as `add` would take their blocks one by
    /// one, and releases them. Each part is turned into bytes on a thread of its own (a
    /// shuffled run's batch holds thousands of small blocks, too many to copy on one
    /// thread while the next batch waits); a part larger than the memory budget is then
    /// written as it is, one segment per partition, the others wait like single blocks.
    public func add(_ parts: inout [RunBatchPart]) throws(InputError) {
        let encoded = parallelMap(parts.count, threads: threads) { k in
            switch parts[k] {
            case .blocks(let blocks): encode(blocks)
            case .interleaved(let piece): encode(piece)
            }
        }
        parts = []
        for part in encoded {
            if waitingBytes + part.bytes.count > memoryBudget { try flush() }
            if part.bytes.count > memoryBudget {
                try write(part.bytes, ranges: part.ranges)
                continue
            }
            part.bytes.withUnsafeBytes { bytes in
                for (partition, range) in part.ranges.enumerated() where !range.isEmpty {
                    waiting[partition] += UnsafeRawBufferPointer(rebasing: bytes[range])
                }
            }
            waitingBytes += part.bytes.count
        }
    }

    /// The `SpilledBlock` bytes of a part, partition by partition: partition p's at
    /// `ranges[p]` of `bytes`.
    private struct EncodedPart {
        var bytes: [UInt8]
        var ranges: [Range<Int>]
    }

    private func encode(_ blocks: [TopicRun]) -> EncodedPart {
        let topics = blocks.map(\.topic.rawBytes)
        return encode(topics: topics, documents: { blocks[$0].count }, docnoBytes: { blocks[$0].docnoBytes.count }) { i, out in
            SpilledBlock.write(blocks[i], topic: topics[i], at: out)
        }
    }

    private func encode(_ piece: InterleavedPiece) -> EncodedPart {
        let topics = piece.topics.map(\.rawBytes)
        return encode(topics: topics, documents: piece.documentCount, docnoBytes: { piece.docnoBytes($0).count }) { t, out in
            SpilledBlock.write(topic: topics[t], documents: piece.documentCount(t), docnos: piece.docnoBytes(t), at: out) {
                piece.copyColumns(t, ends: $0, scores: $1, lines: $2)
            }
        }
    }

    /// Blocks 0..<topics.count, of the sizes given, written by `write` each where it goes
    /// in its partition's bytes, file order kept within a partition.
    private func encode(topics: [[UInt8]], documents: (Int) -> Int, docnoBytes: (Int) -> Int,
                        write: (Int, UnsafeMutableRawPointer) -> Void) -> EncodedPart {
        let partitions = topics.map(partition(of:))
        let sizes = topics.indices.map { SpilledBlock.size(topicBytes: topics[$0].count, documents: documents($0), docnoBytes: docnoBytes($0)) }
        var next = [Int](repeating: 0, count: waiting.count + 1)
        for i in topics.indices { next[partitions[i] + 1] += sizes[i] }
        for p in 0..<waiting.count { next[p + 1] += next[p] }
        let ranges = (0..<waiting.count).map { next[$0]..<next[$0 + 1] }
        let total = next[waiting.count]
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { out, count in
            for i in topics.indices {
                write(i, UnsafeMutableRawPointer(out.baseAddress! + next[partitions[i]]))
                next[partitions[i]] += sizes[i]
            }
            count = total
        }
        return EncodedPart(bytes: bytes, ranges: ranges)
    }

    private func partition(of topic: [UInt8]) -> Int {
        Int(topic.withUnsafeBytes { ByteKeyTable.hash($0) } % UInt64(waiting.count))
    }

    /// Gives each partition's topics, whole, one partition at a time; the topics of a
    /// partition are in the order they first appear in the run.
    public func forEachPartition(_ body: ([TopicRun]) throws(InputError) -> Void) throws(InputError) {
        for partition in waiting.indices {
            let size = segments[partition].reduce(0) { $0 + $1.count } + waiting[partition].count
            let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
            defer { bytes.deallocate() }
            var filled = 0
            for segment in segments[partition] {
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled..<(filled + segment.count)]),
                              at: segment.lowerBound)
                filled += segment.count
            }
            waiting[partition].withUnsafeBytes { held in
                guard let start = held.baseAddress, held.count > 0 else { return }
                bytes.baseAddress!.advanced(by: filled).copyMemory(from: start, byteCount: held.count)
            }
            waiting[partition] = []
            try body(try topics(in: UnsafeRawBufferPointer(bytes)))
        }
    }

    /// The topics of a partition's bytes, each topic's blocks joined in file order.
    private func topics(in bytes: UnsafeRawBufferPointer) throws(InputError) -> [TopicRun] {
        var blocksOfTopic: [[SpilledBlock]] = []
        var topics: [String] = []
        var index = ByteKeyTable()
        var offset = 0
        while offset < bytes.count {
            guard let block = SpilledBlock(bytes, at: offset) else {
                throw InputError(file: name, message: "a temporary file holding the run's topics was changed while reval read it")
            }
            offset = block.end
            if let k = index.find(block.topicBytes) {
                blocksOfTopic[k].append(block)
            } else {
                index.insert(block.topicBytes, value: blocksOfTopic.count)
                topics.append(String(rawBytes: block.topicBytes))
                blocksOfTopic.append([block])
            }
        }
        let built = parallelMap(blocksOfTopic.count, threads: threads) { k in
            Result { () throws(InputError) in try joined(blocksOfTopic[k], topic: topics[k], in: bytes) }
        }
        var joinedTopics: [TopicRun] = []
        joinedTopics.reserveCapacity(built.count)
        for topic in built { joinedTopics.append(try topic.get()) }
        return joinedTopics
    }

    /// One topic from its blocks, in order; its documents past `limits` are an error at the
    /// first line of the block that crosses them.
    private func joined(_ blocks: [SpilledBlock], topic: String, in bytes: UnsafeRawBufferPointer) throws(InputError) -> TopicRun {
        var documents = 0, docnoBytes = 0
        for block in blocks {
            documents += block.documents
            docnoBytes += block.docnoBytes
            guard documents <= limits.maxDocuments, docnoBytes <= limits.maxDocnoBytes else {
                throw .topicTooLarge(file: name, line: block.firstLine(in: bytes), topic: topic, limits: limits)
            }
        }
        return TopicRun(topic: topic, count: documents, docnoByteCount: docnoBytes) { arena, ends, scores, lines in
            var document = 0, byte = 0
            for block in blocks {
                block.copy(from: bytes, docnosTo: arena + byte, ends: ends, scores: scores, lines: lines,
                           at: document, endOffset: UInt32(truncatingIfNeeded: byte))
                document += block.documents
                byte += block.docnoBytes
            }
        }
    }

    /// Writes every partition's waiting bytes as one segment each.
    private func flush() throws(InputError) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(waitingBytes)
        var ranges: [Range<Int>] = []
        for partition in waiting.indices {
            ranges.append(bytes.count..<(bytes.count + waiting[partition].count))
            bytes += waiting[partition]
            waiting[partition] = []
        }
        waitingBytes = 0
        try write(bytes, ranges: ranges)
    }

    /// Appends `bytes` to the file, `ranges[p]` of it a segment of partition p.
    private func write(_ bytes: [UInt8], ranges: [Range<Int>]) throws(InputError) {
        guard !bytes.isEmpty else { return }
        let written: Result<Void, InputError> = bytes.withUnsafeBytes { raw in
            Result { () throws(InputError) in try file.append(raw) }
        }
        try written.get()
        for (partition, range) in ranges.enumerated() where !range.isEmpty {
            segments[partition].append((fileSize + range.lowerBound)..<(fileSize + range.upperBound))
        }
        fileSize += bytes.count
    }
}

/// One block as bytes: three 32-bit counts (topic bytes, documents, docno bytes), then its
/// topic, docnos, docno ends, scores and lines. Read back, it is where those lie.
struct SpilledBlock {
    /// The topic's bytes, in the bytes read back.
    let topicBytes: UnsafeRawBufferPointer
    let documents: Int
    let docnoBytes: Int
    /// Where the docnos start; the ends, scores and lines follow them.
    let docnoStart: Int
    /// The offset after the block.
    var end: Int { docnoStart + docnoBytes + documents * 16 }

    /// The bytes of a block of `documents` documents.
    static func size(topicBytes: Int, documents: Int, docnoBytes: Int) -> Int { 12 + topicBytes + docnoBytes + 16 * documents }

    static func write(_ block: TopicRun, topic: [UInt8], to bytes: inout [UInt8]) {
        let before = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: size(topicBytes: topic.count, documents: block.count,
                                                              docnoBytes: block.docnoBytes.count)))
        bytes.withUnsafeMutableBytes { write(block, topic: topic, at: $0.baseAddress! + before) }
    }

    /// Writes `block` at `out`, which has room for it.
    static func write(_ block: TopicRun, topic: [UInt8], at out: UnsafeMutableRawPointer) {
        block.docnoBytes.withUnsafeBytes { docnos in
            write(topic: topic, documents: block.count, docnos: docnos, at: out) { ends, scores, lines in
                block.docnoEnds.withUnsafeBytes { ends.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
                block.scores.withUnsafeBytes { scores.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
                block.sourceLines.withUnsafeBytes { lines.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            }
        }
    }

    /// Writes a block at `out` (room for all of it): the counts, `topic`, `docnos`, and the
    /// columns, which `columns` writes at the places it is given for the docno ends (4
    /// bytes each), the scores (8) and the lines (4).
    static func write(topic: [UInt8], documents: Int, docnos: UnsafeRawBufferPointer, at out: UnsafeMutableRawPointer,
                      columns: (UnsafeMutableRawPointer, UnsafeMutableRawPointer, UnsafeMutableRawPointer) -> Void) {
        for (k, count) in [topic.count, documents, docnos.count].enumerated() {
            out.storeBytes(of: UInt32(truncatingIfNeeded: count).littleEndian, toByteOffset: 4 * k, as: UInt32.self)
        }
        topic.withUnsafeBytes { if $0.count > 0 { (out + 12).copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
        let docnoStart = out + 12 + topic.count
        if docnos.count > 0 { docnoStart.copyMemory(from: docnos.baseAddress!, byteCount: docnos.count) }
        let ends = docnoStart + docnos.count
        columns(ends, ends + 4 * documents, ends + 12 * documents)
    }

    /// The block at `offset`; nil when the bytes end too soon.
    init?(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        guard offset + 12 <= bytes.count else { return nil }
        func count(_ k: Int) -> Int {
            Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4 * k, as: UInt32.self)))
        }
        let topicCount = count(0)
        documents = count(1)
        docnoBytes = count(2)
        docnoStart = offset + 12 + topicCount
        guard docnoStart + docnoBytes + documents * 16 <= bytes.count else { return nil }
        topicBytes = UnsafeRawBufferPointer(rebasing: bytes[(offset + 12)..<docnoStart])
    }

    func firstLine(in bytes: UnsafeRawBufferPointer) -> Int? {
        guard documents > 0 else { return nil }
        return Int(bytes.loadUnaligned(fromByteOffset: docnoStart + docnoBytes + documents * 12, as: UInt32.self))
    }

    /// Copies the block's columns into a topic's, from document `first` on; its docno ends
    /// move by `endOffset`, the topic's docno bytes before it.
    func copy(from bytes: UnsafeRawBufferPointer, docnosTo docnos: UnsafeMutableRawPointer,
              ends: UnsafeMutableBufferPointer<UInt32>, scores: UnsafeMutableBufferPointer<Double>,
              lines: UnsafeMutableBufferPointer<UInt32>, at first: Int, endOffset: UInt32) {
        let base = bytes.baseAddress!
        docnos.copyMemory(from: base + docnoStart, byteCount: docnoBytes)
        let endsStart = docnoStart + docnoBytes
        for i in 0..<documents {
            ends[first + i] = bytes.loadUnaligned(fromByteOffset: endsStart + 4 * i, as: UInt32.self) &+ endOffset
        }
        UnsafeMutableRawPointer(scores.baseAddress! + first)
            .copyMemory(from: base + endsStart + 4 * documents, byteCount: 8 * documents)
        UnsafeMutableRawPointer(lines.baseAddress! + first)
            .copyMemory(from: base + endsStart + 12 * documents, byteCount: 4 * documents)
    }
}
