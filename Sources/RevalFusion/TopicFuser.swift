import RevalCore

/// Fuses topic after topic into run lines, reusing its tables and arrays from one topic to
/// the next: what `FusionPool` and `FusedRunWriter` do for a topic, without allocating per
/// topic, for `reval fuse` on large runs. One fuser per thread (it is not thread-safe).
///
/// It writes exactly the lines `FusedRunWriter.append(pool, ranking: pool.ranking(by:), ...)`
/// writes for the topic, by the same steps: the union of the runs' docnos in an
/// open-addressing table (entries name a run and a document, the bytes stay in the runs),
/// each run's terms, the weighted sums in run order, each run's own documents already in
/// fused order and only the shared ones sorted, merged to the depth, ties by docno
/// descending. A topic it does not take on, a docno listed twice in one run or a score
/// the method refuses, goes through `FusionPool`, which gives its error (or its lines).
///
/// ```swift
/// let fuser = TopicFuser(fusion: try Fusion(method: .rrf, runCount: 2), tag: "fused")
/// let bytes = FusedBytes()
/// try fuser.fuse(topic: "1", runs: [bm25Topic, denseTopic], into: bytes)
/// ```
public final class TopicFuser {
    public let fusion: Fusion
    let tagBytes: [UInt8]

    /// The table: per slot the high 32 bits of the entry's hash and entry + 1 in the low
    /// 32 (0 for an empty slot), so that most docnos that differ are told apart in the slot
    /// itself; all empty between topics.
    private var slots = ScratchArray<UInt64>(capacity: 0)
    private var slotMask = -1
    /// Per entry (distinct docno): its hash, where its docno is (run << 32 | document), its
    /// slot, how many runs retrieved it, the last run that did, its fused score and key.
    private var entryHash = ScratchArray<UInt64>()
    var entrySource = ScratchArray<UInt64>()
    private var entrySlot = ScratchArray<Int32>()
    var hits = ScratchArray<Int32>()
    private var lastRun = ScratchArray<Int32>()
    var scores = ScratchArray<Double>()
    var keys = ScratchArray<UInt64>()
    /// Per run, each document's entry and term, in file order.
    var positions: [ScratchArray<Int32>]
    var terms: [ScratchArray<Double>]
    /// The lists merged: each run's own documents in fused order, then the shared ones.
    var lists = ScratchArray<Int32>()
    var merged = ScratchArray<RankEntry>()
    /// RRF's term at each rank, 1 / (k + rank), for the first `rrfTermCount` ranks.
    private var rrfTermTable = ScratchArray<Double>()
    private var rrfTermCount = 0
    /// The text of scores written before; RRF only, whose scores recur (`ScoreTextCache`).
    let scoreTexts: ScoreTextCache?

    public init(fusion: Fusion, tag: String) {
        self.fusion = fusion
        self.tagBytes = tag.rawBytes
        positions = (0..<fusion.runCount).map { _ in ScratchArray() }
        terms = (0..<fusion.runCount).map { _ in ScratchArray() }
        scoreTexts = fusion.method == .rrf ? ScoreTextCache() : nil
        growTable(toHold: 8)
    }

    deinit {
        slots.deallocate()
        for storage in [entrySlot.base, hits.base, lastRun.base] as [UnsafeMutablePointer<Int32>] {
            storage.deallocate()
        }
        entryHash.deallocate()
        entrySource.deallocate()
        scores.deallocate()
        keys.deallocate()
        lists.deallocate()
        merged.deallocate()
        rrfTermTable.deallocate()
        scoreTexts?.deallocate()
        for p in positions { p.deallocate() }
        for t in terms { t.deallocate() }
    }

    /// Appends the fused lines of one topic to `out`. `runs` has one entry per run of the
    /// fusion, nil where the run lacks the topic. Throws `FusionPool`'s errors.
    public func fuse(topic: String, runs: [TopicRun?], into out: FusedBytes) throws(FusionError) {
        precondition(runs.count == fusion.runCount, "one entry per run of the fusion")
        var documents = 0
        for run in runs { documents += run?.count ?? 0 }
        reserve(documents: documents)
        let written = DocnoStorage.with(runs) { storage in fastFuse(topic: topic, runs: runs, storage: storage, into: out) }
        guard !written else { return }
        let pool = try FusionPool(topic: topic, runs: runs, fusion: fusion)
        var bytes: [UInt8] = []
        FusedRunWriter.append(pool, ranking: pool.ranking(by: fusion), tag: String(rawBytes: tagBytes), to: &bytes)
        out.append(bytes)
    }

    private func reserve(documents n: Int) {
        if n * 2 > slotMask + 1 { growTable(toHold: n) }
        entryHash.reserve(n)
        entrySource.reserve(n)
        entrySlot.reserve(n)
        hits.reserve(n)
        lastRun.reserve(n)
        scores.reserve(n)
        keys.reserve(n)
        lists.reserve(n)
        merged.reserve(n)
    }

    private func growTable(toHold n: Int) {
        var size = 16
        while size < n * 2 { size <<= 1 }
        slots.deallocate()
        slots = ScratchArray(capacity: size)
        slots.base.initialize(repeating: 0, count: size)
        slotMask = size - 1
    }

    /// False, having written nothing, when `FusionPool` must take the topic on.
    private func fastFuse(topic: String, runs: [TopicRun?], storage: DocnoStorage, into out: FusedBytes) -> Bool {
        var entries = 0
        // The table is left empty whatever happens.
        defer {
            let slots = slots.base, entrySlot = entrySlot.base
            for e in 0..<entries { slots[Int(entrySlot[e])] = 0 }
        }
        // Per run, the order in which its term never rises: nil for file order.
        var orders: [[Int]?] = []
        orders.reserveCapacity(runs.count)
        for r in runs.indices {
            guard let run = runs[r] else {
                orders.append(nil)
                continue
            }
            positions[r].reserve(run.count)
            terms[r].reserve(run.count)
            guard let order = computeTerms(run, run: r) else { return false }
            orders.append(order)
            guard addToUnion(run: r, documents: run.count, storage: storage, entries: &entries) else { return false }
        }
        let merged = rank(runs: runs, orders: orders, entries: entries, storage: storage)
        writeLines(topic: topic, ranked: merged, storage: storage, into: out)
        return true
    }

    /// Writes run `r`'s terms; returns the order in which they never rise (nil: file
    /// order), or nil nil when a score is refused.
    private func computeTerms(_ run: TopicRun, run r: Int) -> [Int]?? {
        let out = terms[r].base
        if fusion.method == .rrf {
            let rankTerms = rrfTerms(upTo: run.count)
            let order = run.rankOrder()
            for (position, i) in order.enumerated() { out[i] = rankTerms[position] }
            return .some(order)
        }
        let tmm = fusion.normalization == .tmm
        let lowerBound = tmm ? fusion.lowerBounds[r] : 0
        return run.scores.withUnsafeBufferPointer { scores -> [Int]?? in
            var descending = true
            var previous = Double.infinity
            for s in scores {
                guard s.isFinite, !tmm || s >= lowerBound else { return nil }
                if s > previous { descending = false }
                previous = s
            }
            let order = descending ? nil : run.rankOrder()
            fusion.normalization.normalize(scores, lowerBound: lowerBound, descending: order, into: out)
            return .some(order)
        }
    }

    /// RRF's terms for ranks 1 through `n`, computed once for the largest topic seen.
    private func rrfTerms(upTo n: Int) -> UnsafeMutablePointer<Double> {
        if n > rrfTermCount {
            rrfTermTable.reserve(n)
            let k = fusion.k
            for position in 0..<n { rrfTermTable.base[position] = 1 / (k + Double(position + 1)) }
            rrfTermCount = n
        }
        return rrfTermTable.base
    }

    /// Adds run `r`'s documents to the union; false when the run lists a docno twice.
    @inline(__always)
    private func addToUnion(run r: Int, documents n: Int, storage: DocnoStorage, entries: inout Int) -> Bool {
        let slots = slots.base, mask = slotMask
        let entryHash = entryHash.base, entrySource = entrySource.base, entrySlot = entrySlot.base
        let hits = hits.base, lastRun = lastRun.base, positions = positions[r].base
        let run = Int32(r)
        var count = entries
        defer { entries = count }
        // The run's docnos one after the other, read straight from its arena.
        guard n > 0, let arena = storage.arenas[r].baseAddress, let ends = storage.ends[r].baseAddress else { return true }
        var from = 0
        for i in 0..<n {
            let to = Int(ends[i])
            let docno = UnsafeRawBufferPointer(start: arena + from, count: to - from)
            from = to
            let hash = ByteKeyTable.hash(docno)
            var slot = Int(truncatingIfNeeded: hash) & mask
            var entry = -1
            let tag = hash & 0xffff_ffff_0000_0000
            while true {
                let stored = slots[slot]
                if stored == 0 { break }
                if stored & 0xffff_ffff_0000_0000 == tag {
                    let candidate = Int(truncatingIfNeeded: stored & 0xffff_ffff) - 1
                    if entryHash[candidate] == hash, storage.docno(entrySource[candidate]).elementsEqualBytes(docno) {
                        entry = candidate
                        break
                    }
                }
                slot = (slot + 1) & mask
            }
            if entry < 0 {
                entry = count
                count += 1
                entryHash[entry] = hash
                entrySource[entry] = UInt64(r) << 32 | UInt64(i)
                entrySlot[entry] = Int32(slot)
                slots[slot] = tag | UInt64(count)
                hits[entry] = 1
            } else {
                if lastRun[entry] == run { return false }
                hits[entry] += 1
            }
            lastRun[entry] = run
            positions[i] = Int32(entry)
        }
        return true
    }
}
