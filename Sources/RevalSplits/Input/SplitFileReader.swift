import RevalCore
import RevalFormats

/// Reads a split file: which topics are `interpolate`, `extrapolate` (or any other label),
/// per bucket.
///
/// The file is TAB-separated text (plain, gzip or zstd; "-" is standard input):
/// - `qid<TAB>label`: one bucket, named `all`;
/// - `qid<TAB>bucket<TAB>label`: several buckets, in the order they first appear;
/// - or a header line naming the columns (`qid`, `split` or `label`, and optionally
///   `bucket`; other columns are ignored), as `reval split make` writes:
///   `qid	split	similarity	nearest_train_qid`.
///
/// A line starting with `#` is a comment. A topic with two labels in one bucket, a line
/// with another number of columns than the first, an empty field and a blank line are
/// errors at their line.
///
/// ```swift
/// let split = try SplitFileReader.read(path: "split.tsv")
/// split.buckets[0].topics(labelled: "extrapolate")
/// ```
public enum SplitFileReader {
    public static func read(path: String) throws(InputError) -> Split {
        var lines = LineReader(try openInput(path), name: path)
        return try read(&lines, name: path)
    }

    /// Reads a split held in memory; `name` is the file name errors carry.
    public static func parse(bytes: [UInt8], name: String) throws(InputError) -> Split {
        var lines = LineReader(try openInput(MemorySource(bytes), name: name), name: name)
        return try read(&lines, name: name)
    }

    /// Which column holds what.
    struct Columns {
        var qid: Int
        var label: Int
        var bucket: Int?
        /// The number of fields every line has (without a header), or at least (with one).
        var count: Int
        var exact: Bool

        static let qidNames: Set<String> = ["qid", "query_id", "query-id", "topic"]
        static let labelNames: Set<String> = ["split", "label"]

        /// The columns a header line names, or nil when the line is data.
        static func header(_ fields: [String], file: String, line: Int) throws(InputError) -> Columns? {
            guard let first = fields.first, qidNames.contains(first.lowercased()) else { return nil }
            let names = fields.map { $0.lowercased() }
            guard let label = names.firstIndex(where: labelNames.contains) else {
                throw InputError(file: file, line: line,
                                 message: "header has no 'split' or 'label' column; expected 'qid<TAB>split' or 'qid<TAB>bucket<TAB>split'")
            }
            return Columns(qid: 0, label: label, bucket: names.firstIndex(of: "bucket"), count: fields.count, exact: false)
        }

        static func data(fieldCount: Int, file: String, line: Int) throws(InputError) -> Columns {
            switch fieldCount {
            case 2: return Columns(qid: 0, label: 1, bucket: nil, count: 2, exact: true)
            case 3: return Columns(qid: 0, label: 2, bucket: 1, count: 3, exact: true)
            default:
                throw InputError(file: file, line: line,
                                 message: "\(fieldCount) TAB-separated fields; expected 'qid<TAB>label' or 'qid<TAB>bucket<TAB>label'")
            }
        }
    }

    public static func read(_ lines: inout LineReader, name: String) throws(InputError) -> Split {
        var split = Split(source: name)
        var columns: Columns?
        var dataLines = 0
        try lines.forEachLine { raw, number throws(InputError) in
            let fields = tabFields(raw)
            if fields.count == 1 && fields[0].isEmpty {
                throw InputError(file: name, line: number, message: "blank line; expected 'qid<TAB>label'")
            }
            if raw.first == UInt8(ascii: "#") { return }
            if columns == nil, let header = try Columns.header(fields, file: name, line: number) {
                columns = header
                return
            }
            let layout: Columns
            if let columns {
                layout = columns
            } else {
                layout = try Columns.data(fieldCount: fields.count, file: name, line: number)
                columns = layout
            }
            if layout.exact ? fields.count != layout.count : fields.count < layout.count {
                throw InputError(file: name, line: number,
                                 message: "\(fields.count) TAB-separated fields; expected \(layout.count) as on the first line")
            }
            for (i, field) in fields.enumerated() where field.isEmpty && (i == layout.qid || i == layout.label || i == layout.bucket) {
                throw InputError(file: name, line: number, message: "field \(i + 1) is empty; expected a qid, bucket and label")
            }
            let label = fields[layout.label]
            let bucket = layout.bucket.map { fields[$0] } ?? Split.singleBucketName
            for word in [label, bucket] {
                if SplitLabel.reserved.contains(word) {
                    throw InputError(file: name, line: number,
                                     message: "'\(word)' is a name reports use for themselves; expected another label or bucket name")
                }
            }
            try split.assign(topic: fields[layout.qid], label: label, bucket: bucket,
                             at: SourceLocation(file: name, line: number))
            dataLines += 1
        }
        guard dataLines > 0 else {
            throw InputError(file: name, message: "no topics: the file is empty or holds only a header and comments")
        }
        return split
    }

    /// The TAB-separated fields of a line, a final "\r" dropped.
    static func tabFields(_ line: UnsafeRawBufferPointer) -> [String] {
        var end = line.count
        if end > 0 && line[end - 1] == 0x0d { end -= 1 }
        var fields: [String] = []
        var start = 0
        for i in 0...end where i == end || line[i] == 0x09 {
            fields.append(String(rawBytes: UnsafeRawBufferPointer(rebasing: line[start..<i])))
            start = i + 1
        }
        return fields
    }
}
