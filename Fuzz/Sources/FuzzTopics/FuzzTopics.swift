import FuzzSupport
import RevalCore
import RevalFormats
import RevalTopics

// fuzz-max-len: 4096

/// Topic files from the fuzzer's bytes, read as each of the four formats and as detected:
/// topics or an InputError, never a crash, a hang or an entity expanded. Topics read are
/// written in each output format and read back: the same ids in order and the same main
/// texts (TSV: TAB, LF, CR as spaces; TREC SGML: whitespace collapsed), or a
/// TopicsWriteError.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTopics(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Fuzz.bytes(data, size)
    for format in [nil] + TopicsFormat.allCases.map(Optional.some) {
        if case .success(let topics) = Result(catching: { () throws(InputError) in
            try TopicsReader.parse(bytes: bytes, name: "fuzz", format: format)
        }) {
            Fuzz.require(!topics.isEmpty, "topics read from \(format.map { "\($0)" } ?? "detected") are empty")
            if format == nil { writeAndReadBack(topics) }
        }
    }
    return 0
}

private func writeAndReadBack(_ topics: Topics) {
    for output in TopicsOutputFormat.allCases {
        guard case .success(let written) = Result(catching: { () throws(TopicsWriteError) in
            try TopicsWriter.write(topics, as: output)
        }) else { continue }
        // reval's readers refuse a byte order mark inside a file (and skip one at its start).
        Fuzz.require(!written.bytes.indices.contains { written.bytes[$0...].starts(with: ByteOrderMark.bytes) },
                     "\(output) output holds a byte order mark")
        let format: TopicsFormat = switch output { case .trec: .trec; case .tsv: .tsv; case .jsonl: .jsonl }
        let back: Topics
        do {
            back = try TopicsReader.parse(bytes: written.bytes, name: "written", format: format)
        } catch {
            Fuzz.require(false, "\(output) output does not read back: \(error)")
            return
        }
        Fuzz.require(back.ids == topics.ids, "\(output) output reads back other ids")
        for (original, again) in zip(topics, back) {
            let expected = switch output {
            case .jsonl: original.mainText
            case .tsv: String(decoding: original.mainText.utf8.map { $0 == 0x09 || $0 == 0x0a || $0 == 0x0d ? 0x20 : $0 }, as: UTF8.self)
            case .trec: collapsed(original.mainText)
            }
            Fuzz.require(again.mainText == expected, "\(output) output reads back another text for topic \(original.id)")
        }
    }
}

/// Whitespace runs (C isspace) as one space, no space at either end.
private func collapsed(_ text: String) -> String {
    text.utf8.split(whereSeparator: isCSpace).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
}
