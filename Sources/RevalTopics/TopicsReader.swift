import RevalCore
import RevalFormats

/// Reads a topic file in any of the four formats, plain, gzip or zstd, or standard input
/// ("-"), detecting the format from the content unless one is given.
///
/// ```swift
/// let topics = try TopicsReader.read(path: "topics.covid-round5.xml")      // detected: XML
/// let queries = try TopicsReader.read(path: "-", format: .tsv)            // stdin, told TSV
/// ```
public enum TopicsReader {
    /// Reads the topic file at `path` (plain, gzip or zstd; "-" is standard input) in
    /// `format`, or in the format `TopicsFormat.detect` finds in its content.
    public static func read(path: String, format: TopicsFormat? = nil) throws(InputError) -> Topics {
        try parse(bytes: readWholeInput(try openInput(path)), name: path, format: format)
    }

    /// Reads topics held in memory (already decompressed); `name` is the file name errors
    /// carry.
    public static func parse(bytes: [UInt8], name: String, format: TopicsFormat? = nil) throws(InputError) -> Topics {
        switch format ?? TopicsFormat.detect(bytes) {
        case .trec: return try TrecTopicsReader.parse(bytes, name: name)
        case .xml: return try XMLTopicsReader.parse(bytes, name: name)
        case .tsv: return try TSVTopicsReader.parse(bytes, name: name)
        case .jsonl: return try JSONLTopicsReader.parse(bytes, name: name)
        }
    }
}
