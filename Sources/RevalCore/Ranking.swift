/// How a topic's run is cut and filtered before judging (trec_eval's -M, -J and -l).
public struct RankingOptions: Sendable {
    /// Keep only the first N documents after sorting (-M). nil keeps all.
    public var maxRetrieved: Int?
    /// Drop documents that have no non-negative judgment, then re-rank (-J).
    public var judgedOnly: Bool
    /// Grade at or above which a document is relevant (-l).
    public var relevanceLevel: Int

    public init(maxRetrieved: Int? = nil, judgedOnly: Bool = false, relevanceLevel: Int = 1) {
        self.maxRetrieved = maxRetrieved
        self.judgedOnly = judgedOnly
        self.relevanceLevel = relevanceLevel
    }
}

/// A document retrieved twice for one topic (trec_eval exits 4 on this).
public struct DuplicateDocument: Error, Sendable, Equatable {
    public var topic: String
    public var docno: String
    public var firstLine: Int
    public var line: Int
}

extension TopicRun {
    /// Document indices in trec_eval's rank order: score descending, then docno
    /// descending by bytes.
    public func rankOrder() -> [Int] {
        var order = Array(0..<count)
        docnoBytes.withUnsafeBytes { arena in
            scores.withUnsafeBufferPointer { scores in
                docnoEnds.withUnsafeBufferPointer { ends in
                    order.sort { a, b in
                        let sa = scores[a], sb = scores[b]
                        if sa != sb { return sa > sb }
                        let startA = a == 0 ? 0 : ends[a - 1], startB = b == 0 ? 0 : ends[b - 1]
                        let da = UnsafeRawBufferPointer(rebasing: arena[startA..<ends[a]])
                        let db = UnsafeRawBufferPointer(rebasing: arena[startB..<ends[b]])
                        return compareBytes(da, db) > 0
                    }
                }
            }
        }
        return order
    }

    /// Sorts, cuts, checks for repeated docnos and judges this topic's documents.
    public func judged(by qrels: QrelsTopic, options: RankingOptions) throws(DuplicateDocument) -> JudgedRanking {
        var order = rankOrder()
        if let m = options.maxRetrieved, order.count > m { order.removeSubrange(max(m, 0)...) }
        try checkDuplicates(order)

        var rels: [Int] = []
        rels.reserveCapacity(order.count)
        var numRelRet = 0, numNonpool = 0, numUnjudged = 0
        docnoBytes.withUnsafeBytes { arena in
            for i in order {
                let doc = UnsafeRawBufferPointer(rebasing: arena[docnoStart(i)..<docnoEnds[i]])
                let rel: Int
                if let entry = qrels.docs.find(doc, hash: docnoHashes[i]) {
                    let grade = qrels.grades[entry]
                    rel = grade < 0 ? unjudgedRelevance : grade
                } else {
                    rel = nonpoolRelevance
                }
                if options.judgedOnly && rel < 0 { continue }
                if rel == nonpoolRelevance {
                    numNonpool += 1
                } else if rel == unjudgedRelevance {
                    numUnjudged += 1
                } else if rel >= options.relevanceLevel {
                    numRelRet += 1
                }
                rels.append(rel)
            }
        }
        return JudgedRanking(
            rels: rels, numRelRet: numRelRet,
            numRel: qrels.relevantCount(atLevel: options.relevanceLevel),
            numNonpool: numNonpool, numUnjudgedInPool: numUnjudged,
            levelCounts: qrels.levelCounts(), relevanceLevel: options.relevanceLevel)
    }

    private func checkDuplicates(_ order: [Int]) throws(DuplicateDocument) {
        var seen = ByteKeyTable(capacity: order.count)
        var found: DuplicateDocument?
        docnoBytes.withUnsafeBytes { arena in
            for i in order {
                let doc = UnsafeRawBufferPointer(rebasing: arena[docnoStart(i)..<docnoEnds[i]])
                if let first = seen.insert(doc, value: i) {
                    let firstDoc = seen.values[first]
                    let (a, b) = lines[firstDoc] <= lines[i] ? (firstDoc, i) : (i, firstDoc)
                    found = DuplicateDocument(topic: topic, docno: docno(i), firstLine: lines[a], line: lines[b])
                    return
                }
            }
        }
        if let found { throw found }
    }
}
