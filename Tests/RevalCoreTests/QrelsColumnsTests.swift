@testable import RevalCore
import Testing

/// `QrelsColumns` (how the TREC qrels reader gathers judgments) must give the `Qrels` that
/// adding the judgments one by one gives: topics in order of first appearance, a topic's
/// judgments in file order, a repeated docno keeping its first grade and recorded once.
@Suite("QrelsColumns")
struct QrelsColumnsTests {
    typealias Judgment = (topic: String, docno: String, grade: Int, line: Int)

    static func columns(_ judgments: [Judgment]) -> QrelsColumns {
        var columns = QrelsColumns()
        for j in judgments {
            var topic = j.topic, docno = j.docno
            topic.withUTF8 { topic in
                docno.withUTF8 { docno in
                    columns.add(topic: UnsafeRawBufferPointer(topic), docno: UnsafeRawBufferPointer(docno),
                                grade: j.grade, line: j.line)
                }
            }
        }
        return columns
    }

    @Test("by hand: a topic that comes back, a repeated docno, a negative grade", arguments: [1, 4])
    func byHand(threads: Int) throws {
        let judgments: [Judgment] = [
            ("301", "d1", 1, 1), ("301", "d2", 0, 2), ("302", "x", -1, 3),
            ("301", "d3", 2, 4), ("301", "d1", 3, 5), ("301", "d1", 0, 6),
        ]
        let qrels = Self.columns(judgments).qrels(source: "q.txt", threads: threads)
        #expect(qrels.source == "q.txt")
        #expect(qrels.topics.map(\.topic) == ["301", "302"])
        let first = try #require(qrels["301"])
        #expect(first.grades == [1, 0, 2])
        #expect(first.lines == [1, 2, 4])
        // The first repeat, with the line of the first judgment of d1.
        #expect(first.duplicate?.docno == "d1")
        #expect(first.duplicate?.firstLine == 1)
        #expect(first.duplicate?.line == 5)
        #expect(Array("d3".utf8).withUnsafeBytes { first.docs.find($0) } == 2)
        let second = try #require(qrels["302"])
        #expect(second.grades == [-1])
        #expect(second.duplicate == nil)
        #expect(qrels["303"] == nil)
    }

    @Test("random judgments: the same qrels as adding them one by one, on 1 to 4 threads")
    func sameAsAdding() throws {
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var judgments: [Judgment] = []
        for line in 1...5000 {
            // 40 topics, mostly together; docnos drawn from 100 per topic, so some repeat.
            let topic = line % 97 == 0 ? next() % 40 : line / 125
            judgments.append(("t\(topic)", "doc\(next() % 100)", next() % 4 - 1, line))
        }
        var added = Qrels(source: "q")
        for j in judgments { added.add(topic: j.topic, docno: j.docno, grade: j.grade, line: j.line) }
        for threads in 1...4 {
            let qrels = Self.columns(judgments).qrels(source: "q", threads: threads)
            #expect(qrels.topics.map(\.topic) == added.topics.map(\.topic))
            for (got, want) in zip(qrels.topics, added.topics) {
                #expect(got.grades == want.grades)
                #expect(got.lines == want.lines)
                #expect(got.duplicate?.docno == want.duplicate?.docno)
                #expect(got.duplicate?.line == want.duplicate?.line)
                #expect(got.docs.count == want.docs.count)
                #expect((0..<got.docs.count).allSatisfy { got.docs.key(at: $0) == want.docs.key(at: $0) })
            }
        }
    }
}
