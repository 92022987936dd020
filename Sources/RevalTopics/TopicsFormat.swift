import RevalCore
import RevalFormats

/// The four topic file formats, told apart by content, never by file name.
///
/// ```swift
/// TopicsFormat.detect(Array("<top>\n<num> Number: 301".utf8))   // .trec
/// TopicsFormat(rawValue: "xml")                                  // .xml (for a command-line override)
/// ```
public enum TopicsFormat: String, Sendable, CaseIterable {
    /// TREC SGML: `<top>` or `<DOC>` blocks (`TrecTopicsReader`).
    case trec
    /// XML: `<topic number="…">` elements under any root (`XMLTopicsReader`).
    case xml
    /// `id<TAB>text` lines (`TSVTopicsReader`).
    case tsv
    /// BEIR JSON Lines, `{"_id": …, "text": …}` (`JSONLTopicsReader`).
    case jsonl

    /// The format of a file that starts with `head` (decompressed), judged by its first
    /// non-blank bytes after a UTF-8 byte order mark: `<top` or `<DOC` (any case, then `>` or
    /// a space) is `trec`; any other `<` (`<?xml`, `<!--`, `<topics`, `<webtrack2013`) is
    /// `xml`; `{` is `jsonl`; anything else, an empty file too, is `tsv`.
    public static func detect(_ head: [UInt8]) -> TopicsFormat {
        var i = head.starts(with: [0xef, 0xbb, 0xbf]) ? 3 : 0
        while i < head.count && isCSpace(head[i]) { i += 1 }
        guard i < head.count else { return .tsv }
        switch head[i] {
        case UInt8(ascii: "<"):
            let name = head[(i + 1)...].prefix(4).map(TopicText.lowercased)
            let isBlock = name.count == 4 && (name.starts(with: Array("top".utf8)) || name.starts(with: Array("doc".utf8)))
                && (name[3] == UInt8(ascii: ">") || isCSpace(name[3]))
            return isBlock ? .trec : .xml
        case UInt8(ascii: "{"):
            return .jsonl
        default:
            return .tsv
        }
    }

    /// The format of the file at `path` ("-" is standard input, which this consumes).
    public static func detect(path: String) throws(InputError) -> TopicsFormat {
        detect(try readWholeInput(try openInput(path)))
    }
}
