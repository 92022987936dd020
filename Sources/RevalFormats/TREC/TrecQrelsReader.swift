import RevalCore

/// Reads TREC qrels: `topic iteration docno grade` per line.
///
/// Rules (trec_eval's, with the departures in docs/compatibility.md):
/// - fields are separated by spaces, tabs or any C whitespace; CRLF line ends are fine;
/// - exactly 4 fields; the iteration field is ignored;
/// - the grade is an integer, possibly negative (negative: pooled but unjudged);
/// - a line starting with `#` (in its first column) is a comment; an indented `#` line
///   is data, as in trec_eval;
/// - a blank line is an error, as in trec_eval;
/// - ids are bytes: compared and printed as they are, UTF-8 or not; a NUL byte is an error.
///
/// ```swift
/// let qrels = try TrecQrelsReader.read(path: "qrels.dl19-passage.txt")
/// ```
public enum TrecQrelsReader {
    /// The most judgments one file may hold: each topic's table indexes them with 32-bit
    /// integers.
    public static let maxJudgments = Int(Int32.max) - 1

    /// Reads the qrels at `path`; topics' tables are built on `threads` threads.
    public static func read(path: String, threads: Int = 1) throws(InputError) -> Qrels {
        var lines = LineReader(try openInput(path), name: path)
        return try read(&lines, name: path, threads: threads)
    }

    /// Reads qrels held in memory (plain, gzip or zstd), as `read(path:)` reads a file;
    /// `name` is the file name errors carry; `chunkSize` is the reading buffer's size.
    ///
    /// ```swift
    /// let qrels = try TrecQrelsReader.parse(bytes: Array("1 0 d1 1\n".utf8), name: "qrels")
    /// ```
    public static func parse(bytes: [UInt8], name: String, chunkSize: Int = 1 << 16) throws(InputError) -> Qrels {
        var lines = LineReader(try openInput(MemorySource(bytes), name: name), name: name, chunkSize: chunkSize)
        return try read(&lines, name: name)
    }

    public static func read(_ lines: inout LineReader, name: String, threads: Int = 1) throws(InputError) -> Qrels {
        var columns = QrelsColumns()
        var fields: [UnsafeRawBufferPointer] = []
        fields.reserveCapacity(5)
        try lines.forEachLine { line, number throws(InputError) in
            guard FieldSplitter.firstVisibleByte(line) != nil else {
                throw InputError(file: name, line: number,
                                 message: "blank line; expected 'topic iteration docno grade'")
            }
            if line.first == UInt8(ascii: "#") { return }
            let count = FieldSplitter.split(line, limit: 4, into: &fields)
            guard count == 4 else {
                throw InputError(file: name, line: number,
                                 message: "expected 4 fields 'topic iteration docno grade', found \(count)")
            }
            guard let grade = NumberParsing.integer(fields[3]) else {
                throw InputError(file: name, line: number,
                                 message: "grade '\(fields[3].excerpt)' is not an integer")
            }
            guard columns.count < maxJudgments else {
                throw InputError(file: name, line: number, message: "more than \(maxJudgments) judgments, the most reval reads")
            }
            columns.add(topic: fields[0], docno: fields[2], grade: grade, line: number)
        }
        guard columns.count > 0 else {
            throw InputError(file: name, message: "no judgments: the file is empty or holds only comments")
        }
        return columns.qrels(source: name, threads: threads)
    }
}
