/// The documents one system retrieved for one topic, in file order.
///
/// Docnos are kept as bytes in one arena per topic; ranks in the file are ignored,
/// as trec_eval ignores them: the ranking comes from the scores.
public struct TopicRun: Sendable {
    public let topic: String
    public private(set) var docnoBytes: [UInt8] = []
    public private(set) var docnoEnds: [Int] = []
    public private(set) var docnoHashes: [UInt64] = []
    public private(set) var scores: [Double] = []
    public private(set) var lines: [Int] = []

    public init(topic: String) { self.topic = topic }

    public var count: Int { scores.count }

    @inline(__always)
    public func docnoStart(_ i: Int) -> Int { i == 0 ? 0 : docnoEnds[i - 1] }

    public func docno(_ i: Int) -> String {
        String(decoding: docnoBytes[docnoStart(i)..<docnoEnds[i]], as: UTF8.self)
    }

    public mutating func append(docno: UnsafeRawBufferPointer, score: Double, line: Int) {
        docnoBytes.append(contentsOf: docno)
        docnoEnds.append(docnoBytes.count)
        docnoHashes.append(ByteKeyTable.hash(docno))
        scores.append(score)
        lines.append(line)
    }

    public mutating func append(docno: String, score: Double, line: Int = 0) {
        var docno = docno
        docno.withUTF8 { append(docno: UnsafeRawBufferPointer($0), score: score, line: line) }
    }
}

/// A retrieval run: ranked documents for each topic, and the run tag.
public struct Run: Sendable {
    public private(set) var topics: [TopicRun] = []
    private var index: [String: Int] = [:]
    /// The tag of the last data line, which trec_eval prints as `runid`.
    public var tag: String = ""
    /// Where the run came from (a path, or "-"), for messages.
    public var source: String

    public init(source: String = "run") { self.source = source }

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

    public mutating func append(topicIndex i: Int, docno: UnsafeRawBufferPointer, score: Double, line: Int) {
        topics[i].append(docno: docno, score: score, line: line)
    }

    public mutating func append(topic: String, docno: String, score: Double, line: Int = 0) {
        let i = topicIndex(topic)
        topics[i].append(docno: docno, score: score, line: line)
    }
}
