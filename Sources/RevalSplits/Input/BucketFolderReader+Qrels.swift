import RevalCore
import RevalFormats

extension BucketFolderReader.Result {
    /// Checks that every side judges its topics exactly as `full` does, so that a side's
    /// values taken from an evaluation over `full` are the values over the side's own file.
    public func checkJudgments(against full: Qrels) throws(InputError) {
        for side in sides {
            for topic in side.qrels.topics {
                guard let reference = full[topic.topic] else {
                    throw InputError(file: side.path, line: topic.lines.first,
                                     message: "topic '\(topic.topic)' is not in the full qrels \(full.source); "
                                         + "expected the bucket files to judge only topics of the full qrels")
                }
                if let difference = JudgmentComparison.firstDifference(topic, reference) {
                    throw InputError(file: side.path, line: difference.line,
                                     message: "topic '\(topic.topic)': \(difference.what) in the full qrels \(full.source); "
                                         + "expected the bucket files to repeat the full qrels' judgments")
                }
            }
        }
    }

    /// Every side's judgments in one qrels (ReSTTest's sides partition the judged topics,
    /// so this is the full qrels), checking that a topic judged in several buckets is judged
    /// the same in each.
    public func unionQrels() throws(InputError) -> Qrels {
        var union = Qrels(source: split.source)
        var origin: [String: (path: String, topic: QrelsTopic)] = [:]
        for side in sides {
            for topic in side.qrels.topics {
                if let first = origin[topic.topic] {
                    if let difference = JudgmentComparison.firstDifference(topic, first.topic) {
                        throw InputError(file: side.path, line: difference.line,
                                         message: "topic '\(topic.topic)': \(difference.what) in \(first.path); "
                                             + "expected every bucket to judge a topic alike")
                    }
                    continue
                }
                origin[topic.topic] = (side.path, topic)
                for entry in 0..<topic.docs.count {
                    let k = topic.docs.values[entry]
                    let docno = Array(topic.docs.key(at: entry))
                    docno.withUnsafeBytes { union.add(topic: topic.topic, docno: $0, grade: topic.grades[k], line: topic.lines[k]) }
                }
            }
        }
        return union
    }
}

/// Whether two topics' judgments are the same documents with the same grades.
enum JudgmentComparison {
    struct Difference {
        /// The line of `a` that differs (or its first line).
        var line: Int?
        var what: String
    }

    static func firstDifference(_ a: QrelsTopic, _ b: QrelsTopic) -> Difference? {
        for entry in 0..<a.docs.count {
            let k = a.docs.values[entry]
            let docno = Array(a.docs.key(at: entry))
            let other = docno.withUnsafeBytes { b.docs.find($0) }
            let name = String(rawBytes: docno)
            guard let other else {
                return Difference(line: a.lines[k], what: "document '\(name)' is judged here but not")
            }
            if b.grades[other] != a.grades[k] {
                return Difference(line: a.lines[k], what: "document '\(name)' has grade \(a.grades[k]) here but \(b.grades[other])")
            }
        }
        if b.docs.count != a.docs.count {
            return Difference(line: a.lines.first,
                              what: "\(a.docs.count) documents are judged here but \(b.docs.count)")
        }
        return nil
    }
}
