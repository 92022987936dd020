/// The topic formats reval writes (`reval convert --kind topics --to ...`). XML is read, not
/// written: the three below are what retrieval toolkits take.
///
/// ```swift
/// TopicsOutputFormat(rawValue: "tsv")   // .tsv
/// ```
public enum TopicsOutputFormat: String, Sendable, CaseIterable {
    /// TREC SGML `<top>` blocks (`TrecTopicsWriter`).
    case trec
    /// `id<TAB>text` lines (`TSVTopicsWriter`).
    case tsv
    /// BEIR `queries.jsonl` (`JSONLTopicsWriter`).
    case jsonl
}
