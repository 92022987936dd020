extension TopicRun {
    /// Document indices in trec_eval's rank order for preferences (form_prefs_counts.c):
    /// score descending, then docno ASCENDING by bytes, the opposite of the qrels order.
    public func preferenceRankOrder() -> [Int] {
        var order = Array(0..<count)
        docnoBytes.withUnsafeBytes { arena in
            func docno(_ i: Int) -> UnsafeRawBufferPointer {
                UnsafeRawBufferPointer(rebasing: arena[docnoStart(i)..<Int(docnoEnds[i])])
            }
            order.sort { a, b in
                if scores[a] != scores[b] { return scores[a] > scores[b] }
                let c = compareBytes(docno(a), docno(b))
                return c != 0 ? c < 0 : a < b
            }
        }
        return order
    }
}

extension PreferenceCounts {
    /// The preferences of `judgments` set against the ranking of `run`, cut to the top
    /// `maxRetrieved` documents (-M). `withPairCounts` also fills `pairCounts`.
    ///
    /// Fails on a document retrieved twice (among those kept) and on preferences of one
    /// judgment group that cannot all hold, as trec_eval does when it evaluates the topic.
    public static func form(_ run: TopicRun, _ judgments: PreferenceTopic, maxRetrieved: Int? = nil,
                            withPairCounts: Bool = true) throws(EvaluationFailure) -> PreferenceCounts {
        var order = run.preferenceRankOrder()
        if let m = maxRetrieved, order.count > m { order.removeSubrange(max(m, 0)...) }

        // Ids: judged documents retrieved, in rank order, then the others by docno.
        var ids: [String: Int] = [:]
        for judgment in judgments.judgments { ids[judgment.docno] = -1 }
        var seen: [String: Int] = [:]
        var docnos: [String] = []
        for i in order {
            let docno = run.docno(i)
            if let first = seen.updateValue(i, forKey: docno) {
                let lines = [run.line(of: first), run.line(of: i)].sorted()
                throw .duplicateInRun(DuplicateDocument(topic: run.topic, docno: docno,
                                                        firstLine: lines[0], line: lines[1]))
            }
            if ids[docno] == -1 {
                ids[docno] = docnos.count
                docnos.append(docno)
            }
        }
        let judgedRetrieved = docnos.count
        for docno in ids.keys.filter({ ids[$0] == -1 }).sorted(by: byteOrderLess) {
            ids[docno] = docnos.count
            docnos.append(docno)
        }

        var former = GroupFormer(topic: run.topic, judgments: judgments.judgments, ids: ids, docnos: docnos,
                                 judgedRetrieved: judgedRetrieved, withPairCounts: withPairCounts)
        let groups = try former.formGroups()
        return PreferenceCounts(judged: docnos.count, judgedRetrieved: judgedRetrieved, groups: groups,
                                pairCounts: former.pairCounts)
    }
}

/// Builds the judgment groups of one topic, as form_prefs_counts.c does, once every
/// judged document has its id.
private struct GroupFormer {
    struct Entry {
        var group: Int
        var subgroup: Int
        var level: Double
        var id: Int
        var judgment: Int
    }

    let topic: String
    let judgments: [PreferenceJudgment]
    let docnos: [String]
    let judgedRetrieved: Int
    var pairCounts: PairCounts?
    /// Sorted by group, sub-group, level descending, id.
    private var entries: [Entry]

    init(topic: String, judgments: [PreferenceJudgment], ids: [String: Int], docnos: [String],
         judgedRetrieved: Int, withPairCounts: Bool) {
        self.topic = topic
        self.judgments = judgments
        self.docnos = docnos
        self.judgedRetrieved = judgedRetrieved
        pairCounts = withPairCounts ? PairCounts(size: docnos.count) : nil
        // Group and sub-group names by rank in byte order, so entries sort on integers.
        let groupRank = Self.ranks(judgments.map(\.group))
        let subgroupRank = Self.ranks(judgments.map(\.subgroup))
        entries = judgments.enumerated().map { k, j in
            Entry(group: groupRank[j.group]!, subgroup: subgroupRank[j.subgroup]!, level: j.level,
                  id: ids[j.docno]!, judgment: k)
        }
        entries.sort { a, b in
            if a.group != b.group { return a.group < b.group }
            if a.subgroup != b.subgroup { return a.subgroup < b.subgroup }
            if a.level != b.level { return a.level > b.level }
            if a.id != b.id { return a.id < b.id }
            return a.judgment < b.judgment
        }
    }

    private static func ranks(_ names: [String]) -> [String: Int] {
        var rank: [String: Int] = [:]
        for (k, name) in Set(names).sorted(by: byteOrderLess).enumerated() { rank[name] = k }
        return rank
    }

    mutating func formGroups() throws(EvaluationFailure) -> [PreferenceGroup] {
        var groups: [PreferenceGroup] = []
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].group == entries[start].group { end += 1 }
            let oneSubgroup = entries[end - 1].subgroup == entries[start].subgroup
            groups.append(oneSubgroup ? try classes(start..<end) : try partialOrder(start..<end))
            start = end
        }
        return groups
    }

    // MARK: One sub-group: equivalence classes

    private mutating func classes(_ range: Range<Int>) throws(EvaluationFailure) -> PreferenceGroup {
        var classes: [EquivalenceClass] = []
        var judgmentOfID: [Int: (judgment: Int, class: Int)] = [:]
        for e in entries[range] {
            if classes.last?.level != e.level { classes.append(EquivalenceClass(level: e.level, ids: [])) }
            classes[classes.count - 1].ids.append(e.id)
            if let other = judgmentOfID[e.id], other.class != classes.count - 1 {
                throw .inconsistentPreferences(.twoLevels(topic, judgments[other.judgment], judgments[e.judgment]))
            }
            judgmentOfID[e.id] = (e.judgment, classes.count - 1)
        }
        var group = PreferenceGroup(order: .classes(classes))
        let njr = judgedRetrieved
        for (a, c1) in classes.enumerated() {
            let retrieved = c1.ids.prefix { $0 < njr }.count
            if c1.level > 0 {
                group.relevantRetrieved += retrieved
                group.relevant += c1.ids.count
            } else {
                group.nonrelevantRetrieved += retrieved
                group.nonrelevant += c1.ids.count
            }
            for c2 in classes[(a + 1)...] {
                for p1 in c1.ids {
                    for p2 in c2.ids {
                        pairCounts?.increment(p1, p2)
                        if p1 < p2 {
                            if p2 < njr { group.fulfilledRetrieved += 1 }
                            else if p1 < njr { group.fulfilledImplied += 1 }
                            else { group.possibleNotRetrieved += 1 }
                        } else {
                            if p1 < njr { group.possibleRetrieved += 1 }
                            else if p2 < njr { group.possibleImplied += 1 }
                            else { group.possibleNotRetrieved += 1 }
                        }
                    }
                }
            }
        }
        group.possibleRetrieved += group.fulfilledRetrieved
        group.possibleImplied += group.fulfilledImplied
        return group
    }

    // MARK: Several sub-groups: a partial order

    private mutating func partialOrder(_ range: Range<Int>) throws(EvaluationFailure) -> PreferenceGroup {
        let n = docnos.count
        var levels = [Double](repeating: -1, count: n)
        var matrix = BitMatrix(size: n)
        for k in range {
            let e = entries[k]
            let earlier = levels[e.id]
            if (earlier > 0 && e.level == 0) || (earlier == 0 && e.level > 0) {
                throw .inconsistentPreferences(.zeroAndNonzero(topic, judgments[e.judgment], earlier: earlier))
            }
            levels[e.id] = e.level
            // Preferred to every later document of its sub-group with a lower level.
            var j = k + 1
            while j < range.upperBound && entries[j].subgroup == e.subgroup && entries[j].level == e.level { j += 1 }
            while j < range.upperBound && entries[j].subgroup == e.subgroup {
                matrix[e.id, entries[j].id] = true
                j += 1
            }
        }
        matrix.formTransitiveClosure()
        matrix.clearDiagonal()
        for i in 0..<n {
            for j in (i + 1)..<n where matrix[i, j] && matrix[j, i] {
                let line = entries[range].map { judgments[$0.judgment].line }.min() ?? 0
                throw .inconsistentPreferences(.contradiction(topic, group: judgments[entries[range.lowerBound].judgment].group,
                                                              line: line, docnos[i], docnos[j]))
            }
        }

        var group = PreferenceGroup(order: .partial(matrix, levels: levels))
        let njr = judgedRetrieved
        for i in 0..<n {
            if levels[i] > 0 {
                group.relevant += 1
                if i < njr { group.relevantRetrieved += 1 }
            } else if levels[i] == 0 {
                group.nonrelevant += 1
                if i < njr { group.nonrelevantRetrieved += 1 }
            }
        }
        for i in 0..<n {
            for j in 0..<n where matrix[i, j] {
                pairCounts?.increment(i, j)
                switch (i < njr, j < njr) {
                case (true, true): if j > i { group.fulfilledRetrieved += 1 } else { group.possibleRetrieved += 1 }
                case (true, false): group.fulfilledImplied += 1
                case (false, true): group.possibleImplied += 1
                case (false, false): group.possibleNotRetrieved += 1
                }
            }
        }
        group.possibleRetrieved += group.fulfilledRetrieved
        group.possibleImplied += group.fulfilledImplied
        return group
    }
}
