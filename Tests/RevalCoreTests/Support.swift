import Testing
import RevalCore

// Helpers shared by the RevalCore tests. Inputs are built only through the public API
// (Qrels.add, Run.append, TopicRun.judged, MeasureCatalog, Evaluator).

/// Judgments of one topic as (docno, grade) pairs.
typealias Judgments = [(docno: String, grade: Int)]

/// Qrels holding `judgments` for `topic`, one line number per judgment (1, 2, ...).
func makeQrels(topic: String = "t", _ judgments: Judgments) -> Qrels {
    var q = Qrels()
    for (i, j) in judgments.enumerated() {
        q.add(topic: topic, docno: j.docno, grade: j.grade, line: i + 1)
    }
    return q
}

/// A run that ranks `docs` in the order given: the first gets score n, the last score 1.
func makeRun(topic: String = "t", ranked docs: [String]) -> Run {
    var run = Run()
    for (i, doc) in docs.enumerated() {
        run.append(topic: topic, docno: doc, score: Double(docs.count - i), line: i + 1)
    }
    return run
}

/// The judged ranking of `docs` (in rank order) against `judgments`.
func judge(_ docs: [String], _ judgments: Judgments,
           options: RankingOptions = RankingOptions()) throws -> JudgedRanking {
    let q = makeQrels(judgments)
    let run = makeRun(ranked: docs)
    return try #require(run["t"]).judged(by: try #require(q["t"]), options: options)
}

/// The values of measure `name` (with `parameters`, nil for the defaults) on `ranking`.
func values(_ name: String, _ parameters: String?, _ ranking: JudgedRanking,
            _ context: EvalContext = EvalContext()) throws -> [Double] {
    try MeasureCatalog.make(name, parameters: parameters).evaluate(ranking, context)
}

/// The values of measure `name` with its default parameters.
func values(_ name: String, _ ranking: JudgedRanking, _ context: EvalContext = EvalContext()) throws -> [Double] {
    try values(name, nil, ranking, context)
}

/// The single value of a measure with one value.
func value(_ name: String, _ parameters: String?, _ ranking: JudgedRanking,
           _ context: EvalContext = EvalContext()) throws -> Double {
    let v = try values(name, parameters, ranking, context)
    try #require(v.count == 1)
    return v[0]
}

/// The single value of a measure with one value, default parameters.
func value(_ name: String, _ ranking: JudgedRanking, _ context: EvalContext = EvalContext()) throws -> Double {
    try value(name, nil, ranking, context)
}

/// Expects `actual` within `tolerance` of `expected` (for arithmetic that is not exact).
func expectClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-12,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(actual - expected) <= tolerance,
            "\(actual) is not within \(tolerance) of \(expected)", sourceLocation: sourceLocation)
}

func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-12,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        expectClose(a, e, tolerance: tolerance, sourceLocation: sourceLocation)
    }
}

/// The hand-made ranking most measure tests use (topic "t").
///
/// ```text
/// rank  docno  qrels grade   judged rel
///  1    d1     1             1   relevant
///  2    d2     0             0
///  3    d3     2             2   relevant
///  4    x1     (absent)      -1  not in the pool
///  5    d4     0             0
///  6    d5     1             1   relevant
///  7    d6     0             0
///  8    d7     -1            -2  pooled, unjudged
///  9    d8     0             0
/// 10    d9     0             0
/// not retrieved: u1 (2), u2 (1), n1 (0)
/// ```
///
/// At the default level 1: R = 5 (d1 d3 d5 u1 u2), num_ret = 10, num_rel_ret = 3
/// (ranks 1, 3, 6). Judged grades: 0 x6 (d2 d4 d6 d8 d9 n1), 1 x3 (d1 d5 u2),
/// 2 x2 (d3 u1).
enum Sample {
    static let ranked = ["d1", "d2", "d3", "x1", "d4", "d5", "d6", "d7", "d8", "d9"]
    static let judgments: Judgments = [
        ("d1", 1), ("d2", 0), ("d3", 2), ("d4", 0), ("d5", 1), ("d6", 0), ("d7", -1),
        ("d8", 0), ("d9", 0), ("u1", 2), ("u2", 1), ("n1", 0),
    ]

    static func ranking(_ options: RankingOptions = RankingOptions()) throws -> JudgedRanking {
        try judge(ranked, judgments, options: options)
    }
}

/// A second ranking with binary grades (topic "t"), R = 4, for the recall family.
///
/// ```text
/// rank  1  2  3  4  5  6  7  8      not retrieved: r4 (1)
/// rel   1  0  1  0  0  0  1  0
/// ```
/// Relevant at ranks 1, 3, 7: precision there 1/1, 2/3, 3/7.
enum Binary {
    static let ranked = ["r1", "n1", "r2", "n2", "n3", "n4", "r3", "n5"]
    static let judgments: Judgments = [
        ("r1", 1), ("r2", 1), ("r3", 1), ("r4", 1),
        ("n1", 0), ("n2", 0), ("n3", 0), ("n4", 0), ("n5", 0),
    ]

    static func ranking(_ options: RankingOptions = RankingOptions()) throws -> JudgedRanking {
        try judge(ranked, judgments, options: options)
    }
}

/// Builds qrels and a run over several topics: per topic, the documents in rank order
/// and the judgments (a ranked document missing from them is not in the qrels).
struct MultiTopic {
    var qrels = Qrels()
    var run = Run()
    private var line = 0

    /// Adds `topic` with `ranked` documents (scores n ... 1) and the judgments.
    mutating func add(_ topic: String, ranked: [String], judgments: Judgments) {
        for j in judgments {
            line += 1
            qrels.add(topic: topic, docno: j.docno, grade: j.grade, line: line)
        }
        for (i, doc) in ranked.enumerated() {
            line += 1
            run.append(topic: topic, docno: doc, score: Double(ranked.count - i), line: line)
        }
    }

    /// Adds judgments for `topic` without any run lines.
    mutating func addQrelsOnly(_ topic: String, judgments: Judgments) {
        for j in judgments {
            line += 1
            qrels.add(topic: topic, docno: j.docno, grade: j.grade, line: line)
        }
    }
}

/// Summary values of the measure called `name` in `evaluation`.
func summary(_ evaluation: Evaluation, _ name: String) throws -> [Double] {
    let m = try #require(evaluation.measures.firstIndex { $0.name == name })
    return evaluation.summary[m]
}

/// Per-topic values of the measure called `name` for `topic`.
func topicValues(_ evaluation: Evaluation, _ topic: String, _ name: String) throws -> [Double] {
    let m = try #require(evaluation.measures.firstIndex { $0.name == name })
    let t = try #require(evaluation.topics.first { $0.topic == topic })
    return t.values[m]
}
