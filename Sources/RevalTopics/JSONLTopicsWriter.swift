import RevalCore

/// Writes BEIR `queries.jsonl`: one JSON object per line,
/// `{"_id": "1", "text": "...", "metadata": {"desc": "...", ...}}`, which
/// `JSONLTopicsReader` reads back.
///
/// Rules:
/// - `_id` is the id, always as a string; `text` the main text (`TopicLayout`: the field
///   `textField`, else `text`, `title`, `query`, else the first field), byte for byte;
/// - every other field is a string member of `metadata`, in the topic's order, under its name
///   without a `metadata.` prefix (so a file read from BEIR JSONL is written as it was
///   read); a name repeated in one topic gets `#2`, `#3`, ...; `metadata` is `{}` when there
///   are none;
/// - strings are escaped as JSON requires: `"` and `\` with a backslash, control
///   characters as `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`, and U+FEFF as `\ufeff` (a byte
///   order mark inside a file is refused by reval's readers); everything else is UTF-8 as is.
///
/// ```swift
/// let written = try JSONLTopicsWriter.write(topics)
/// // {"_id": "301", "text": "International Organized Crime", "metadata": {"desc": "Identify ...", "narr": "..."}}
/// ```
public enum JSONLTopicsWriter {
    /// The JSONL file for `topics`; `textField` names the field written as `text`.
    public static func write(_ topics: Topics, textField: String? = nil) throws(TopicsWriteError) -> WrittenTopics {
        var out: [UInt8] = []
        for topic in topics {
            let layout = try TopicLayout(topic, textField: textField)
            out += "{\"_id\": ".utf8
            appendString(layout.id, to: &out)
            out += ", \"text\": ".utf8
            appendString(layout.text, to: &out)
            out += ", \"metadata\": {".utf8
            for (index, field) in layout.uniquelyNamedOthers.enumerated() {
                if index > 0 { out += ", ".utf8 }
                appendString(field.name, to: &out)
                out += ": ".utf8
                appendString(field.text, to: &out)
            }
            out += "}}\n".utf8
        }
        return WrittenTopics(bytes: out)
    }

    /// `text` as a JSON string, quotes included.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            i += 1
            if b == 0xef, i + 1 < utf8.count, utf8[i] == 0xbb, utf8[i + 1] == 0xbf {
                // U+FEFF: reval's readers refuse a byte order mark inside a file.
                out += Array("\\ufeff".utf8)
                i += 2
                continue
            }
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0a: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0d: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0c: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xf)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
