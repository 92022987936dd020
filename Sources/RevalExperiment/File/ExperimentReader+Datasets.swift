import RevalYAML

extension ExperimentReader.Reader {
    static let datasetKeys = ["qrels", "format", "beir_split", "splits", "group"]
    static let splitKeys = ["buckets", "filter", "file"]

    func datasets(_ node: YAMLNode) throws(YAMLError) -> [DatasetSpec] {
        let entries = try node.entries()
        guard !entries.isEmpty else { throw node.error("is empty; expected at least one dataset with its qrels") }
        var datasets: [DatasetSpec] = []
        for entry in entries {
            datasets.append(try dataset(entry.key, entry.value))
        }
        return datasets
    }

    func dataset(_ name: String, _ node: YAMLNode) throws(YAMLError) -> DatasetSpec {
        let map = try node.mapping(keys: Self.datasetKeys)
        let qrelsNode = try map.required("qrels")
        var format: String?
        if let value = map["format"] {
            let text = try value.string()
            guard ["trec", "beir"].contains(text) else {
                throw value.error(ExperimentReader.unknownName("unknown qrels format '\(text)'", text, ["trec", "beir"], "one of"))
            }
            format = text
        }
        let beirSplit = try map["beir_split"].map { value throws(YAMLError) in try text(value, "a BEIR split name such as test") }
        let qrels = try qrelsPath(qrelsNode)
        if qrels.isFolder, beirSplit != nil || format == "beir" || format == nil, checkFiles {
            let file = qrels.resolved + "/qrels/" + (beirSplit ?? "test") + ".tsv"
            if ExperimentPaths.kind(of: file) != .file {
                throw qrelsNode.error("BEIR folder '\(qrels.resolved)' has no qrels/\(beirSplit ?? "test").tsv; expected a BEIR dataset folder (set beir_split for another split)")
            }
        }
        var splits: SplitSource?
        if let value = map["splits"] { splits = try self.splits(value) }
        let group = try map["group"].map { value throws(YAMLError) in try text(value, "a group name") }
        return DatasetSpec(name: name, qrels: qrels.resolved, qrelsAsWritten: qrels.written, qrelsFormat: format,
                           beirSplit: beirSplit, splits: splits, group: group, location: node.location)
    }

    private func qrelsPath(_ node: YAMLNode) throws(YAMLError) -> (resolved: String, written: String, isFolder: Bool) {
        let written = try text(node, "a qrels file or BEIR folder")
        let resolved = ExperimentPaths.resolve(written, against: folder)
        let kind = ExperimentPaths.kind(of: resolved)
        if checkFiles && kind == .missing {
            throw node.error("qrels '\(resolved)' does not exist; expected a qrels file or BEIR folder, relative to the experiment's folder (\(folder))")
        }
        if checkFiles && kind == .stream {
            throw node.error("qrels '\(resolved)' is a pipe or device; expected a qrels file or BEIR folder: \(ExperimentPaths.readTwice)")
        }
        return (resolved, written, kind == .folder)
    }

    func splits(_ node: YAMLNode) throws(YAMLError) -> SplitSource {
        let map = try node.mapping(keys: Self.splitKeys)
        if let buckets = map["buckets"] {
            if let file = map["file"] {
                throw file.error("both 'buckets' and 'file' are given; expected one split source")
            }
            let folder = try path(buckets, .folder, "bucket folder")
            return .buckets(folder: folder.resolved, filter: try map["filter"].map { value throws(YAMLError) in try text(value, "text that one file name per side contains, such as trec19") })
        }
        if let file = map["file"] {
            if let filter = map["filter"] {
                throw filter.error("'filter' picks among a bucket folder's files; expected it only with 'buckets'")
            }
            return .file(try path(file, .file, "split file").resolved)
        }
        throw node.error("has no split source; expected 'buckets' (a ReSTTest folder) or 'file' (a TSV split file)")
    }
}
