import FuzzSupport
import RevalCore
import RevalFormats

// fuzz-max-len: 4096

/// A TREC run from the fuzzer's bytes (plain, or gzip/zstd when they start so), parsed as
/// one batch and again in batches of 64 to 127 bytes, both read on this thread; every
/// sixteenth input is parsed a third time with the read-ahead thread, in batches of 256 to
/// 511 bytes split over 2 or 3 parsing threads. All must give the same Run or fail alike.
/// (On this project's VM a threaded parse costs some fifty times the others, in thread
/// hand-offs, so it runs on a share of the inputs.)
/// Every fourth input is also read in those batches through a `TopicRunSpill`, as `reval
/// eval` groups an interleaved run (its later batches' interleaved pieces spilled as they
/// are): the same topics must come back. (The spill's temporary file costs more than the
/// parses, so it runs on a share of the inputs.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTrecRun(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Fuzz.bytes(data, size)
    func parse(threads: Int, batchBytes: Int, readAhead: Bool) -> Result<Run, InputError> {
        Result { () throws(InputError) in
            try TrecRunReader.parse(bytes: bytes, name: "fuzz", threads: threads, batchBytes: batchBytes,
                                    readAhead: readAhead)
        }
    }
    let whole = parse(threads: 1, batchBytes: size + 64, readAhead: false)
    var others = [("batched", parse(threads: 1, batchBytes: 64 + size % 64, readAhead: false))]
    if size % 16 == 0 {
        others.append(("threaded", parse(threads: 2 + size % 2, batchBytes: 256 + size % 256, readAhead: true)))
    }
    for (label, other) in others {
        Fuzz.requireAlike(whole, other, "whole vs \(label) parsing", summary: Fuzz.summary)
    }
    if size % 4 == 1 {
        Fuzz.requireAlike(whole.map(topicsByName), spilled(bytes, batchBytes: 64 + size % 64, partitions: 1 + size % 7),
                          "whole vs spilled", summary: { $0 })
    }
    return 0
}

/// The topics of `run` in a comparable form, by topic bytes (a spill gives them in its
/// partitions' order), and its tag.
private func topicsByName(_ run: Run) -> [String] {
    ["tag \(run.tag.rawBytes)"] + run.topics.sorted { byteOrderLess($0.topic, $1.topic) }.flatMap(topicLines)
}

private func topicLines(_ topic: TopicRun) -> [String] {
    ["topic \(topic.topic.rawBytes) \(topic.count)"]
        + (0..<topic.count).map { "\(topic.docno($0).rawBytes) \(topic.scores[$0].bitPattern) \(topic.line(of: $0))" }
}

/// `bytes` read in batches, the first as blocks and the others as parts, all given to a
/// spill of a few hundred bytes' budget, its topics read back.
private func spilled(_ bytes: [UInt8], batchBytes: Int, partitions: Int) -> Result<[String], InputError> {
    Result { () throws(InputError) in
        let stream = TrecRunStream(path: "fuzz", source: try openInput(MemorySource(bytes), name: "fuzz"), threads: 1,
                                   batchBytes: batchBytes, readAhead: false)
        let batches = try stream.batches()
        defer { batches.close() }
        let spill = try TopicRunSpill(name: "fuzz", partitions: partitions, memoryBudget: 64 + bytes.count % 512)
        while var batch = try batches.next() {
            if !batch.blocks.isEmpty { batch.parts = [.blocks(batch.blocks)] }
            try spill.add(&batch.parts)
            batches.keepsInterleavedPieces = true
        }
        var topics: [TopicRun] = []
        try spill.forEachPartition { topics += $0 }
        return ["tag \(batches.tag?.rawBytes ?? [])"] + topics.sorted { byteOrderLess($0.topic, $1.topic) }.flatMap(topicLines)
    }
}
