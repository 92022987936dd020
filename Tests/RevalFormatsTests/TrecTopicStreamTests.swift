import Testing
import RevalCore
import RevalFormats

/// TrecTopicStream: complete topics of a grouped run, one at a time, across batches.
@Suite("TREC topic stream")
struct TrecTopicStreamTests {
    /// Every topic, read to the end; whether the run was grouped.
    private func topics(_ text: String, batchBytes: Int) throws -> (topics: [(String, [String])], grouped: Bool, tag: String) {
        let source = try openInput(MemorySource(Array(text.utf8)), name: "run")
        let stream = try TrecTopicStream(path: "run", source: source, threads: 1, batchBytes: batchBytes, readAhead: false)
        var result: [(String, [String])] = []
        while let topic = try stream.next() {
            result.append((topic.topic, (0..<topic.count).map { topic.docno($0) }))
        }
        return (result, stream.isGrouped, stream.tag)
    }

    static let grouped = "1 Q0 a 1 3 t\n1 Q0 b 2 2 t\n1 Q0 c 3 1 t\n2 Q0 d 1 5 t\n2 Q0 e 2 4 t\n3 Q0 f 1 1 last\n"

    @Test("a grouped run gives each topic once, whole, whatever the batch size", arguments: [64, 100, 1 << 20])
    func groupedRun(batchBytes: Int) throws {
        let read = try topics(Self.grouped, batchBytes: batchBytes)
        #expect(read.grouped)
        #expect(read.topics.map(\.0) == ["1", "2", "3"])
        #expect(read.topics.map(\.1) == [["a", "b", "c"], ["d", "e"], ["f"]])
        #expect(read.tag == "last")
    }

    /// Topic 1 comes back after topic 2: in one batch, or in a later batch than its first lines.
    @Test("a topic that comes back makes the run not grouped", arguments: [64, 1 << 20])
    func interleaved(batchBytes: Int) throws {
        let text = "1 Q0 a 1 3 t\n1 Q0 b 2 2 t\n2 Q0 d 1 5 t\n2 Q0 e 2 4 t\n2 Q0 f 3 3 t\n1 Q0 c 3 1 t\n"
        let read = try topics(text, batchBytes: batchBytes)
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
}
