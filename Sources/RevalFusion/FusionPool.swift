import RevalCore

/// One topic ready to be fused: the union of the documents the runs retrieved for it, and
/// each run's term for each of its documents, before weighting — its normalised score, or
/// for RRF 1 / (k + rank) with rank as trec_eval ranks the run (score descending, then docno
/// descending by bytes). A run without a document adds nothing for it (and is not counted
/// by CombMNZ).
///
/// Building the pool does the per-run work once; `ranking(by:)` then costs one weighted sum
/// and one sort per setting of the weights, which is what weight tuning repeats.
///
/// ```swift
/// let fusion = try Fusion(method: .rrf, runCount: 2)
/// let pool = try FusionPool(topic: "1", runs: [bm25Topic, denseTopic], fusion: fusion)
/// let fused = pool.fused(by: fusion)     // a TopicRun in rank order, at most 1000 documents
/// ```
public struct FusionPool: Sendable {
    public let topic: String
    /// The runs' documents for the topic (nil where a run lacks it); docnos are read from here.
    let runs: [TopicRun?]
    /// Per run, the pool index of each of its documents, in file order.
    private let positions: [[Int32]]
    /// Per run, the term of each of its documents, in file order.
    private let terms: [[Double]]
    /// Per pool document, run << 32 | document: where its docno is.
    let sources: [UInt64]
    /// Per pool document, how many runs retrieved it.
    private let hits: [Int32]
    /// Per run, the documents only that run retrieved, in an order in which the run's term
    /// never rises; every method's fused score is a non-decreasing function of the term for
    /// them (weights are ≥ 0), so each list is already in fused order.
    private let singles: [[Int32]]
    /// The documents several runs retrieved.
    private let shared: [Int32]

    /// The bytes of every run's docnos for the topic, together.
    var docnoByteCount: Int { runs.reduce(0) { $0 + ($1?.docnoBytes.count ?? 0) } }

    /// The number of distinct documents.
    public var count: Int { sources.count }

    /// Which runs have the topic at all.
    public var present: [Bool] { runs.map { $0 != nil } }

    /// Pools one topic. `runs` has one entry per run of `fusion`, nil where the run lacks
    /// the topic. Throws for a document listed twice in one run, and, for the score methods,
    /// a score that is not finite or (with `tmm`) below the run's lower bound.
    public init(topic: String, runs: [TopicRun?], fusion: Fusion) throws(FusionError) {
        precondition(runs.count == fusion.runCount, "one entry per run of the fusion")
        var terms: [[Double]] = []
        var descending: [[Int]] = []
        for (r, run) in runs.enumerated() {
            guard let run else {
                terms.append([])
                descending.append([])
                continue
            }
            let (runTerms, order) = try Self.terms(of: run, runIndex: r, fusion: fusion)
            terms.append(runTerms)
            descending.append(order)
        }
        let capacity = runs.reduce(0) { $0 + ($1?.count ?? 0) }
        var union = DocnoUnion(capacity: capacity)
        var positions: [[Int32]] = []
        var duplicate: (run: Int, first: Int, second: Int)?
        DocnoStorage.with(runs) { storage in
            for (r, run) in runs.enumerated() {
                guard let run, duplicate == nil else {
                    positions.append([])
                    continue
                }
                positions.append([Int32](unsafeUninitializedCapacity: run.count) { buffer, initialized in
                    if let (first, second) = union.add(run: r, documents: run.count, storage: storage, positions: buffer) {
                        duplicate = (r, first, second)
                        buffer.initialize(repeating: 0)
                    }
                    initialized = run.count
                })
            }
        }
        if let (r, first, second) = duplicate, let run = runs[r] {
            throw FusionError("document '\(run.docno(second))' appears twice for topic '\(topic)' (also line \(run.line(of: first)))",
                              run: r, line: run.line(of: second), exitCode: 4)
        }
        let (sources, hits) = union.finished()
        var singles: [[Int32]] = []
        for r in runs.indices {
            singles.append(descending[r].compactMap { i in
                let d = positions[r][i]
                return hits[Int(d)] == 1 ? d : nil
            })
        }
        self.topic = topic
        self.runs = runs
        self.positions = positions
        self.terms = terms
        self.sources = sources
        self.hits = hits
        self.singles = singles
        self.shared = hits.indices.compactMap { hits[$0] > 1 ? Int32($0) : nil }
    }

    /// Run `run`'s term for each of its documents, in file order, and an order of its
    /// documents in which the term never rises: its rank order for RRF; for the score methods
    /// file order when the scores never rise in the file (the usual case), else its rank order.
    /// Every normalisation is a non-decreasing function of the score.
    private static func terms(of run: TopicRun, runIndex r: Int,
                              fusion: Fusion) throws(FusionError) -> (terms: [Double], order: [Int]) {
        if fusion.method == .rrf {
            var terms = [Double](repeating: 0, count: run.count)
            let order = run.rankOrder()
            for (position, i) in order.enumerated() {
                terms[i] = 1 / (fusion.k + Double(position + 1))
            }
            return (terms, order)
        }
        let lowerBound = fusion.normalization == .tmm ? fusion.lowerBounds[r] : 0
        var descending = true
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
            if i > 0 && score > run.scores[i - 1] { descending = false }
        }
        let order = descending ? Array(0..<run.count) : run.rankOrder()
        let terms = run.scores.withUnsafeBufferPointer {
            fusion.normalization.normalize($0, lowerBound: lowerBound, descending: order)
        }
        return (terms, order)
    }
}

extension FusionPool {
    /// The fused scores of every document, in pool order: Σ_r w_r · term_r(d) over the runs
    /// that retrieved d, added in run order, times their number for CombMNZ.
    public func scores(by fusion: Fusion) -> [Double] {
        var scores = [Double](repeating: 0, count: count)
        scores.withUnsafeMutableBufferPointer { scores in
            for r in 0..<runs.count where runs[r] != nil {
                let weight = fusion.weights[r]
                terms[r].withUnsafeBufferPointer { terms in
                    positions[r].withUnsafeBufferPointer { positions in
                        for i in 0..<terms.count { scores[Int(positions[i])] += weight * terms[i] }
                    }
                }
            }
            if fusion.method == .combmnz {
                for d in 0..<scores.count { scores[d] *= Double(hits[d]) }
            }
        }
        return scores
    }

    /// The fused ranking: documents by fused score descending, ties by docno descending
    /// (trec_eval's order), cut at `fusion.depth`.
    public func ranking(by fusion: Fusion) -> FusedRanking {
        let scores = scores(by: fusion)
        let order = DocnoStorage.with(runs) { storage in
            sources.withUnsafeBufferPointer { sources in
                rankOrder(scores: scores, keeping: fusion.depth) { storage.docno(sources[Int($0)]) }
            }
        }
        return FusedRanking(order: order, scores: scores)
    }

    /// The fused ranking as a topic of a run, documents in rank order.
    public func fused(by fusion: Fusion) -> TopicRun {
        let ranking = ranking(by: fusion)
        var result = TopicRun(topic: topic)
        DocnoStorage.with(runs) { storage in
            for d in ranking.order.lazy.map({ Int($0) }) {
                result.append(docno: storage.docno(sources[d]), score: ranking.scores[d], line: 0)
            }
        }
        return result
    }

    /// The first `depth` documents in trec_eval's order. Scores compare as 64-bit keys that
    /// order as the doubles do (−0 and +0 as one). Only the documents several runs share
    /// are sorted; each run's own documents are already in order (`singles`), and the lists
    /// are merged, as far as the depth-th key. Runs of equal keys are then put in docno
    /// order, descending.
    private func rankOrder(scores: [Double], keeping depth: Int,
                           docno: (Int32) -> UnsafeRawBufferPointer) -> [Int32] {
        let keys = scores.map(Self.orderKey)
        var lists = singles
        lists.append(shared.sorted { keys[Int($0)] > keys[Int($1)] })
        var heads = [Int](repeating: 0, count: lists.count)
        var merged: [RankEntry] = []
        merged.reserveCapacity(min(depth, count))
        while true {
            var best = -1
            var bestKey: UInt64 = 0
            for j in lists.indices where heads[j] < lists[j].count {
                let key = keys[Int(lists[j][heads[j]])]
                if best < 0 || key > bestKey {
                    best = j
                    bestKey = key
                }
            }
            // Past the depth only documents tied with the last one kept can still count.
            if best < 0 || (merged.count >= depth && bestKey < merged[depth - 1].key) { break }
            merged.append(RankEntry(key: bestKey, index: lists[best][heads[best]]))
            heads[best] += 1
        }
        merged.withUnsafeMutableBufferPointer { merged in
            var start = 0
            while start < merged.count && start < depth {
                var end = start + 1
                while end < merged.count && merged[end].key == merged[start].key { end += 1 }
                if end - start > 1 { Self.sortByDocnoDescending(merged, start..<end, docno: docno) }
                start = end
            }
        }
        return merged.prefix(depth).map(\.index)
    }

    /// Sorts `entries[range]` (entries with equal keys) by docno, descending: insertion sort
    /// for the few that tie in most rankings, the library sort beyond.
    static func sortByDocnoDescending(_ entries: UnsafeMutableBufferPointer<RankEntry>, _ range: Range<Int>,
                                              docno: (Int32) -> UnsafeRawBufferPointer) {
        guard range.count <= 8 else {
            var slice = UnsafeMutableBufferPointer(rebasing: entries[range])
            slice.sort { compareBytes(docno($0.index), docno($1.index)) > 0 }
            return
        }
        for i in (range.lowerBound + 1)..<range.upperBound {
            let entry = entries[i]
            let bytes = docno(entry.index)
            var j = i
            while j > range.lowerBound && compareBytes(docno(entries[j - 1].index), bytes) < 0 {
                entries[j] = entries[j - 1]
                j -= 1
            }
            entries[j] = entry
        }
    }

    /// A key whose unsigned order is the order of the doubles (NaN never occurs here).
    @inline(__always)
    static func orderKey(_ x: Double) -> UInt64 {
        let bits = (x + 0).bitPattern     // −0 + 0 is +0
        return bits >> 63 == 0 ? bits | (1 << 63) : ~bits
    }
}

/// A fused topic: each document's fused score (pool order) and the documents kept, in
/// rank order (pool indices).
public struct FusedRanking: Sendable {
    public var order: [Int32]
    public var scores: [Double]
}

/// A document of a fused ranking: its score as an order-preserving key, its pool index.
struct RankEntry {
    var key: UInt64
    var index: Int32
}
