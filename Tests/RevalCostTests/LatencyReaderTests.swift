import RevalCost
import RevalFormats
import Testing

@Suite("Latency files")
struct LatencyReaderTests {
    @Test("the bundled CACM BM25 file: 64 rows, in file order")
    func cacm() throws {
        let table = try LatencyReader.read(path: Paths.qrels("cacm/latency/latency.cacm.bm25.tsv"))
        #expect(table.count == 64)
        // The file's first data line is "1<TAB>15.537<TAB>1000", its second "2<TAB>1.008<TAB>1000".
        #expect(table.queries.prefix(2) == ["1", "2"])
        #expect(table.milliseconds.prefix(2) == [15.537, 1.008])
    }

    @Test("columns in any order, extra columns ignored, BOM, CRLF and empty lines accepted")
    func layout() throws {
        let text = "\u{FEFF}num_hits\tlatency_ms\tqid\r\n1000\t2.5\tq1\r\n\r\n10\t0\tq2\r\n"
        let table = try latency(text)
        #expect(table.queries == ["q1", "q2"])
        #expect(table.milliseconds == [2.5, 0])
    }

    @Test("a gzip file is read too")
    func gzip() throws {
        // gzip -9n of "qid\tlatency_ms\n7\t1.5\n" made with Python's gzip.compress(compresslevel=9, mtime=0).
        let bytes: [UInt8] = [
            0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x2b, 0xcc, 0x4c, 0xe1, 0xcc, 0x49,
            0x2c, 0x49, 0xcd, 0x4b, 0xae, 0x8c, 0xcf, 0x2d, 0xe6, 0x32, 0xe7, 0x34, 0xd4, 0x33, 0xe5, 0x02,
            0x00, 0x41, 0x2f, 0x23, 0xcf, 0x15, 0x00, 0x00, 0x00,
        ]
        let table = try LatencyReader.parse(bytes, file: "lat.tsv.gz")
        #expect(table.queries == ["7"] && table.milliseconds == [1.5])
    }

    /// Each broken file and the exact line reval prints for it.
    @Test("bad input is one located error", arguments: [
        ("qid\tlatency_ms\n1\t2\n2\t-3.5\n", "lat.tsv:3: latency '-3.5' is negative; expected milliseconds, a decimal number of 0 or more"),
        ("qid\tlatency_ms\n1\tnan\n", "lat.tsv:2: latency 'nan' is not a number; expected milliseconds, a decimal number of 0 or more"),
        ("qid\tlatency_ms\n1\tNaN\n", "lat.tsv:2: latency 'NaN' is not a number; expected milliseconds, a decimal number of 0 or more"),
        ("qid\tlatency_ms\n1\tinf\n", "lat.tsv:2: latency 'inf' is not a number; expected milliseconds, a decimal number of 0 or more"),
        ("qid\tlatency_ms\n1\tfast\n", "lat.tsv:2: latency 'fast' is not a number; expected milliseconds, a decimal number of 0 or more"),
        ("qid\tlatency_ms\n1\t\n", "lat.tsv:2: latency is empty; expected milliseconds, a decimal number of 0 or more"),
        ("qid\tlatency_ms\n1\t0x10\n", "lat.tsv:2: latency '0x10' is not a number; expected milliseconds, a decimal number of 0 or more"),
        ("qid\tlatency_ms\n1\t1e999\n", "lat.tsv:2: latency '1e999' is not a number; expected milliseconds, a decimal number of 0 or more"),
        ("qid\tms\n1\t2\n", "lat.tsv:1: header has no latency_ms column (found 'qid', 'ms'); expected a tab-separated header naming qid and latency_ms"),
        ("query\tlatency_ms\n1\t2\n", "lat.tsv:1: header has no qid column (found 'query', 'latency_ms'); expected a tab-separated header naming qid and latency_ms"),
        ("qid latency_ms\n1 2\n", "lat.tsv:1: header has no qid or latency_ms column (found 'qid latency_ms'); expected a tab-separated header naming qid and latency_ms"),
        ("qid\tlatency_ms\n1\t2\n3\n", "lat.tsv:3: 1 tab-separated field; expected at least 2 (qid in column 1, latency_ms in column 2)"),
        ("qid\tlatency_ms\n1\t2\n2\t3\n1\t4\n", "lat.tsv:4: qid '1' repeated (first on line 2); expected one row per query"),
        ("qid\tlatency_ms\n\t2\n", "lat.tsv:2: empty qid; expected a query id in column 1"),
        ("", "lat.tsv: empty; expected a tab-separated header naming qid and latency_ms, then one row per query"),
        ("qid\tlatency_ms\n", "lat.tsv: has a header but no rows; expected one row per query"),
    ])
    func badInput(_ text: String, _ expected: String) {
        #expect(failure(InputError.self) { _ = try latency(text) } == expected)
    }

    @Test("a missing file names it")
    func missingFile() {
        let message = failure(InputError.self) { _ = try LatencyReader.read(path: "/nonexistent/lat.tsv") }
        #expect(message?.hasPrefix("/nonexistent/lat.tsv: ") == true)
    }
}
