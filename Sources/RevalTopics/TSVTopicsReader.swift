import RevalCore
import RevalFormats

/// Reads TSV topics, `id<TAB>text` per line (MS MARCO, TREC DL, Anserini's TSV topics).
///
/// Rules:
/// - the line is split at its first TAB only: further TABs belong to the text;
/// - the id is trimmed of whitespace and must be one non-empty token;
/// - the text is kept byte for byte (a leading space, as in one MS MARCO dev query, stays),
///   except the "\r" of a CRLF line end; it becomes the field `text`;
/// - blank lines are skipped; a line without a TAB is an error; the file must be UTF-8.
///
/// ```swift
/// let topics = try TSVTopicsReader.read(path: "topics.dl19-passage.txt")
/// topics[id: "156493"]?[field: "text"]   // "do goldfish grow"
/// ```
public enum TSVTopicsReader {
    /// Reads the TSV topic file at `path` (plain, gzip or zstd; "-" is standard input).
    public static func read(path: String) throws(InputError) -> Topics {
        try parse(readWholeInput(try openInput(path)), name: path)
    }

    static func parse(_ bytes: [UInt8], name: String) throws(InputError) -> Topics {
        try TopicText.requireText(bytes, file: name)
        var collector = TopicsCollector(file: name)
        try TopicText.forEachLine(TopicText.withoutBOM(bytes)) { line, number throws(InputError) in
            if TopicText.isBlank(line) { return }
            guard let tab = line.firstIndex(of: 0x09) else {
                throw InputError(file: name, line: number, message: "expected 'id<TAB>text', found no TAB")
            }
            let id = TopicText.collapsed(line[..<tab])
            guard !id.isEmpty, !id.utf8.contains(0x20) else {
                throw InputError(file: name, line: number,
                                 message: "expected one topic id before the TAB, found '\(id)'")
            }
            let text = String(decoding: line[(tab + 1)...], as: UTF8.self)
            try collector.add(Topic(id: id, fields: [TopicField("text", text)]), line: number)
        }
        return try collector.finish()
    }
}
