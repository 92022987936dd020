import RevalCore

/// Reads MS MARCO's run format: `qid<TAB>pid<TAB>rank` per line, no score and no tag.
///
/// The rank column decides the order. Each document gets the score −rank, so that
/// ranking by score gives the file's rank order. The run tag is `msmarco`.
///
/// Within each query the ranks must be 1, 2, …, n, each once (the lines may come in any
/// order). Anything else is an error naming the first line that breaks the rule: a
/// three-column file whose third column is a score (quantised impact scores are
/// integers too) would otherwise be read with its ranking reversed.
///
/// ```swift
/// let run = try MSMarcoRunReader.read(path: "run.dev.small.tsv")
/// ```
public enum MSMarcoRunReader {
    public static func read(path: String, source: (any ByteSource)? = nil,
                            limits: TopicLimits = .standard) throws(InputError) -> Run {
        var input: any ByteSource
        if let source { input = source } else { input = try openInput(path) }
        var lines = LineReader(input, name: path)
        var run = Run(source: path)
        run.tag = "msmarco"
        var fields: [UnsafeRawBufferPointer] = []
        var lastTopicBytes: [UInt8] = []
        var topicIndex = -1
        try lines.forEachLine { line, number throws(InputError) in
            guard let first = FieldSplitter.firstVisibleByte(line), first != UInt8(ascii: "#") else { return }
            let count = FieldSplitter.split(line, limit: 3, into: &fields)
            guard count == 3 else {
                throw InputError(file: path, line: number, message: "expected 3 fields 'qid pid rank', found \(count)")
            }
            guard let rank = NumberParsing.integer(fields[2]) else {
                throw InputError(file: path, line: number, message: "rank '\(fields[2].excerpt)' is not an integer")
            }
            if topicIndex < 0 || !fields[0].elementsEqual(lastTopicBytes) {
                lastTopicBytes = Array(fields[0])
                topicIndex = run.topicIndex(fields[0].text)
            }
            guard run.topics[topicIndex].canAdd(documents: 1, docnoBytes: fields[1].count, within: limits) else {
                throw .topicTooLarge(file: path, line: number, topic: run.topics[topicIndex].topic, limits: limits)
            }
            run.append(topicIndex: topicIndex, docno: fields[1], score: -Double(rank), line: number)
        }
        guard !run.topics.isEmpty else {
            throw InputError(file: path, message: "no results: the file is empty or holds only comments")
        }
        if let error = firstRankError(run, file: path) { throw error }
        return run
    }

    /// The error for the earliest line, over all queries, whose rank is outside 1…n for
    /// its query (n its number of lines) or repeats an earlier line's rank.
    static func firstRankError(_ run: Run, file: String) -> InputError? {
        var worst: (line: Int, message: String)?
        for topic in run.topics {
            let n = topic.count
            var lineOfRank = [Int](repeating: 0, count: n + 1)
            for i in 0..<n {
                let line = topic.line(of: i)
                if let worst, worst.line <= line { break }
                let rank = -topic.scores[i]
                let rankText = Int(exactly: rank).map(String.init) ?? "\(rank)"
                var problem: String?
                if !(rank >= 1 && rank <= Double(n)) {
                    problem = "rank \(rankText) is not one of 1..\(n) for query '\(topic.topic.excerpt)' (its \(n) line\(n == 1 ? "" : "s"))"
                } else if lineOfRank[Int(rank)] != 0 {
                    problem = "rank \(rankText) appears twice for query '\(topic.topic.excerpt)' (also line \(lineOfRank[Int(rank)]))"
                } else {
                    lineOfRank[Int(rank)] = line
                }
                if let problem { worst = (line, problem) }
            }
        }
        guard let worst else { return nil }
        return InputError(file: file, line: worst.line, message: worst.message
            + "; expected ranks 1..n within each query (MS MARCO's 'qid<TAB>pid<TAB>rank'). If the third column is a score, "
            + "write the run in TREC form ('qid Q0 pid rank score tag', read with --run-format trec) or as BEIR results JSON")
    }
}
