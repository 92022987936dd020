/// The documents one system retrieved for one topic, in file order.
///
/// Docnos are kept as bytes in one arena per topic (16 bytes a document besides
/// the docno itself); ranks in the file are ignored, as trec_eval ignores them: the
/// ranking comes from the scores.
public struct TopicRun: Sendable {
    /// The topic id.
    public let topic: String
    /// Every docno, one after the other.
    public private(set) var docnoBytes = ByteArena()
    /// End offset of each docno in `docnoBytes`.
    public private(set) var docnoEnds: [UInt32] = []
    /// Each document's score, in file order.
    public private(set) var scores: [Double] = []
    /// The source line of each document, for error messages (lines beyond 2^32 wrap).
    public private(set) var sourceLines: [UInt32] = []

    /// A topic with no documents yet.
    public init(topic: String) { self.topic = topic }

    /// A topic holding the given columns (a reader that stored them apart, `TopicRunSpill`):
    /// `docnoEnds[i]` is the end of docno `i` in `docnoBytes`.
    public init(topic: String, docnoBytes: UnsafeRawBufferPointer, docnoEnds: [UInt32], scores: [Double],
                sourceLines: [UInt32]) {
        self.topic = topic
        self.docnoBytes = ByteArena(capacity: docnoBytes.count)
        self.docnoBytes.append(docnoBytes)
        self.docnoEnds = docnoEnds
        self.scores = scores
        self.sourceLines = sourceLines
    }

    /// A topic of `count` documents with `docnoByteCount` bytes of docnos, written by
    /// `initialize` into the docno bytes, the docno ends, the scores and the lines (it must
    /// write all of them): a reader that knows the sizes fills the columns in one go.
    public init(topic: String, count: Int, docnoByteCount: Int,
                initializingWith initialize: (UnsafeMutableRawPointer, UnsafeMutableBufferPointer<UInt32>,
                                              UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<UInt32>) -> Void) {
        self.topic = topic
        var ends: [UInt32] = [], scores: [Double] = [], lines: [UInt32] = []
        docnoBytes = ByteArena(count: docnoByteCount) { arena in
            ends = [UInt32](unsafeUninitializedCapacity: count) { endBuffer, endCount in
                scores = [Double](unsafeUninitializedCapacity: count) { scoreBuffer, scoreCount in
                    lines = [UInt32](unsafeUninitializedCapacity: count) { lineBuffer, lineCount in
                        initialize(arena, endBuffer, scoreBuffer, lineBuffer)
                        lineCount = count
                    }
                    scoreCount = count
                }
                endCount = count
            }
        }
        docnoEnds = ends
        self.scores = scores
        sourceLines = lines
    }

    /// The number of documents.
    public var count: Int { scores.count }

    /// Where docno `i` starts in `docnoBytes`.
    @inline(__always)
    public func docnoStart(_ i: Int) -> Int { i == 0 ? 0 : Int(docnoEnds[i - 1]) }

    /// Docno `i` as a String (bytes kept exactly, `String(rawBytes:)`).
    public func docno(_ i: Int) -> String {
        docnoBytes.withUnsafeBytes { String(rawBytes: UnsafeRawBufferPointer(rebasing: $0[docnoStart(i)..<Int(docnoEnds[i])])) }
    }

    /// The source line of every document, in file order.
    public var lines: [Int] { sourceLines.map { Int($0) } }

    /// The source line of document `i`.
    public func line(of i: Int) -> Int { Int(sourceLines[i]) }

    /// Appends one document. Readers check `canAdd` first: past `TopicLimits.standard`
    /// the 32-bit docno offsets would wrap.
    @inline(__always)
    public mutating func append(docno: UnsafeRawBufferPointer, score: Double, line: Int) {
        docnoBytes.append(docno)
        docnoEnds.append(UInt32(truncatingIfNeeded: docnoBytes.count))
        scores.append(score)
        sourceLines.append(UInt32(truncatingIfNeeded: line))
    }

    /// Appends one document (tests and converters).
    public mutating func append(docno: String, score: Double, line: Int = 0) {
        var docno = docno
        docno.withUTF8 { append(docno: UnsafeRawBufferPointer($0), score: score, line: line) }
    }

    /// Appends every document of `other` (the same topic, later in the file).
    public mutating func append(contentsOf other: TopicRun) {
        let byteBase = UInt32(truncatingIfNeeded: docnoBytes.count)
        other.docnoBytes.withUnsafeBytes { docnoBytes.append($0) }
        docnoEnds.append(contentsOf: other.docnoEnds.lazy.map { $0 &+ byteBase })
        scores.append(contentsOf: other.scores)
        sourceLines.append(contentsOf: other.sourceLines)
    }

    /// Shifts every line number by `offset`.
    public mutating func shiftLines(by offset: Int) {
        let delta = UInt32(truncatingIfNeeded: offset)
        for k in sourceLines.indices { sourceLines[k] &+= delta }
    }
}

/// How much one topic of a run may hold. Docno offsets are 32-bit (a document costs 16
/// bytes besides its docno: offset, score and line) and ranking indexes documents with 32-bit integers; readers
/// check these limits and stop with an error rather than wrap around.
///
/// ```swift
/// topic.canAdd(documents: 1, docnoBytes: 8)   // true unless the topic is full
/// ```
public struct TopicLimits: Sendable, Equatable {
    /// The most documents one topic may hold.
    public var maxDocuments: Int
    /// The most docno bytes one topic may hold.
    public var maxDocnoBytes: Int

    /// Limits of `maxDocuments` documents and `maxDocnoBytes` docno bytes.
    public init(maxDocuments: Int, maxDocnoBytes: Int) {
        self.maxDocuments = maxDocuments
        self.maxDocnoBytes = maxDocnoBytes
    }

    /// The most the data layout allows: 2^31 - 2 documents and 4 GiB - 1 of docno bytes.
    public static let standard = TopicLimits(maxDocuments: Int(Int32.max) - 1, maxDocnoBytes: Int(UInt32.max))
}

extension TopicRun {
    /// Whether `documents` more documents with `docnoBytes` more bytes of docnos fit.
    @inline(__always)
    public func canAdd(documents: Int, docnoBytes bytes: Int, within limits: TopicLimits = .standard) -> Bool {
        count + documents <= limits.maxDocuments && docnoBytes.count + bytes <= limits.maxDocnoBytes
    }
}

/// A retrieval run: ranked documents for each topic, and the run tag.
public struct Run: Sendable {
    /// The topics in the order they first appear.
    public private(set) var topics: [TopicRun] = []
    private var index: [String: Int] = [:]
    /// The tag of the last data line, which trec_eval prints as `runid`.
    public var tag: String = ""
    /// Where the run came from (a path, or "-"), for messages.
    public var source: String
    /// What the reader noticed but read anyway (a header line read as trec_eval reads
    /// it), as `FILE:LINE: message`; commands print them as warnings.
    public var warnings: [String] = []

    /// An empty run read from `source` (a path, for messages).
    public init(source: String = "run") { self.source = source }

    /// The documents of `topic`, or nil.
    public subscript(topic: String) -> TopicRun? {
        index[topic].map { topics[$0] }
    }

    /// Index of `topic`, adding an empty entry when it is new.
    public mutating func topicIndex(_ topic: String) -> Int {
        if let i = index[topic] { return i }
        index[topic] = topics.count
        topics.append(TopicRun(topic: topic))
        return topics.count - 1
    }

    /// Appends a document to the topic at index `i` of `topics`.
    public mutating func append(topicIndex i: Int, docno: UnsafeRawBufferPointer, score: Double, line: Int) {
        topics[i].append(docno: docno, score: score, line: line)
    }

    /// Appends a document to `topic`, creating the topic on first sight (tests and converters).
    public mutating func append(topic: String, docno: String, score: Double, line: Int = 0) {
        let i = topicIndex(topic)
        topics[i].append(docno: docno, score: score, line: line)
    }

    /// Adds a block of documents of one topic, merging it with earlier blocks of the topic.
    public mutating func append(block: TopicRun) {
        if let i = index[block.topic] {
            topics[i].append(contentsOf: block)
        } else {
            index[block.topic] = topics.count
            topics.append(block)
        }
    }
}

extension TopicRun {
    /// This topic's documents without those whose docno equals the topic id. BEIR's
    /// evaluation does this by default (`ignore_identical_ids`), for collections where a
    /// query is also a document.
    public func removingTopicDocuments() -> TopicRun {
        var topicBytes = topic.rawBytes
        var kept = TopicRun(topic: topic)
        let found = docnoBytes.withUnsafeBytes { arena -> Bool in
            var any = false
            for i in 0..<count where arena[docnoStart(i)..<Int(docnoEnds[i])].elementsEqual(topicBytes) {
                any = true
            }
            return any
        }
        guard found else { return self }
        docnoBytes.withUnsafeBytes { arena in
            for i in 0..<count {
                let doc = UnsafeRawBufferPointer(rebasing: arena[docnoStart(i)..<Int(docnoEnds[i])])
                if doc.elementsEqual(topicBytes) { continue }
                kept.append(docno: doc, score: scores[i], line: line(of: i))
            }
        }
        topicBytes.removeAll()
        return kept
    }
}
