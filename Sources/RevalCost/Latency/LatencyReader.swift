import RevalCore
import RevalFormats

/// Reads a per-query latency file: tab-separated, a header naming the columns `qid` and
/// `latency_ms` (in any position; other columns are ignored), one row per query.
///
/// ```text
/// qid	latency_ms	num_hits
/// 1	15.537	1000
/// 2	1.008	1000
/// ```
///
/// A UTF-8 byte order mark and CR line ends are accepted, empty lines are skipped, and the
/// file may be gzip or zstd compressed. Each of these stops reading with an error at its
/// line: no header or a header without `qid` or `latency_ms`; a row without those columns;
/// an empty qid; a latency that is not a plain decimal number (`abc`, `nan`, `inf`), or is
/// negative; a qid given twice; no rows at all.
///
/// ```swift
/// let table = try LatencyReader.read(path: "latency.cacm.bm25.tsv")
/// table.count   // 64
/// ```
public enum LatencyReader {
    public static func read(path: String) throws(InputError) -> LatencyTable {
        var lines = LineReader(try openInput(path), name: path)
        var parser = Parser(file: path)
        try lines.forEachLine { line, number throws(InputError) in try parser.take(line, number: number) }
        return try parser.finish()
    }

    /// Reads latency rows from `bytes` (the content of `file`).
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> LatencyTable {
        var lines = LineReader(try openInput(MemorySource(bytes), name: file), name: file)
        var parser = Parser(file: file)
        try lines.forEachLine { line, number throws(InputError) in try parser.take(line, number: number) }
        return try parser.finish()
    }

    struct Parser {
        let file: String
        var qidColumn = -1
        var latencyColumn = -1
        var headerSeen = false
        var queries: [String] = []
        var milliseconds: [Double] = []
        var firstLine: [String: Int] = [:]

        init(file: String) { self.file = file }

        mutating func take(_ raw: UnsafeRawBufferPointer, number: Int) throws(InputError) {
            var line = raw
            if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) {
                line = UnsafeRawBufferPointer(rebasing: line[3...])
            }
            if line.last == 0x0D { line = UnsafeRawBufferPointer(rebasing: line[..<(line.count - 1)]) }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            let fields = Self.fields(line)
            guard headerSeen else {
                try header(fields, number: number)
                return
            }
            let needed = Swift.max(qidColumn, latencyColumn) + 1
            guard fields.count >= needed else {
                throw InputError(file: file, line: number, message:
                    "\(fields.count) tab-separated field\(fields.count == 1 ? "" : "s"); expected at least \(needed) (qid in column \(qidColumn + 1), latency_ms in column \(latencyColumn + 1))")
            }
            let qid = String(rawBytes: fields[qidColumn])
            guard !qid.isEmpty else {
                throw InputError(file: file, line: number, message: "empty qid; expected a query id in column \(qidColumn + 1)")
            }
            let latency = try Self.milliseconds(fields[latencyColumn], file: file, line: number)
            if let first = firstLine[qid] {
                throw InputError(file: file, line: number, message: "qid '\(qid)' repeated (first on line \(first)); expected one row per query")
            }
            firstLine[qid] = number
            queries.append(qid)
            milliseconds.append(latency)
        }

        mutating func header(_ fields: [UnsafeRawBufferPointer], number: Int) throws(InputError) {
            let names = fields.map { String(rawBytes: $0) }
            qidColumn = names.firstIndex(of: "qid") ?? -1
            latencyColumn = names.firstIndex(of: "latency_ms") ?? -1
            let missing = [qidColumn < 0 ? "qid" : nil, latencyColumn < 0 ? "latency_ms" : nil].compactMap { $0 }
            guard missing.isEmpty else {
                let found = names.map { "'\($0.excerptForMessage)'" }.joined(separator: ", ")
                throw InputError(file: file, line: number, message:
                    "header has no \(missing.joined(separator: " or ")) column (found \(found)); expected a tab-separated header naming qid and latency_ms")
            }
            headerSeen = true
        }

        func finish() throws(InputError) -> LatencyTable {
            guard headerSeen else {
                throw InputError(file: file, message: "empty; expected a tab-separated header naming qid and latency_ms, then one row per query")
            }
            guard !queries.isEmpty else {
                throw InputError(file: file, message: "has a header but no rows; expected one row per query")
            }
            return LatencyTable(file: file, queries: queries, milliseconds: milliseconds)
        }

        /// Fields between TABs, each without surrounding spaces.
        static func fields(_ line: UnsafeRawBufferPointer) -> [UnsafeRawBufferPointer] {
            var fields: [UnsafeRawBufferPointer] = []
            var start = 0
            for i in 0...line.count where i == line.count || line[i] == 0x09 {
                var a = start, b = i
                while a < b && line[a] == 0x20 { a += 1 }
                while b > a && line[b - 1] == 0x20 { b -= 1 }
                fields.append(UnsafeRawBufferPointer(rebasing: line[a..<b]))
                start = i + 1
            }
            return fields
        }

        /// A latency: digits, an optional fraction and exponent; nothing else.
        static func milliseconds(_ field: UnsafeRawBufferPointer, file: String, line: Int) throws(InputError) -> Double {
            let text = String(rawBytes: field)
            func fail(_ what: String) -> InputError {
                InputError(file: file, line: line, message: "latency \(what); expected milliseconds, a decimal number of 0 or more")
            }
            if text.isEmpty { throw fail("is empty") }
            if text.hasPrefix("-") && isDecimal(text.dropFirst()) { throw fail("'\(text)' is negative") }
            guard isDecimal(Substring(text)), let value = Double(text), value.isFinite else {
                throw fail("'\(text.excerptForMessage)' is not a number")
            }
            return value
        }

        static func isDecimal(_ text: Substring) -> Bool {
            let bytes = Array(text.utf8)
            var i = 0
            func digits() -> Int {
                let start = i
                while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
                return i - start
            }
            var count = digits()
            if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
                i += 1
                count += digits()
            }
            guard count > 0 else { return false }
            if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
                i += 1
                if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
                guard digits() > 0 else { return false }
            }
            return i == bytes.count
        }
    }
}

extension String {
    /// At most 40 characters, for quoting file content in a message.
    var excerptForMessage: String { count <= 40 ? self : String(prefix(40)) + "..." }
}
