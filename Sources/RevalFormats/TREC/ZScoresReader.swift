import RevalCore

/// Reads the reference file of trec_eval's -Z: `topic measure mean sd` per line, the measure
/// a printed value name (`map`, `P_10`). trec_eval's own test folder has one
/// (`zscores_file`, from TREC-6 runs).
///
/// Rules as for qrels: exactly 4 fields; mean and sd are numbers (not NaN); a line starting
/// with `#` is a comment; a blank line is an error. A (topic, measure) pair listed twice is an
/// error (trec_eval would use one of the two, depending on its sort).
///
/// ```swift
/// let table = try ZScoresReader.read(path: "zscores_file")
/// table.zScore(0.3, topic: "301", measure: "map")
/// ```
public enum ZScoresReader {
    public static func read(path: String) throws(InputError) -> ZScoreTable {
        var lines = LineReader(try openInput(path), name: path)
        return try read(&lines, name: path)
    }

    /// Reads a file held in memory, as `read(path:)` reads a file.
    public static func parse(bytes: [UInt8], name: String) throws(InputError) -> ZScoreTable {
        var lines = LineReader(try openInput(MemorySource(bytes), name: name), name: name)
        return try read(&lines, name: name)
    }

    static func read(_ lines: inout LineReader, name: String) throws(InputError) -> ZScoreTable {
        var entries: [ZScoreTable.Entry] = []
        var fields: [UnsafeRawBufferPointer] = []
        fields.reserveCapacity(5)
        try lines.forEachLine { line, number throws(InputError) in
            guard FieldSplitter.firstVisibleByte(line) != nil else {
                throw InputError(file: name, line: number, message: "blank line; expected 'topic measure mean sd'")
            }
            if line.first == UInt8(ascii: "#") { return }
            let count = FieldSplitter.split(line, limit: 4, into: &fields)
            guard count == 4 else {
                throw InputError(file: name, line: number, message: "expected 4 fields 'topic measure mean sd', found \(count)")
            }
            guard let mean = NumberParsing.double(fields[2]), !mean.isNaN else {
                throw InputError(file: name, line: number, message: "mean '\(fields[2].excerpt)' is not a number")
            }
            guard let deviation = NumberParsing.double(fields[3]), !deviation.isNaN else {
                throw InputError(file: name, line: number, message: "standard deviation '\(fields[3].excerpt)' is not a number")
            }
            entries.append(ZScoreTable.Entry(topic: fields[0].text, measure: fields[1].text, mean: mean,
                                             deviation: deviation, line: number))
        }
        guard !entries.isEmpty else {
            throw InputError(file: name, message: "no entries: the file is empty or holds only comments")
        }
        let table = ZScoreTable(entries)
        if let (first, repeated) = table.firstRepeat() {
            throw InputError(file: name, line: repeated.line,
                             message: "topic '\(repeated.topic.excerpt)' lists measure '\(repeated.measure.excerpt)' twice "
                                 + "(also line \(first.line)); expected one mean and sd per topic and measure")
        }
        return table
    }
}
