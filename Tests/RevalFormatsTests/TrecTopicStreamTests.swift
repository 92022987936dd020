import Testing
import RevalCore
import RevalFormats

/// TrecTopicStream: complete topics of a grouped run, one at a time, across batches, with
/// the next batch parsed ahead (`parsesAhead`, as `reval fuse` reads with 2 threads or more)
/// or not.
@Suite("TREC topic stream")
struct TrecTopicStreamTests {
    /// Every topic, read to the end; whether the run was grouped.
    private func topics(_ text: String, batchBytes: Int, parsesAhead: Bool = false) throws
        -> (topics: [(String, [String])], grouped: Bool, tag: String) {
        let source = try openInput(MemorySource(Array(text.utf8)), name: "run")
        let stream = try TrecTopicStream(path: "run", source: source, threads: 1, batchBytes: batchBytes,
                                         readAhead: false, parsesAhead: parsesAhead)
        var result: [(String, [String])] = []
        while let topic = try stream.next() {
            result.append((topic.topic, (0..<topic.count).map { topic.docno($0) }))
        }
        return (result, stream.isGrouped, stream.tag)
    }

    static let grouped = "1 Q0 a 1 3 t\n1 Q0 b 2 2 t\n1 Q0 c 3 1 t\n2 Q0 d 1 5 t\n2 Q0 e 2 4 t\n3 Q0 f 1 1 last\n"

    @Test("a grouped run gives each topic once, whole, whatever the batch size",
          arguments: [64, 100, 1 << 20], [false, true])
    func groupedRun(batchBytes: Int, parsesAhead: Bool) throws {
        let read = try topics(Self.grouped, batchBytes: batchBytes, parsesAhead: parsesAhead)
        #expect(read.grouped)
        #expect(read.topics.map(\.0) == ["1", "2", "3"])
        #expect(read.topics.map(\.1) == [["a", "b", "c"], ["d", "e"], ["f"]])
        #expect(read.tag == "last")
    }

    /// Topic 1 comes back after topic 2: in one batch, or in a later batch than its first lines.
    @Test("a topic that comes back makes the run not grouped", arguments: [64, 1 << 20], [false, true])
    func interleaved(batchBytes: Int, parsesAhead: Bool) throws {
        let text = "1 Q0 a 1 3 t\n1 Q0 b 2 2 t\n2 Q0 d 1 5 t\n2 Q0 e 2 4 t\n2 Q0 f 3 3 t\n1 Q0 c 3 1 t\n"
        let read = try topics(text, batchBytes: batchBytes, parsesAhead: parsesAhead)
        #expect(!read.grouped)
    }

    @Test("an empty run is an error, as for the whole-file reader")
    func empty() throws {
        #expect(throws: InputError.self) { try topics("# nothing\n", batchBytes: 64) }
    }

    @Test("a malformed line stops with its line number")
    func malformed() throws {
        do {
            _ = try topics("1 Q0 a 1 3 t\n1 Q0 b 2 x t\n", batchBytes: 1 << 20)
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.line == 2)
        }
    }

    /// Lines of 13 bytes in 64-byte batches: lines 1-4 (topics 1 and 2), 5-8 (topic 3) and
    /// 9, the bad one. Topic 2 is known complete once batch 2 shows topic 3; topic 3 is
    /// still open when batch 3 fails. Parsed ahead or not: topics 1 and 2, then the error.
    @Test("a malformed line in a later batch comes after the topics before it", arguments: [false, true])
    func malformedLater(parsesAhead: Bool) throws {
        let text = "1 Q0 a 1 3 t\n1 Q0 b 2 2 t\n2 Q0 d 1 5 t\n2 Q0 e 2 4 t\n"
            + "3 Q0 f 1 4 t\n3 Q0 g 2 3 t\n3 Q0 h 3 2 t\n3 Q0 i 4 1 t\n4 Q0 j 1 x t\n"
        let source = try openInput(MemorySource(Array(text.utf8)), name: "run")
        let stream = try TrecTopicStream(path: "run", source: source, threads: 1, batchBytes: 64, readAhead: false,
                                         parsesAhead: parsesAhead)
        var seen: [String] = []
        do {
            while let topic = try stream.next() { seen.append(topic.topic) }
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 9)
        }
        #expect(seen == ["1", "2"])
    }

    /// Run under TSan by .ci/run: the batch being parsed ahead is waited for, then closed.
    @Test("a stream dropped before its end closes while its next batch is parsed")
    func droppedEarly() throws {
        let text = Self.grouped + (4...200).map { "\($0) Q0 d 1 1 t\n" }.joined()
        for _ in 0..<20 {
            let source = try openInput(MemorySource(Array(text.utf8)), name: "run")
            let stream = try TrecTopicStream(path: "run", source: source, threads: 2, batchBytes: 64, parsesAhead: true)
            #expect(try stream.next()?.topic == "1")
        }
    }
}
