import RevalCore
import RevalFormats

/// One side of one bucket of a ReSTTest folder: the qrels file and what it judges.
public struct BucketSide: Sendable {
    public var bucket: String
    public var label: String
    public var path: String
    public var qrels: Qrels
}

/// A folder in ReSTTest's layout, `DIR/bucket-K/{interpolate,extrapolate}.*qrel*`, read
/// into a `Split` (one bucket per `bucket-K` folder) and the qrels of every side.
///
/// Buckets are the sub-folders whose names start with `bucket`, in the order of the number
/// they end with (`bucket-2` before `bucket-10`). In each, a side's file is the one whose
/// name starts with `interpolate` or `extrapolate` and contains `qrel`; when ReSTTest's
/// `trec19`, `trec20` and `dev` files sit side by side, `filter` keeps the names that
/// contain it. A bucket without a file for a side, with two candidates for one, or with a
/// topic on both sides is an error.
///
/// ```swift
/// let folder = try BucketFolderReader.read(folder: "Qrels/dl19-passage/resttest", filter: "trec19")
/// folder.split.buckets.map(\.name)     // ["bucket-1", ..., "bucket-5"]
/// ```
public enum BucketFolderReader {
    public struct Result: Sendable {
        public var split: Split
        public var sides: [BucketSide]
    }

    public static func read(folder: String, filter: String? = nil) throws(InputError) -> Result {
        guard isDirectory(folder) else {
            throw InputError(file: folder, message: "not a folder; expected ReSTTest's layout DIR/bucket-K/{interpolate,extrapolate}.*qrel*")
        }
        let root = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let buckets = try FolderListing.names(in: root)
            .filter { $0.lowercased().hasPrefix("bucket") && isDirectory(root + "/" + $0) }
        guard !buckets.isEmpty else {
            throw InputError(file: folder, message: "no bucket-K folders; expected ReSTTest's layout DIR/bucket-K/{interpolate,extrapolate}.*qrel*")
        }
        var split = Split(source: folder)
        var sides: [BucketSide] = []
        for name in orderedBuckets(buckets) {
            let path = root + "/" + name
            let files = try FolderListing.names(in: path)
            var bucket = SplitBucket(name: name)
            for label in [SplitLabel.interpolate, SplitLabel.extrapolate] {
                let file = path + "/" + (try sideFile(label, among: files, in: path, filter: filter))
                let qrels = try QrelsLoader.read(path: file)
                for topic in qrels.topics {
                    try bucket.assign(topic: topic.topic, label: label,
                                      at: SourceLocation(file: file, line: topic.lines.first))
                }
                sides.append(BucketSide(bucket: name, label: label, path: file, qrels: qrels))
            }
            split.append(bucket)
        }
        return Result(split: split, sides: sides)
    }

    /// The one file for `label` in a bucket folder.
    static func sideFile(_ label: String, among files: [String], in folder: String, filter: String?) throws(InputError) -> String {
        let candidates = files.filter { name in
            name.hasPrefix(label) && name.contains("qrel") && (filter.map { name.contains($0) } ?? true)
        }
        let wanted = "\(label).*qrel*" + (filter.map { " file with '\($0)' in its name" } ?? " file")
        if candidates.isEmpty {
            throw InputError(file: folder, message: "no \(wanted); expected one for each of interpolate and extrapolate")
        }
        if candidates.count > 1 {
            throw InputError(file: folder, message: "\(candidates.count) \(label) files (\(candidates.joined(separator: ", "))); "
                                 + "expected one: pick with a filter (--bucket-filter) that one name contains")
        }
        return candidates[0]
    }

    /// By the number the names end with when all end with one, else by bytes.
    static func orderedBuckets(_ names: [String]) -> [String] {
        func number(_ name: String) -> Int? { Int(String(name.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())) }
        let numbered = names.compactMap { name in number(name).map { (name, $0) } }
        guard numbered.count == names.count else { return names.sorted(by: byteOrderLess) }
        return numbered.sorted { a, b in a.1 != b.1 ? a.1 < b.1 : byteOrderLess(a.0, b.0) }.map(\.0)
    }
}
