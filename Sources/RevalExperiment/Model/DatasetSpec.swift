import RevalEval

/// One dataset: its qrels (a file in any format reval reads, or a BEIR folder), and
/// optionally an interpolation/extrapolation split and a group it is averaged within.
public struct DatasetSpec: Sendable {
    public var name: String
    /// The qrels path, resolved against the experiment's folder.
    public var qrels: String
    /// The qrels path as written in the experiment file (for reports).
    public var qrelsAsWritten: String
    /// The qrels format, when the file states it; nil detects it.
    public var qrelsFormat: QrelsFormatName?
    /// The split of a BEIR folder (`qrels/<split>.tsv`); nil is `test`.
    public var beirSplit: String?
    public var splits: SplitSource?
    /// Datasets with the same group are averaged together first, and the group counts as
    /// one dataset in the multi-dataset average (BEIR's CQADupStack rule).
    public var group: String?
    public var location: ExperimentLocation
}

/// `trec` or `beir`, as the experiment names a qrels format.
public typealias QrelsFormatName = String

/// Where a dataset's interpolation/extrapolation split comes from.
public enum SplitSource: Sendable, Equatable {
    /// A folder in ReSTTest's layout (`DIR/bucket-K/{interpolate,extrapolate}.*qrel*`);
    /// `filter` picks among several files per side (`trec19`).
    case buckets(folder: String, filter: String?)
    /// A TSV split file: `qid<TAB>label` or `qid<TAB>bucket<TAB>label`.
    case file(String)

    /// The path read.
    public var path: String {
        switch self {
        case .buckets(let folder, _): return folder
        case .file(let path): return path
        }
    }
}
