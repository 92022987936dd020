import RevalCore

/// Reads MS MARCO's run format: `qid<TAB>pid<TAB>rank` per line, no score and no tag.
///
/// The rank column decides the order. Each document gets the score −rank, so that
/// ranking by score (with trec_eval's tie rule, which only matters for equal ranks)
/// gives the file's rank order. The run tag is `msmarco`.
///
/// ```swift
/// let run = try MSMarcoRunReader.read(path: "run.dev.small.tsv")
/// ```
public enum MSMarcoRunReader {
    public static func read(path: String, source: (any ByteSource)? = nil) throws(InputError) -> Run {
        var input: any ByteSource
        if let source { input = source } else { input = try openInput(path) }
        var lines = LineReader(input)
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
                throw InputError(file: path, line: number, message: "rank '\(fields[2].text)' is not an integer")
            }
            if topicIndex < 0 || !fields[0].elementsEqual(lastTopicBytes) {
                lastTopicBytes = Array(fields[0])
                topicIndex = run.topicIndex(fields[0].text)
            }
            run.append(topicIndex: topicIndex, docno: fields[1], score: -Double(rank), line: number)
        }
        guard !run.topics.isEmpty else {
            throw InputError(file: path, message: "no results: the file is empty or holds only comments")
        }
        return run
    }
}
