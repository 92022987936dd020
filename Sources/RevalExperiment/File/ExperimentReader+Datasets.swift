extension ExperimentReader.Reader {
    static let datasetKeys = ["qrels", "format", "beir_split", "splits", "group"]
    static let splitKeys = ["buckets", "filter", "file"]

    func datasets(_ node: ExperimentNode) throws(ExperimentError) -> [DatasetSpec] {
        let entries = try node.namedEntries("dataset names")
        guard !entries.isEmpty else { throw node.error("'datasets' is empty; expected at least one dataset with its qrels") }
        var datasets: [DatasetSpec] = []
        for entry in entries {
            datasets.append(try dataset(entry.key, entry.value))
        }
        return datasets
    }

    func dataset(_ name: String, _ node: ExperimentNode) throws(ExperimentError) -> DatasetSpec {
        let map = try node.mapping(allowing: Self.datasetKeys)
        let qrelsNode = try map.required("qrels", "the dataset's qrels file or BEIR folder")
        var format: String?
        if let value = map["format"] {
            let text = try value.string()
            guard ["trec", "beir"].contains(text) else {
                throw value.error(ExperimentReader.unknownName("unknown qrels format '\(text)'", text, ["trec", "beir"], "one of"))
            }
            format = text
        }
        let beirSplit = try map["beir_split"]?.string()
        let qrels = try qrelsPath(qrelsNode)
        if qrels.isFolder, beirSplit != nil || format == "beir" || format == nil, checkFiles {
            let file = qrels.resolved + "/qrels/" + (beirSplit ?? "test") + ".tsv"
            if ExperimentPaths.kind(of: file) != .file {
                throw qrelsNode.error("BEIR folder '\(qrels.resolved)' has no qrels/\(beirSplit ?? "test").tsv; expected a BEIR dataset folder (set beir_split for another split)")
            }
        }
        var splits: SplitSource?
        if let value = map["splits"] { splits = try self.splits(value) }
        let group = try map["group"]?.string()
        return DatasetSpec(name: name, qrels: qrels.resolved, qrelsAsWritten: qrels.written, qrelsFormat: format,
                           beirSplit: beirSplit, splits: splits, group: group, location: node.location)
    }

    private func qrelsPath(_ node: ExperimentNode) throws(ExperimentError) -> (resolved: String, written: String, isFolder: Bool) {
        let written = try node.string()
        let resolved = ExperimentPaths.resolve(written, against: folder)
        if checkFiles && ExperimentPaths.kind(of: resolved) == .missing {
            throw node.error("qrels '\(resolved)' does not exist; expected a qrels file or BEIR folder, relative to the experiment's folder (\(folder))")
        }
        return (resolved, written, ExperimentPaths.kind(of: resolved) == .folder)
    }

    func splits(_ node: ExperimentNode) throws(ExperimentError) -> SplitSource {
        let map = try node.mapping(allowing: Self.splitKeys)
        if let buckets = map["buckets"] {
            if let file = map["file"] {
                throw file.error("both 'buckets' and 'file' are given; expected one split source")
            }
            let folder = try path(buckets, .folder, "bucket folder")
            return .buckets(folder: folder.resolved, filter: try map["filter"]?.string())
        }
        if let file = map["file"] {
            if let filter = map["filter"] {
                throw filter.error("'filter' picks among a bucket folder's files; expected it only with 'buckets'")
            }
            return .file(try path(file, .file, "split file").resolved)
        }
        throw node.error("no split source in '\(node.path)'; expected 'buckets' (a ReSTTest folder) or 'file' (a TSV split file)")
    }
}
