/// How a topic's run is cut and filtered before judging (trec_eval's -M, -J and -l).
public struct RankingOptions: Sendable {
    /// Keep only the first N documents after sorting (-M). nil keeps all.
    public var maxRetrieved: Int?
    /// Drop documents that have no non-negative judgment, then re-rank (-J).
    public var judgedOnly: Bool
    /// Grade at or above which a document is relevant (-l).
    public var relevanceLevel: Int

    /// Options from -M, -J and -l.
    public init(maxRetrieved: Int? = nil, judgedOnly: Bool = false, relevanceLevel: Int = 1) {
        self.maxRetrieved = maxRetrieved
        self.judgedOnly = judgedOnly
        self.relevanceLevel = relevanceLevel
    }
}

/// A document retrieved twice for one topic (trec_eval exits 4 on this).
public struct DuplicateDocument: Error, Sendable, Equatable {
    /// The topic id.
    public var topic: String
    /// The repeated docno.
    public var docno: String
    /// The line of its first appearance.
    public var firstLine: Int
    /// The line of the repeat.
    public var line: Int
}

extension TopicRun {
    /// Document indices in trec_eval's rank order: score descending, then docno
    /// descending by bytes. A run already in that order (the usual case) is checked in
    /// one pass instead of sorted.
    public func rankOrder() -> [Int] {
        var order: [Int] = []
        docnoBytes.withUnsafeBytes { arena in
            scores.withUnsafeBufferPointer { scores in
                docnoEnds.withUnsafeBufferPointer { ends in
                    @inline(__always) func docno(_ i: Int) -> UnsafeRawBufferPointer {
                        let start = i == 0 ? 0 : Int(ends[i - 1])
                        return UnsafeRawBufferPointer(rebasing: arena[start..<Int(ends[i])])
                    }
                    @inline(__always) func before(_ a: Int, _ b: Int) -> Bool {
                        let sa = scores[a], sb = scores[b]
                        if sa != sb { return sa > sb }
                        return compareBytes(docno(a), docno(b)) > 0
                    }
                    // Scores already descending (the usual case) keep their order; others
                    // are sorted by score alone (`ScoreRadixSort`). Then only runs of equal
                    // scores need ordering, by docno.
                    var descending = true
                    var i = 1
                    while i < scores.count {
                        if scores[i - 1] < scores[i] { descending = false; break }
                        i += 1
                    }
                    order = descending ? Self.identityOrder(scores.count) : ScoreRadixSort.descending(scores)
                    // A tie group is usually a few documents: insertion sort costs less
                    // than setting up the library sort for each.
                    order.withUnsafeMutableBufferPointer { order in
                        var start = 0
                        while start < order.count {
                            let score = scores[order[start]]
                            var end = start + 1
                            while end < order.count && scores[order[end]] == score { end += 1 }
                            if end - start > 8 {
                                var group = UnsafeMutableBufferPointer(rebasing: order[start..<end])
                                group.sort(by: before)
                            } else if end - start > 1 {
                                for k in (start + 1)..<end {
                                    let item = order[k]
                                    var j = k
                                    while j > start && before(item, order[j - 1]) {
                                        order[j] = order[j - 1]
                                        j -= 1
                                    }
                                    order[j] = item
                                }
                            }
                            start = end
                        }
                    }
                }
            }
        }
        return order
    }

    /// 0, 1, …, n − 1, filled in place (`Array(0..<n)` goes through the generic copy).
    private static func identityOrder(_ n: Int) -> [Int] {
        [Int](unsafeUninitializedCapacity: n) { buffer, initialized in
            for i in 0..<n { buffer[i] = i }
            initialized = n
        }
    }

    /// Sorts, cuts, checks for repeated docnos and judges this topic's documents.
    public func judged(by qrels: QrelsTopic, options: RankingOptions) throws(DuplicateDocument) -> JudgedRanking {
        var order = rankOrder()
        if let m = options.maxRetrieved, order.count > m { order.removeSubrange(max(m, 0)...) }

        var rels = [Int](repeating: 0, count: order.count)
        var numRelRet = 0, numNonpool = 0, numUnjudged = 0
        var duplicate: (Int, Int)?
        // Open addressing over document indices, keyed by docno hash, to find a docno
        // listed twice among the documents kept. Unsafe buffers: this loop runs once per
        // document of the run, and array accesses here cost their bounds and uniqueness
        // checks.
        var size = 16
        while size < order.count * 2 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        var hashes = [UInt64](repeating: 0, count: count)
        docnoBytes.withUnsafeBytes { arena in
            docnoEnds.withUnsafeBufferPointer { ends in
                slots.withUnsafeMutableBufferPointer { slots in
                    hashes.withUnsafeMutableBufferPointer { hashes in
                        rels.withUnsafeMutableBufferPointer { rels in
                            @inline(__always) func docno(_ i: Int) -> UnsafeRawBufferPointer {
                                let start = i == 0 ? 0 : Int(ends[i - 1])
                                return UnsafeRawBufferPointer(start: arena.baseAddress! + start, count: Int(ends[i]) - start)
                            }
                            for (rank, i) in order.enumerated() {
                                let doc = docno(i)
                                let hash = ByteKeyTable.hash(doc)
                                hashes[i] = hash
                                var slot = Int(truncatingIfNeeded: hash) & (size - 1)
                                while slots[slot] >= 0 {
                                    let other = Int(slots[slot])
                                    if hashes[other] == hash, compareBytes(docno(other), doc) == 0 {
                                        duplicate = (other, i)
                                        return
                                    }
                                    slot = (slot + 1) & (size - 1)
                                }
                                slots[slot] = Int32(truncatingIfNeeded: i)
                                if let entry = qrels.docs.find(doc, hash: hash) {
                                    let grade = qrels.grades[entry]
                                    rels[rank] = grade < 0 ? unjudgedRelevance : grade
                                } else {
                                    rels[rank] = nonpoolRelevance
                                }
                            }
                        }
                    }
                }
            }
        }
        if let (a, b) = duplicate {
            let lines = [line(of: a), line(of: b)].sorted()
            throw DuplicateDocument(topic: topic, docno: docno(b), firstLine: lines[0], line: lines[1])
        }
        if options.judgedOnly { rels.removeAll { $0 < 0 } }
        for rel in rels {
            if rel == nonpoolRelevance {
                numNonpool += 1
            } else if rel == unjudgedRelevance {
                numUnjudged += 1
            } else if rel >= options.relevanceLevel {
                numRelRet += 1
            }
        }
        return JudgedRanking(
            rels: rels, numRelRet: numRelRet,
            numRel: qrels.relevantCount(atLevel: options.relevanceLevel),
            numNonpool: numNonpool, numUnjudgedInPool: numUnjudged,
            levelCounts: qrels.levelCounts(), relevanceLevel: options.relevanceLevel)
    }
}
