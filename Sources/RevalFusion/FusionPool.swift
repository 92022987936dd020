import RevalCore

/// One topic ready to be fused: the union of the documents the runs retrieved for it, and
/// each run's term for each document, before weighting — its normalised score, or for RRF
/// 1 / (k + rank) with rank as trec_eval ranks the run (score descending, then docno
/// descending by bytes). A run without the document has no term (0, and it is not counted
/// by CombMNZ).
///
/// Building the pool does the per-run work once; `fused(by:)` then costs one weighted sum
/// and one sort per setting of the weights, which is what weight tuning repeats.
///
/// ```swift
/// let fusion = try Fusion(method: .rrf, runCount: 2)
/// let pool = try FusionPool(topic: "1", runs: [bm25Topic, denseTopic], fusion: fusion)
/// let fused = pool.fused(by: fusion)     // a TopicRun in rank order, at most 1000 documents
/// ```
public struct FusionPool: Sendable {
    public let topic: String
    private let docnoBytes: ByteArena
    private let docnoEnds: [UInt32]
    /// terms[r][d]: run r's term for document d, or 0 when run r lacks d (or the topic).
    private let terms: [[Double]]
    /// How many runs retrieved each document.
    private let hits: [Int32]
    /// Which runs have the topic at all.
    public let present: [Bool]

    /// The number of distinct documents.
    public var count: Int { docnoEnds.count }

    /// Pools one topic. `runs` has one entry per run of `fusion`, nil where the run lacks
    /// the topic. Throws for a document listed twice in one run, and, for the score methods,
    /// a score that is not finite or (with `tmm`) below the run's lower bound.
    public init(topic: String, runs: [TopicRun?], fusion: Fusion) throws(FusionError) {
        precondition(runs.count == fusion.runCount, "one entry per run of the fusion")
        var capacity = 0, byteCapacity = 0
        for run in runs {
            if let run {
                capacity += run.count
                byteCapacity += run.docnoBytes.count
            }
        }
        guard byteCapacity <= Int(UInt32.max) else {
            throw FusionError("topic '\(topic)': the runs' docnos together exceed 4 GiB, the most one topic can hold")
        }
        var union = DocnoUnion(capacity: capacity, byteCapacity: byteCapacity)
        var terms: [[Double]] = []
        var hits = [Int32](repeating: 0, count: capacity)
        // The run and document that brought each union entry in that run last (duplicates).
        var lastRun = [Int32](repeating: -1, count: capacity)
        var lastDocument = [Int32](repeating: -1, count: capacity)
        for (r, run) in runs.enumerated() {
            var runTerms = [Double](repeating: 0, count: capacity)
            guard let run else {
                terms.append(runTerms)
                continue
            }
            let values = try Self.terms(of: run, runIndex: r, fusion: fusion)
            var duplicate: (Int, Int)?
            run.docnoBytes.withUnsafeBytes { arena in
                run.docnoEnds.withUnsafeBufferPointer { ends in
                    for i in 0..<run.count {
                        let from = i == 0 ? 0 : Int(ends[i - 1])
                        let docno = UnsafeRawBufferPointer(rebasing: arena[from..<Int(ends[i])])
                        let d = union.index(of: docno).index
                        if lastRun[d] == Int32(r) {
                            duplicate = (Int(lastDocument[d]), i)
                            return
                        }
                        lastRun[d] = Int32(r)
                        lastDocument[d] = Int32(i)
                        runTerms[d] = values[i]
                        hits[d] += 1
                    }
                }
            }
            if let (first, second) = duplicate {
                throw FusionError("document '\(run.docno(second))' appears twice for topic '\(topic)' (also line \(run.line(of: first)))",
                                  run: r, line: run.line(of: second))
            }
            terms.append(runTerms)
        }
        let n = union.count
        self.topic = topic
        self.docnoBytes = union.bytes
        self.docnoEnds = union.ends
        self.terms = terms.map { Array($0.prefix(n)) }
        self.hits = Array(hits.prefix(n))
        self.present = runs.map { $0 != nil }
    }

    /// Run `run`'s term for each of its documents, in file order.
    private static func terms(of run: TopicRun, runIndex r: Int, fusion: Fusion) throws(FusionError) -> [Double] {
        if fusion.method == .rrf {
            var terms = [Double](repeating: 0, count: run.count)
            for (position, i) in run.rankOrder().enumerated() {
                terms[i] = 1 / (fusion.k + Double(position + 1))
            }
            return terms
        }
        let lowerBound = fusion.normalization == .tmm ? fusion.lowerBounds[r] : 0
        for i in 0..<run.count {
            let score = run.scores[i]
            guard score.isFinite else {
                throw FusionError("score \(score) cannot be fused by \(fusion.method.rawValue); expected a finite number",
                                  run: r, line: run.line(of: i))
            }
            if fusion.normalization == .tmm && score < lowerBound {
                throw FusionError("score \(score) of document '\(run.docno(i))' is below this run's lower bound \(lowerBound) (--lower); expected every score ≥ the bound",
                                  run: r, line: run.line(of: i))
            }
        }
        return run.scores.withUnsafeBufferPointer { fusion.normalization.normalize($0, lowerBound: lowerBound) }
    }
}

extension FusionPool {
    /// The fused scores of every document, in pool order: Σ_r w_r · term_r(d), added in
    /// run order, times the number of runs that retrieved d for CombMNZ.
    public func scores(by fusion: Fusion) -> [Double] {
        var scores = [Double](repeating: 0, count: count)
        for (r, runTerms) in terms.enumerated() where present[r] {
            let weight = fusion.weights[r]
            for d in 0..<count { scores[d] += weight * runTerms[d] }
        }
        if fusion.method == .combmnz {
            for d in 0..<count { scores[d] *= Double(hits[d]) }
        }
        return scores
    }

    /// The fused ranking: documents by fused score descending, ties by docno descending
    /// (trec_eval's order), cut at `fusion.depth`.
    public func fused(by fusion: Fusion) -> TopicRun {
        let scores = scores(by: fusion)
        let order = Self.rankOrder(scores: scores, docnoBytes: docnoBytes, docnoEnds: docnoEnds,
                                   keeping: fusion.depth)
        var result = TopicRun(topic: topic)
        docnoBytes.withUnsafeBytes { arena in
            for d in order {
                let from = d == 0 ? 0 : Int(docnoEnds[d - 1])
                result.append(docno: UnsafeRawBufferPointer(rebasing: arena[from..<Int(docnoEnds[d])]),
                              score: scores[d], line: 0)
            }
        }
        return result
    }

    /// The first `depth` indices in trec_eval's order. Scores sort as 64-bit keys that
    /// order as the doubles do (−0 and +0 as one), so the sort compares integers; only runs of
    /// equal scores compare docnos.
    static func rankOrder(scores: [Double], docnoBytes: ByteArena, docnoEnds: [UInt32], keeping depth: Int) -> [Int] {
        struct Entry {
            var key: UInt64
            var index: Int32
        }
        var entries = scores.enumerated().map { Entry(key: orderKey($0.element), index: Int32($0.offset)) }
        entries.sort { $0.key > $1.key }
        docnoBytes.withUnsafeBytes { arena in
            func docno(_ d: Int32) -> UnsafeRawBufferPointer {
                let d = Int(d)
                let from = d == 0 ? 0 : Int(docnoEnds[d - 1])
                return UnsafeRawBufferPointer(rebasing: arena[from..<Int(docnoEnds[d])])
            }
            var start = 0
            while start < entries.count && start < depth {
                var end = start + 1
                while end < entries.count && entries[end].key == entries[start].key { end += 1 }
                if end - start > 1 {
                    entries[start..<end].sort { compareBytes(docno($0.index), docno($1.index)) > 0 }
                }
                start = end
            }
        }
        return entries.prefix(depth).map { Int($0.index) }
    }

    /// A key whose unsigned order is the order of the doubles (NaN never occurs here).
    @inline(__always)
    static func orderKey(_ x: Double) -> UInt64 {
        let bits = (x + 0).bitPattern     // −0 + 0 is +0
        return bits >> 63 == 0 ? bits | (1 << 63) : ~bits
    }
}
