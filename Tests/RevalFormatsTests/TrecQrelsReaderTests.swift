import Foundation
import Testing
import RevalCore
import RevalFormats

/// TrecQrelsReader: `topic iteration docno grade`, exactly 4 fields per line.
@Suite("TREC qrels reader")
struct TrecQrelsReaderTests {
    /// Inputs that all hold the same three judgments: 1/d1 = 1, 1/d2 = 0, 2/d3 = 2.
    static let layoutCases: [(name: String, text: String)] = [
        ("spaces", "1 0 d1 1\n1 0 d2 0\n2 0 d3 2\n"),
        ("tabs", "1\t0\td1\t1\n1\t0\td2\t0\n2\t0\td3\t2\n"),
        ("mixed whitespace", " 1 \t0  d1\t 1 \n1\t \t0 d2 0\n2 0\td3 \t2\t\n"),
        ("vertical tab and form feed", "1\u{0B}0\u{0C}d1 1\n1 0 d2 0\n2 0 d3 2\n"),
        ("CRLF", "1 0 d1 1\r\n1 0 d2 0\r\n2 0 d3 2\r\n"),
        ("no final newline", "1 0 d1 1\n1 0 d2 0\n2 0 d3 2"),
        ("CRLF, no final newline", "1 0 d1 1\r\n1 0 d2 0\r\n2 0 d3 2"),
    ]

    @Test("field separators and line ends", arguments: TrecQrelsReaderTests.layoutCases)
    func layouts(name: String, text: String) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(text)
        let q = try TrecQrelsReader.read(path: path)
        #expect(q.sortedTopicIDs == ["1", "2"])
        #expect(grade(q, "1", "d1") == 1)
        #expect(grade(q, "1", "d2") == 0)
        #expect(grade(q, "2", "d3") == 2)
        #expect(q["1"]?.grades.count == 2)
        #expect(q["2"]?.grades.count == 1)
        #expect(q.source == path)
    }

    @Test("comment lines: first, consecutive and last, with physical line numbers")
    func comments() throws {
        let text = """
            # header
            1 0 d1 1
            # a comment
            1 0 d2 0
            # one
            # two
            2 0 d3 2
            # last line, no newline
            """
        let dir = try TemporaryDirectory()
        let q = try TrecQrelsReader.read(path: try dir.write(text))
        #expect(q.sortedTopicIDs == ["1", "2"])
        #expect(q["#"] == nil)
        #expect(judgmentLine(q, "1", "d1") == 2)
        #expect(judgmentLine(q, "1", "d2") == 4)
        #expect(judgmentLine(q, "2", "d3") == 7)
    }

    @Test("an indented '#' line is data, as in trec_eval (only column 1 starts a comment)")
    func indentedHashIsData() throws {
        let dir = try TemporaryDirectory()
        let q = try TrecQrelsReader.read(path: try dir.write("1 0 d1 1\n  # 0 x 2\n"))
        #expect(grade(q, "#", "x") == 2)
        let path = try dir.write("1 0 d1 1\n  # a comment\n", name: "indented3.qrels")
        #expect(throws: InputError(file: path, line: 2, message: "expected 4 fields 'topic iteration docno grade', found 3")) {
            try TrecQrelsReader.read(path: path)
        }
    }

    @Test("a comment on the last line followed by a newline")
    func commentLastWithNewline() throws {
        let dir = try TemporaryDirectory()
        let q = try TrecQrelsReader.read(path: try dir.write("1 0 d1 1\n# end\n"))
        #expect(grade(q, "1", "d1") == 1)
        #expect(q.topics.count == 1)
    }

    @Test("'#' inside a docno is part of the docno")
    func hashInsideDocno() throws {
        let dir = try TemporaryDirectory()
        let q = try TrecQrelsReader.read(path: try dir.write("1 0 doc#1 1\n1 0 # 0\n"))
        #expect(grade(q, "1", "doc#1") == 1)
        #expect(grade(q, "1", "#") == 0)
    }

    @Test("grades: negative, signed, and integral decimals such as 2.0")
    func grades() throws {
        let dir = try TemporaryDirectory()
        let q = try TrecQrelsReader.read(path: try dir.write("1 0 a -1\n1 0 b 2.0\n1 0 c +3\n1 0 d 0\n1 0 e 4.00\n"))
        #expect(grade(q, "1", "a") == -1)
        #expect(grade(q, "1", "b") == 2)
        #expect(grade(q, "1", "c") == 3)
        #expect(grade(q, "1", "d") == 0)
        #expect(grade(q, "1", "e") == 4)
    }

    @Test("the iteration field is ignored")
    func iterationIgnored() throws {
        let dir = try TemporaryDirectory()
        let q = try TrecQrelsReader.read(path: try dir.write("1 Q0 a 1\n1 whatever b 0\n"))
        #expect(grade(q, "1", "a") == 1)
        #expect(grade(q, "1", "b") == 0)
    }

    @Test("a repeated judgment is recorded for the evaluator (trec_eval fails only if evaluated)")
    func repeatedJudgment() throws {
        let dir = try TemporaryDirectory()
        let q = try TrecQrelsReader.read(path: try dir.write("1 0 a 1\n1 0 b 0\n1 0 a 0\n"))
        let dup = try #require(q["1"]?.duplicate)
        #expect(dup.docno == "a")
        #expect(dup.firstLine == 1)
        #expect(dup.line == 3)
        #expect(grade(q, "1", "a") == 1)  // the first judgment stays
    }

    /// Malformed inputs and the physical line each must be reported at (nil: the whole file).
    static let malformedCases: [(name: String, text: String, line: Int?)] = [
        ("3 fields", "1 0 d1 1\n1 0 d2\n", 2),
        ("5 fields", "1 0 d1 1\n1 0 d2 1 extra\n", 2),
        ("1 field", "1\n", 1),
        ("blank line", "# c\n1 0 d1 1\n\n1 0 d2 1\n", 3),
        ("whitespace-only line", "1 0 d1 1\n \t \n", 2),
        ("blank CRLF line", "1 0 d1 1\r\n\r\n1 0 d2 1\r\n", 2),
        ("grade abc", "1 0 d1 abc\n", 1),
        ("grade 1.5", "1 0 d1 1\n# c\n1 0 d2 1.5\n", 3),
        ("grade 1e2", "1 0 d1 1e2\n", 1),
        ("grade -", "1 0 d1 -\n", 1),
        ("empty file", "", nil),
        ("comment-only file", "# a\n# b\n", nil),
    ]

    @Test("malformed qrels throw InputError with file, physical line and exit code 2",
          arguments: TrecQrelsReaderTests.malformedCases)
    func malformed(name: String, text: String, line: Int?) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(text)
        let error = #expect(throws: InputError.self) { try TrecQrelsReader.read(path: path) }
        #expect(error?.file == path)
        #expect(error?.line == line)
        #expect(error?.exitCode == 2)
        #expect(error.map { !$0.message.isEmpty } == true)
    }

    @Test("a missing file throws InputError naming it")
    func missingFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("absent.qrels").path
        let error = #expect(throws: InputError.self) { try TrecQrelsReader.read(path: path) }
        #expect(error?.file == path)
        #expect(error?.line == nil)
        #expect(error?.exitCode == 2)
    }

    @Test("a directory is not a qrels file")
    func directory() throws {
        let dir = try TemporaryDirectory()
        let error = #expect(throws: InputError.self) { try TrecQrelsReader.read(path: dir.url.path) }
        #expect(error?.file == dir.url.path)
        #expect(error?.exitCode == 2)
    }

    @Test("the error text is 'file:line: message'")
    func errorDescription() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("1 0 d1 1\n1 0 d2\n")
        let error = #expect(throws: InputError.self) { try TrecQrelsReader.read(path: path) }
        #expect(error?.description.hasPrefix("\(path):2: ") == true)
    }
}
