import RevalCore

extension TopicFuser {
    /// The documents kept, in rank order (as `FusionPool.ranking(by:)` ranks them): fused
    /// scores summed in run order, each run's own documents (already in fused order)
    /// merged with the shared ones (sorted), to the depth and past it while tied, then each
    /// run of equal scores in docno order, descending.
    func rank(runs: [TopicRun?], orders: [[Int]?], entries: Int,
              storage: DocnoStorage) -> UnsafeMutableBufferPointer<RankEntry> {
        let scores = scores.base, keys = keys.base, hits = hits.base, lists = lists.base, sources = entrySource.base
        // The first run present brought entries 0, 1, … in its file order (a run lists a
        // docno once), so its terms start the sums without a pass of zeros under them.
        var firstRun = true
        for r in runs.indices {
            guard let run = runs[r] else { continue }
            let weight = fusion.weights[r], positions = positions[r].base, terms = terms[r].base
            if firstRun {
                // `0 +` turns a −0 term into +0, as adding it to a zero did.
                for i in 0..<run.count { scores[i] = 0 + weight * terms[i] }
                for e in run.count..<max(run.count, entries) { scores[e] = 0 }
            } else {
                for i in 0..<run.count { scores[Int(positions[i])] += weight * terms[i] }
            }
            firstRun = false
        }
        if fusion.method == .combmnz {
            for e in 0..<entries { scores[e] *= Double(hits[e]) }
        }
        for e in 0..<entries { keys[e] = FusionPool.orderKey(scores[e]) }

        // The lists, one after the other in `lists`: list j is starts[j] ..< starts[j + 1].
        var starts: [Int] = [0]
        starts.reserveCapacity(runs.count + 2)
        var n = 0
        for r in runs.indices {
            if let run = runs[r] {
                let positions = positions[r].base
                @inline(__always) func take(_ i: Int) {
                    let e = positions[i]
                    if hits[Int(e)] == 1 {
                        lists[n] = e
                        n += 1
                    }
                }
                if let order = orders[r] {
                    for i in order { take(i) }
                } else {
                    for i in 0..<run.count { take(i) }
                }
            }
            starts.append(n)
        }
        let sharedStart = n
        for e in 0..<entries where hits[e] > 1 {
            lists[n] = Int32(e)
            n += 1
        }
        starts.append(n)
        var shared = UnsafeMutableBufferPointer(start: lists + sharedStart, count: n - sharedStart)
        if shared.count > 1 { shared.sort { keys[Int($0)] > keys[Int($1)] } }

        let merged = merged.base, depth = fusion.depth
        // Each list's next document and its key, 0 once the list is done: every key is above
        // 0 (`orderKey` gives 0 only for the NaN whose bits are all ones, which arithmetic
        // never produces), so the first list with the greatest key is the one `FusionPool`
        // takes.
        let listCount = starts.count - 1
        var heads = Array(starts.dropLast())
        var headKeys = (0..<listCount).map { j in starts[j] < starts[j + 1] ? keys[Int(lists[starts[j]])] : 0 }
        var count = 0
        heads.withUnsafeMutableBufferPointer { heads in
            headKeys.withUnsafeMutableBufferPointer { headKeys in
                starts.withUnsafeBufferPointer { starts in
                    while true {
                        var best = 0
                        var bestKey = headKeys[0]
                        for j in 1..<listCount where headKeys[j] > bestKey {
                            best = j
                            bestKey = headKeys[j]
                        }
                        // Past the depth only documents tied with the last one kept can still count.
                        if bestKey == 0 || (count >= depth && bestKey < merged[depth - 1].key) { break }
                        let head = heads[best]
                        merged[count] = RankEntry(key: bestKey, index: lists[head])
                        count += 1
                        heads[best] = head + 1
                        headKeys[best] = head + 1 < starts[best + 1] ? keys[Int(lists[head + 1])] : 0
                    }
                }
            }
        }
        let ranked = UnsafeMutableBufferPointer(start: merged, count: count)
        var start = 0
        while start < count && start < depth {
            var end = start + 1
            while end < count && merged[end].key == merged[start].key { end += 1 }
            if end - start == 2 {
                // Two tied (common under RRF: rank r of one run and rank r of another).
                let first = merged[start], second = merged[start + 1]
                if compareBytes(storage.docno(sources[Int(first.index)]), storage.docno(sources[Int(second.index)])) < 0 {
                    merged[start] = second
                    merged[start + 1] = first
                }
            } else if end - start > 2 {
                FusionPool.sortByDocnoDescending(ranked, start..<end) { storage.docno(sources[Int($0)]) }
            }
            start = end
        }
        return UnsafeMutableBufferPointer(start: merged, count: min(count, depth))
    }

    /// Appends the lines of the ranked documents to `out`.
    func writeLines(topic: String, ranked: UnsafeMutableBufferPointer<RankEntry>,
                    storage: DocnoStorage, into out: FusedBytes) {
        var docnoBytes = 0
        for arena in storage.arenas { docnoBytes += arena.count }
        let topicBytes = topic.rawBytes
        let bound = docnoBytes + ranked.count * FusedRunWriter.lineBound(topic: topicBytes.count, tag: tagBytes.count)
        let at = out.reserve(bound)
        let scores = scores.base, sources = entrySource.base
        let (prefix, suffix) = FusedRunWriter.lineEnds(topic: topicBytes, tag: tagBytes)
        let written = prefix.withUnsafeBytes { prefix in
            suffix.withUnsafeBytes { suffix in
                let docno = { (i: Int) in storage.docno(sources[Int(ranked[i].index)]) }
                let score = { (i: Int) in scores[Int(ranked[i].index)] }
                if let scoreTexts {
                    return FusedRunWriter.writeLines(at: at, prefix: prefix, suffix: suffix, count: ranked.count,
                                                     docno: docno, score: score, scoreText: { scoreTexts.write($0, to: $1) })
                }
                return FusedRunWriter.writeLines(at: at, prefix: prefix, suffix: suffix, count: ranked.count,
                                                 docno: docno, score: score)
            }
        }
        out.didWrite(written)
    }
}
