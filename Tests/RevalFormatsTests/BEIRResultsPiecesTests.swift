import Testing
import RevalCore
import RevalFormats

/// A source that hands over `bytes`, then fails.
private struct FailingAfterSource: ByteSource {
    let bytes: [UInt8]
    var offset = 0

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let n = min(buffer.count, bytes.count - offset)
        if n == 0 { throw InputError(file: "r.json", message: "read failed") }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        offset += n
        return n
    }
}

/// One document of a BEIR run as the tests expect it: docno, score, line.
struct BEIRDoc: Equatable, CustomStringConvertible {
    var docno: String
    var score: Double
    var line: Int
    var description: String { "\(docno)=\(score)@\(line)" }
}

@Suite("BEIR results JSON read in batches and pieces: the same run and errors for any thread count and batch size")
struct BEIRResultsPiecesTests {
    static let threadCounts = [1, 2, 3, 8]
    /// 16 is the smallest batch; 1 MiB holds every input here whole.
    static let batchSizes = [16, 21, 64, 1 << 20]

    static func read(_ text: String, threads: Int, batchBytes: Int,
                     limits: TopicLimits = .standard) throws(InputError) -> Run {
        try BEIRResultsReader.read(path: "r.json", source: try openInput(MemorySource(Array(text.utf8)), name: "r.json"),
                                   limits: limits, threads: threads, batchBytes: batchBytes)
    }

    static func documents(_ run: Run) -> [(String, [BEIRDoc])] {
        run.topics.map { topic in
            (topic.topic, (0..<topic.count).map { BEIRDoc(docno: topic.docno($0), score: topic.scores[$0], line: topic.line(of: $0)) })
        }
    }

    static func same(_ a: [(String, [BEIRDoc])], _ b: [(String, [BEIRDoc])]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    /// Every `}` followed by `,` inside a string is a cut the reader may guess wrongly.
    static let tricky = #"""
    {
    "q}, \"1\"": {"d}, \"x\": {": 1.5, "d\\2": 2.25},
    "q\u00e9": {"\ud83d\ude00": 3, "plain": -0.5e1},
    "empty": {},
    "q3": {
      "a,}\"{": 7e-1
    }
    }
    """#

    @Test("ids with escaped quotes, braces and \\u escapes; an empty query left out", arguments: threadCounts, batchSizes)
    func trickyStrings(threads: Int, batchBytes: Int) throws {
        let run = try Self.read(Self.tricky, threads: threads, batchBytes: batchBytes)
        // Decoded by hand from the JSON text: \" is ", \\ is \, \u00e9 is é, the pair
        // \ud83d\ude00 is U+1F600; -0.5e1 = -5, 7e-1 = 0.7.
        let expected: [(String, [BEIRDoc])] = [
            ("q}, \"1\"", [BEIRDoc(docno: "d}, \"x\": {", score: 1.5, line: 2), BEIRDoc(docno: "d\\2", score: 2.25, line: 2)]),
            ("q\u{e9}", [BEIRDoc(docno: "\u{1F600}", score: 3, line: 3), BEIRDoc(docno: "plain", score: -5, line: 3)]),
            ("q3", [BEIRDoc(docno: "a,}\"{", score: 0.7, line: 6)]),
        ]
        #expect(Self.same(Self.documents(run), expected), "\(Self.documents(run))")
        #expect(run.tag == "beir")
        #expect(run["empty"] == nil)
    }

    /// 50 queries, query `q<k>` on line k + 2, two documents each.
    static func manyQueries(replacing line: Int? = nil, with text: String = "") -> String {
        var json = "{\n"
        for k in 0..<50 {
            let query = "\"q\(k)\": {\"d1\": 1, \"d2\": 2}"
            json += (k + 2 == line ? text : query) + (k < 49 ? ",\n" : "\n")
        }
        return json + "}\n"
    }

    @Test("an error in a later piece names its line", arguments: threadCounts, batchSizes)
    func errorInLaterPiece(threads: Int, batchBytes: Int) throws {
        let json = Self.manyQueries(replacing: 40, with: "\"q38\": {\"d1\": 1, \"d2\": \"high\"}")
        let error = #expect(throws: InputError.self) { try Self.read(json, threads: threads, batchBytes: batchBytes) }
        #expect(error?.line == 40)
        // The 20 bytes from the bad score are `"high"},\n"q39": {"d`, shown up to the newline.
        #expect(error?.message == "expected a numeric score for document \"d2\" of query \"q38\", found '\"high\"},'")
    }

    @Test("a query id given again in a later piece is an error naming both lines, before the later query's own error",
          arguments: threadCounts, batchSizes)
    func repeatedQueryAcrossPieces(threads: Int, batchBytes: Int) throws {
        // q5 is on line 7; line 45 gives q5 again, with a bad score after it.
        let json = Self.manyQueries(replacing: 45, with: "\"q5\": {\"d1\": oops}")
        let error = #expect(throws: InputError.self) { try Self.read(json, threads: threads, batchBytes: batchBytes) }
        #expect(error?.line == 45)
        #expect(error?.message == "query id \"q5\" appears twice in the results object (also line 7); expected each query once")
        let empty = Self.manyQueries(replacing: 44, with: "\"q3\": {}")
        let second = #expect(throws: InputError.self) { try Self.read(empty, threads: threads, batchBytes: batchBytes) }
        #expect(second?.line == 44)
        #expect(second?.message.hasPrefix("query id \"q3\" appears twice in the results object (also line 5)") == true)
    }

    @Test("a generated run reads back as generated", arguments: threadCounts, batchSizes)
    func generated(threads: Int, batchBytes: Int) throws {
        // Ids with escapes and braces, scores as text, some documents on lines of their own.
        var json = "{"
        var expected: [(String, [BEIRDoc])] = []
        var line = 1
        for q in 0..<120 {
            let topicText = q % 7 == 0 ? "t\\\"\(q)}, {" : "t\(q)"
            let topic = q % 7 == 0 ? "t\"\(q)}, {" : "t\(q)"
            json += (q == 0 ? "\n" : ",\n")
            line += 1
            json += "\"\(topicText)\": {"
            var docs: [BEIRDoc] = []
            for d in 0..<(q % 5) {
                if d > 0 { json += ", " }
                if q % 3 == 0 {
                    json += "\n  "
                    line += 1
                }
                let scoreText = "\(q).\(d)5e\(d % 3 - 1)"
                let docText = d % 2 == 0 ? "d\(d)\\u0041}," : "d\(d)"
                json += "\"\(docText)\": \(scoreText)"
                docs.append(BEIRDoc(docno: d % 2 == 0 ? "d\(d)A}," : "d\(d)", score: try #require(Double(scoreText)), line: line))
            }
            json += "}"
            if !docs.isEmpty { expected.append((topic, docs)) }
        }
        json += "\n}\n"
        let run = try Self.read(json, threads: threads, batchBytes: batchBytes)
        #expect(Self.same(Self.documents(run), expected))
        #expect(run.topics.count == 96)  // 120 queries, the 24 with q % 5 == 0 have no documents
    }

    struct MessageCase: Sendable, CustomTestStringConvertible {
        var bytes: [UInt8]
        var line: Int
        var message: String
        var testDescription: String { message }
    }

    /// Messages written out by hand from the input: an id longer than the 8 bytes the
    /// scanner checks at a time, with its bad byte after them.
    static let messageCases: [MessageCase] = [
        MessageCase(bytes: Array("{\"q\": {\"abcdefghij\u{01}k\": 1}}".utf8), line: 1, message: "control character inside a string"),
        MessageCase(bytes: Array("{\"q\": {\"abcdefghij".utf8) + [0xff] + Array("\": 1}}".utf8), line: 1, message: "invalid UTF-8 in a string"),
        MessageCase(bytes: Array("{\"q\":\n {\"abcdefghij\\x\": 1}}".utf8), line: 2, message: "invalid escape '\\x' in a string"),
        MessageCase(bytes: Array("{\"q\\u0031\": {\"d\": 1}\n, \"q1\": {}}".utf8), line: 2,
                    message: "query id \"q1\" appears twice in the results object (also line 1); expected each query once"),
        MessageCase(bytes: Array("{\"q\": {\"abcdefghijkl\": 12.5e}}".utf8), line: 1,
                    message: "expected a numeric score for document \"abcdefghijkl\" of query \"q\", found '12.5e}}'"),
        MessageCase(bytes: Array("{\"q\": {\"d\\u00e9\" 1}}".utf8), line: 1, message: "expected ':' after document id \"d\u{e9}\", found '1}}'"),
    ]

    @Test("messages name the line and what was wrong", arguments: messageCases)
    func messages(_ c: MessageCase) throws {
        for threads in [1, 2] {
            let error = #expect(throws: InputError.self) {
                try BEIRResultsReader.read(path: "r.json", source: try openInput(MemorySource(c.bytes), name: "r.json"),
                                           threads: threads, batchBytes: 16)
            }
            #expect(error?.line == c.line)
            #expect(error?.message == c.message)
        }
    }

    static let malformed = [
        "",
        "   \n  ",
        "[1]",
        "{\"q1\": {\"d1\": 1.0,\n \"d2\": \"high\"}}",
        "{\"q1\": [1, 2]}",
        "{\"q1\": {\"d1\": 1.0}\n",
        "{\"q1\": {\"d1\": 1.0}} trailing",
        "{\"q1\": {\"d1\": 1.0}}\n}",
        "{\"q1\": {\"d1\": 1.0}, \"q2\": {\"d\\q\": 1}}",
        "{\"q1\": {\"d1\": 1.0}, \"q2\": {\"d\\ud800x\": 1}}",
        "{\"q1\": {\"d1\": 1.0}, \"q2\": {\"d\\u12\": 1}}",
        "{\"q1\": {\"d1\": 1.0}, \"q2\": {\"d\n\": 1}}",
        "{\"q1\": {\"d1\": 1.0}, \"q2\": {\"d1\": 1e999}}",
        "{\"q1\": {\"d1\": 1.0}, \"q2\": {\"d1\": 1}, \"q1\": {}}",
        "{\"q1\": {\"d1\": 1.0}, \"q2\": {\"\u{FF}\": 1}}",
    ]

    @Test("malformed JSON and every prefix of a good one: the error or run of one thread and one batch, for any thread count and batch size")
    func everyPrefix() throws {
        var inputs = Self.malformed
        let bytes = Array(Self.tricky.utf8)
        for end in 0...bytes.count { inputs.append(String(decoding: bytes[..<end], as: UTF8.self)) }
        for text in inputs {
            let reference = Result { () throws(InputError) in try Self.read(text, threads: 1, batchBytes: 1 << 20) }
            for threads in [2, 8] {
                for batchBytes in [16, 1 << 20] {
                    let got = Result { () throws(InputError) in try Self.read(text, threads: threads, batchBytes: batchBytes) }
                    switch (reference, got) {
                    case (.failure(let a), .failure(let b)):
                        #expect(a == b, "\(text.debugDescription) with \(threads) threads, batches of \(batchBytes)")
                    case (.success(let a), .success(let b)):
                        #expect(Self.same(Self.documents(a), Self.documents(b)), "\(text.debugDescription)")
                    default:
                        Issue.record("\(text.debugDescription): \(reference) but \(got) with \(threads) threads, batches of \(batchBytes)")
                    }
                }
            }
        }
    }

    @Test("a failing source is reported before an error in the JSON that comes earlier, at the line it interrupted",
          arguments: [16, 1 << 20])
    func sourceErrorFirst(batchBytes: Int) throws {
        // A bad score on line 2; the source fails after the 3 newlines of its 4 lines.
        let text = "{\n\"q\": {\"d\": x},\n\"r\": {\"d\": 1},\n\"s\": {"
        let error = #expect(throws: InputError.self) {
            try BEIRResultsReader.read(path: "r.json", source: FailingAfterSource(bytes: Array(text.utf8)),
                                       threads: 2, batchBytes: batchBytes)
        }
        #expect(error?.message == "read failed")
        #expect(error?.line == 4)
    }

    @Test("a query past its limits is an error in any piece", arguments: threadCounts, batchSizes)
    func limits(threads: Int, batchBytes: Int) throws {
        let small = TopicLimits(maxDocuments: 2, maxDocnoBytes: 100)
        let json = Self.manyQueries(replacing: 30, with: "\"q28\": {\"d1\": 1, \"d2\": 2,\n\"d3\": 3}")
        let error = #expect(throws: InputError.self) { try Self.read(json, threads: threads, batchBytes: batchBytes, limits: small) }
        #expect(error?.line == 31)
        #expect(error?.message.hasPrefix("topic 'q28' has more than 2 documents") == true)
    }
}
