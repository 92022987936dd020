import RevalCore
import RevalFormats
import RevalTopics

/// `reval convert --kind topics`: a topic file in any format reval reads (TREC SGML, XML,
/// TSV, BEIR JSONL; detected unless --from names one) written as TREC SGML, TSV or BEIR
/// JSONL (docs/formats.md, "Writing topic files").
extension ConvertCommand {
    func convertTopics() -> CommandOutput {
        var out = CommandOutput()
        guard let target = TopicsOutputFormat(rawValue: to.lowercased()) else {
            return usage("unknown topics format '\(to)' for --to (trec, tsv, jsonl)")
        }
        var source: TopicsFormat?
        if let from {
            guard let format = TopicsFormat(rawValue: from.lowercased()) else {
                return usage("unknown topics format '\(from)' for --from (trec, xml, tsv, jsonl)")
            }
            source = format
        }
        let written: WrittenTopics
        do throws(InputError) {
            let topics = try TopicsReader.read(path: input, format: source)
            do throws(TopicsWriteError) {
                written = try TopicsWriter.write(topics, as: target, textField: field)
            } catch {
                out.error("\(input): \(error.description)", exitCode: 2)
                return out
            }
        } catch {
            out.error(error.description, exitCode: error.exitCode)
            return out
        }
        if !written.unwrittenFields.isEmpty {
            out.warning(Self.unwrittenWarning(written.unwrittenFields, target: target))
        }
        if output == "-" {
            out.stdout = String(decoding: written.bytes, as: UTF8.self)
        } else {
            do {
                try AtomicFile.write(written.bytes, to: output)
            } catch {
                out.error(error.description, exitCode: error.exitCode)
            }
        }
        return out
    }

    static func unwrittenWarning(_ names: [String], target: TopicsOutputFormat) -> String {
        let shown = names.prefix(6).joined(separator: ", ") + (names.count > 6 ? ", ... (\(names.count) names)" : "")
        switch target {
        case .tsv: return "TSV holds one text per topic (--field chooses which); fields not written: \(shown)"
        case .trec: return "fields that cannot be TREC SGML tags (docs/formats.md) are not written: \(shown)"
        case .jsonl: return "fields not written: \(shown)"
        }
    }

    /// Whether the file at `path` obviously holds topics, judged by its first bytes: a
    /// first visible byte `<` (TREC SGML or XML; no run or qrels starts so), a first line
    /// that is a JSON object with an `"_id"` member (BEIR queries; BEIR results are one
    /// object of objects), or a first line `id<TAB>text` with one TAB and no whitespace
    /// before it (no run or qrels line has two fields). Standard input or a pipe is never
    /// sniffed (`canReadTwice`: it is read once): give --kind topics.
    static func obviouslyTopics(_ path: String) -> Bool {
        guard canReadTwice(path), let input = try? PeekedInput(path, bytes: 4096), let line = input.firstDataLine else {
            return false
        }
        var body = line[...]
        if body.starts(with: [0xef, 0xbb, 0xbf]) { body = body.dropFirst(3) }
        body = body.drop(while: isCSpace)
        guard let first = body.first else { return false }
        if first == UInt8(ascii: "<") { return true }
        if first == UInt8(ascii: "{") {
            let end = body.lastIndex { !isCSpace($0) }
            return end.map { body[$0] == UInt8(ascii: "}") } == true && contains(Array("\"_id\"".utf8), in: body)
        }
        let tabs = body.indices.filter { body[$0] == 0x09 }
        guard tabs.count == 1, let tab = tabs.first else { return false }
        return !body[..<tab].contains(where: isCSpace) && body.index(after: tab) < body.endIndex
    }

    /// `tsv` and `jsonl` name topic formats only (runs and qrels are trec, msmarco, beir).
    static func isTopicsOnlyFormat(_ name: String) -> Bool {
        ["tsv", "jsonl"].contains(name.lowercased())
    }

    private static func contains(_ needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Bool {
        guard needle.count <= bytes.count else { return false }
        var i = bytes.startIndex
        while i + needle.count <= bytes.endIndex {
            if bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// A run or qrels error on the first line, when --kind was not given, with the hint that
    /// the file may be topics (or, for an input read once and so never sniffed, qrels).
    func withKindHint(_ error: InputError) -> InputError {
        guard kind == nil, error.line == 1 else { return error }
        var hinted = error
        hinted.message += canReadTwice(input)
            ? " (if the file holds topics, pass --kind topics)"
            : " (standard input or a pipe is read once, as a run: pass --kind qrels or --kind topics if it holds those)"
        return hinted
    }
}
