import Foundation
import Testing
import RevalCore
import RevalFormats

/// The readers' defences against hostile input, at the reader level (the command-line
/// corpus is in RevalCLITests/Malformed).
@Suite("Hostile input: readers")
struct HostileInputTests {
    func lineError(_ text: [UInt8], chunkSize: Int, maxLineBytes: Int = LineReader.defaultMaxLineBytes) -> InputError? {
        var reader = LineReader(MemorySource(text), name: "in", chunkSize: chunkSize, maxLineBytes: maxLineBytes)
        do {
            try reader.forEachLine { _, _ in }
            return nil
        } catch {
            return error
        }
    }

    @Test("a NUL byte is an error naming line and column, whatever the chunk size", arguments: [1, 2, 3, 7, 4096])
    func nulByte(chunkSize: Int) {
        let error = lineError(Array("ab\nc\0d\ne\n".utf8), chunkSize: chunkSize)
        #expect(error?.file == "in")
        #expect(error?.line == 2)
        #expect(error?.message.contains("NUL byte in column 2") == true, "\(String(describing: error))")
    }

    @Test("a line of maxLineBytes is read; one byte more is an error", arguments: [1, 4, 10, 11, 64])
    func lineLimit(chunkSize: Int) {
        let ten = "0123456789"
        #expect(lineError(Array("a\n\(ten)\nb".utf8), chunkSize: chunkSize, maxLineBytes: 10) == nil)
        #expect(lineError(Array("a\n\(ten)".utf8), chunkSize: chunkSize, maxLineBytes: 10) == nil)
        let error = lineError(Array("a\n\(ten)x\nb\n".utf8), chunkSize: chunkSize, maxLineBytes: 10)
        #expect(error?.line == 2)
        #expect(error?.message.contains("longer than 10 bytes") == true, "\(String(describing: error))")
        // An endless line stops at the limit, not at the end of memory.
        let endless = lineError(Array(repeating: UInt8(ascii: "x"), count: 1000), chunkSize: chunkSize, maxLineBytes: 10)
        #expect(endless?.line == 1)
    }

    func runError(_ text: String, batchBytes: Int = 64, threads: Int = 1, maxLineBytes: Int = 100,
                  limits: TopicLimits = .standard, readAhead: Bool = true) throws -> InputError? {
        let dir = try TemporaryDirectory()
        let path = try dir.write(text)
        do {
            let stream = TrecRunStream(path: path, threads: threads, batchBytes: batchBytes,
                                       maxLineBytes: maxLineBytes, limits: limits, readAhead: readAhead)
            try stream.forEachBatch { _ in true }
            return nil
        } catch {
            return error
        }
    }

    @Test("run stream: a line over the limit and a NUL in a line longer than a batch are errors at their line",
          arguments: [true, false])
    func runStreamLimits(readAhead: Bool) throws {
        let long = String(repeating: "x", count: 150)
        let tooLong = try runError("1 Q0 a 1 3 r\n1 Q0 \(long) 2 2 r\n", readAhead: readAhead)
        #expect(tooLong?.line == 2)
        #expect(tooLong?.message.contains("longer than 100 bytes") == true)
        let nul = try runError("1 Q0 a 1 3 r\n1 Q0 " + String(repeating: "y", count: 80) + "\0 2 2 r\n", readAhead: readAhead)
        #expect(nul?.line == 2)
        #expect(nul?.message.contains("NUL byte") == true)
        #expect(try runError("1 Q0 a 1 3 r\n1 Q0 \(String(repeating: "z", count: 80)) 2 2 r\n", readAhead: readAhead) == nil)
    }

    @Test("a topic past its limits is an error, found in one piece or when pieces are merged",
          arguments: [1, 3], [64, 1 << 20])
    func topicLimits(threads: Int, batchBytes: Int) throws {
        let text = (1...40).map { "7 Q0 doc\($0) \($0) \(100 - $0) r\n" }.joined()
        let dir = try TemporaryDirectory()
        let path = try dir.write(text)
        func read(_ limits: TopicLimits) throws(InputError) -> Run {
            let stream = TrecRunStream(path: path, threads: threads, batchBytes: batchBytes, limits: limits)
            var run = Run(source: path)
            run.tag = try stream.forEachBatch { batch throws(InputError) in
                try run.add(batch, of: stream)
                return true
            }
            return run
        }
        let fits = TopicLimits(maxDocuments: 40, maxDocnoBytes: 1000)
        #expect(try read(fits)["7"]?.count == 40)
        // Read as one piece, the error is at the line that crosses the limits: the 40th
        // document, and doc32, where the docnos reach 9 * 4 + 23 * 5 = 151 bytes.
        for (limits, line) in [(TopicLimits(maxDocuments: 39, maxDocnoBytes: 1000), 40),
                               (TopicLimits(maxDocuments: 1000, maxDocnoBytes: 150), 32)] {
            let error = #expect(throws: InputError.self) { try read(limits) }
            #expect(error?.file == path)
            #expect(error?.line != nil)
            if threads == 1 && batchBytes == 1 << 20 { #expect(error?.line == line) }
            #expect(error?.message.contains("topic '7' has more than") == true, "\(String(describing: error))")
        }
    }

    @Test("CR-only line ends in a run are an error; CR before LF and extra fields are not")
    func carriageReturns() throws {
        let dir = try TemporaryDirectory()
        let crOnly = #expect(throws: InputError.self) {
            try TrecRunReader.read(path: try dir.write("1 Q0 a 1 3 r\r1 Q0 b 2 2 r\r", name: "cr"))
        }
        #expect(crOnly?.line == 1)
        let run = try TrecRunReader.read(path: try dir.write("1 Q0 a 1 3 r extra \r\n1 Q0 b 2 2 r\r\r\n", name: "crlf"))
        #expect(docnos(run, "1") == ["a", "b"])
    }

    @Test("parse(bytes:) reads as read(path:) does, plain or compressed, with or without read-ahead",
          arguments: ["run.txt", "run.txt.gz", "run.txt.zst", "run-multiframe.zst"], [(64, true), (64, false), (1 << 20, true), (1 << 20, false)])
    func parseBytesRun(fixture: String, batching: (bytes: Int, readAhead: Bool)) throws {
        let fromFile = try TrecRunReader.read(path: Fixtures.path(fixture))
        let fromBytes = try TrecRunReader.parse(bytes: try Fixtures.bytes(fixture), name: "mem",
                                                batchBytes: batching.bytes, readAhead: batching.readAhead)
        #expect(fromBytes.topics.map(\.topic) == fromFile.topics.map(\.topic))
        for topic in fromFile.topics {
            #expect(docnos(fromBytes, topic.topic) == docnos(fromFile, topic.topic))
            #expect(fromBytes[topic.topic]?.scores == topic.scores)
            #expect(fromBytes[topic.topic]?.lines == topic.lines)
        }
        #expect(fromBytes.tag == fromFile.tag)
    }

    @Test("parse(bytes:) reads qrels as read(path:) does", arguments: ["qrels.txt", "qrels.txt.gz", "qrels.txt.zst"])
    func parseBytesQrels(fixture: String) throws {
        let fromFile = try TrecQrelsReader.read(path: Fixtures.path(fixture))
        let fromBytes = try TrecQrelsReader.parse(bytes: try Fixtures.bytes(fixture), name: "mem", chunkSize: 5)
        #expect(fromBytes.sortedTopicIDs == fromFile.sortedTopicIDs)
        for topic in fromFile.topics {
            #expect(fromBytes[topic.topic]?.grades == topic.grades)
            #expect(fromBytes[topic.topic]?.lines == topic.lines)
        }
    }

    @Test("the same run bytes give the same Run for any batch size and thread count, with or without read-ahead",
          arguments: [64, 200, 1 << 20], [1, 2, 8])
    func runDeterminism(batchBytes: Int, threads: Int) throws {
        // Topics interleaved, so blocks of a topic come from different batches and pieces.
        let text = (1...300).map { i in "\(i % 7) Q0 d\(i) \(i) \(Double(i % 13) / 4) tag\(i % 3)\n" }.joined()
        let reference = try TrecRunReader.parse(bytes: Array(text.utf8), name: "mem", threads: 1)
        #expect(reference.topics.count == 7)
        for readAhead in [true, false] {
            let run = try TrecRunReader.parse(bytes: Array(text.utf8), name: "mem", threads: threads,
                                              batchBytes: batchBytes, readAhead: readAhead)
            #expect(run.topics.map(\.topic) == reference.topics.map(\.topic))
            for topic in reference.topics {
                #expect(docnos(run, topic.topic) == docnos(reference, topic.topic))
                #expect(run[topic.topic]?.scores == topic.scores)
                #expect(run[topic.topic]?.lines == topic.lines)
            }
            #expect(run.tag == reference.tag)
        }
    }

    @Test("error messages quote at most 64 bytes of a field")
    func longFieldInMessage() throws {
        let score = String(repeating: "9", count: 5000) + "x"
        let error = #expect(throws: InputError.self) {
            try TrecRunReader.parse(bytes: Array("1 Q0 d 1 \(score) r\n".utf8), name: "mem")
        }
        let message = error?.message ?? ""
        #expect(message.contains(String(repeating: "9", count: 64) + "...'"))
        #expect(message.utf8.count < 200)
    }
}
