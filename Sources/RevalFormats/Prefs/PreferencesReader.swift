import RevalCore

/// Reads preference judgments: trec_eval's `-R prefs` files (`topic group subgroup docno
/// level`) and, for `-R qrels_prefs`, qrels files read as preferences (`topic group docno
/// level`: the iteration column names the judgment group, every line is in sub-group `0`).
///
/// Rules, as for qrels (see `TrecQrelsReader` and docs/compatibility.md): fields are separated
/// by any C whitespace and there are exactly 5 (prefs) or 4 (qrels_prefs) of them; the level
/// is a number (`2`, `0.5`, `1e-1`; not NaN); a line starting with `#` is a comment; a blank
/// line is an error; gzip and zstd files are read as they are.
///
/// ```swift
/// let prefs = try PreferencesReader.read(path: "prefs.txt", format: .prefs)
/// let graded = try PreferencesReader.read(path: "qrels.txt", format: .qrelsPrefs)
/// ```
public enum PreferencesReader {
    /// The two layouts.
    public enum Layout: Sendable {
        /// `topic group subgroup docno level`.
        case prefs
        /// `topic group docno level`, sub-group `0`.
        case qrelsPrefs

        var fieldCount: Int { self == .prefs ? 5 : 4 }
        var expected: String { self == .prefs ? "'topic group subgroup docno level'" : "'topic group docno level'" }
    }

    public static func read(path: String, format: Layout) throws(InputError) -> PreferenceJudgments {
        var lines = LineReader(try openInput(path), name: path)
        return try read(&lines, name: path, format: format)
    }

    /// Reads judgments held in memory, as `read(path:format:)` reads a file; `name` is the
    /// file name errors carry.
    public static func parse(bytes: [UInt8], name: String, format: Layout) throws(InputError) -> PreferenceJudgments {
        var lines = LineReader(try openInput(MemorySource(bytes), name: name), name: name)
        return try read(&lines, name: name, format: format)
    }

    static func read(_ lines: inout LineReader, name: String, format: Layout) throws(InputError) -> PreferenceJudgments {
        var prefs = PreferenceJudgments(source: name)
        var fields: [UnsafeRawBufferPointer] = []
        let count = format.fieldCount
        fields.reserveCapacity(count + 1)
        var judgments = 0
        try lines.forEachLine { line, number throws(InputError) in
            guard FieldSplitter.firstVisibleByte(line) != nil else {
                throw InputError(file: name, line: number, message: "blank line; expected \(format.expected)")
            }
            if line.first == UInt8(ascii: "#") { return }
            let found = FieldSplitter.split(line, limit: count, into: &fields)
            guard found == count else {
                throw InputError(file: name, line: number, message: "expected \(count) fields \(format.expected), found \(found)")
            }
            let levelField = fields[count - 1]
            guard let level = NumberParsing.double(levelField), !level.isNaN else {
                throw InputError(file: name, line: number, message: "level '\(levelField.excerpt)' is not a number")
            }
            let judgment = PreferenceJudgment(
                group: fields[1].text, subgroup: format == .prefs ? fields[2].text : "0",
                docno: fields[count - 2].text, level: level, line: number)
            prefs.add(topic: fields[0].text, judgment)
            judgments += 1
        }
        guard judgments > 0 else {
            throw InputError(file: name, message: "no judgments: the file is empty or holds only comments")
        }
        return prefs
    }
}
