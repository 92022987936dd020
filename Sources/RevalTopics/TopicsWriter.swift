import RevalCore

/// Writes topics in any of the formats reval writes.
///
/// ```swift
/// let topics = try TopicsReader.read(path: "topics.robust04.txt")
/// let written = try TopicsWriter.write(topics, as: .jsonl)
/// try AtomicFile.write(written.bytes, to: "queries.jsonl")
/// ```
public enum TopicsWriter {
    /// `textField` names the field written as each topic's text (`TopicLayout`'s rule when nil).
    public static func write(_ topics: Topics, as format: TopicsOutputFormat,
                             textField: String? = nil) throws(TopicsWriteError) -> WrittenTopics {
        switch format {
        case .trec: return try TrecTopicsWriter.write(topics, textField: textField)
        case .tsv: return try TSVTopicsWriter.write(topics, textField: textField)
        case .jsonl: return try JSONLTopicsWriter.write(topics, textField: textField)
        }
    }
}
