import Foundation
import Testing
import RevalCore
import RevalFormats

/// TrecRunReader: `topic Q0 docno rank score tag`, at least 6 fields per line.
@Suite("TREC run reader")
struct TrecRunReaderTests {
    /// Inputs that all hold: topic 1: d1 (3), d2 (2.5); topic 2: d3 (1); tag runA.
    static let layoutCases: [(name: String, text: String)] = [
        ("spaces", "1 Q0 d1 1 3 runA\n1 Q0 d2 2 2.5 runA\n2 Q0 d3 1 1 runA\n"),
        ("tabs", "1\tQ0\td1\t1\t3\trunA\n1\tQ0\td2\t2\t2.5\trunA\n2\tQ0\td3\t1\t1\trunA\n"),
        ("mixed whitespace", "  1 \tQ0  d1\t1 3   runA \n1\t\tQ0 d2 2 \t2.5 runA\t\n2 Q0 d3 1 1 runA\n"),
        ("CRLF", "1 Q0 d1 1 3 runA\r\n1 Q0 d2 2 2.5 runA\r\n2 Q0 d3 1 1 runA\r\n"),
        ("no final newline", "1 Q0 d1 1 3 runA\n1 Q0 d2 2 2.5 runA\n2 Q0 d3 1 1 runA"),
        ("CRLF, no final newline", "1 Q0 d1 1 3 runA\r\n1 Q0 d2 2 2.5 runA\r\n2 Q0 d3 1 1 runA"),
    ]

    @Test("field separators and line ends", arguments: TrecRunReaderTests.layoutCases)
    func layouts(name: String, text: String) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(text)
        let run = try TrecRunReader.read(path: path)
        #expect(run.topics.map(\.topic) == ["1", "2"])
        #expect(docnos(run, "1") == ["d1", "d2"])
        #expect(run["1"]?.scores == [3, 2.5])
        #expect(docnos(run, "2") == ["d3"])
        #expect(run["2"]?.scores == [1])
        #expect(run.tag == "runA")  // no "\r" left on the tag
        #expect(run.source == path)
    }

    @Test("blank lines and comment lines are skipped; line numbers stay physical")
    func commentsAndBlankLines() throws {
        let text = "# header\n\n1 Q0 d1 1 3 runA\n   \n  # indented\n\t\n1 Q0 d2 2 2.5 runA\n#x\n#y\n2 Q0 d3 1 1 runB\n# last"
        let dir = try TemporaryDirectory()
        let run = try TrecRunReader.read(path: try dir.write(text))
        #expect(docnos(run, "1") == ["d1", "d2"])
        #expect(run["1"]?.lines == [3, 7])
        #expect(run["2"]?.lines == [10])
        #expect(run.tag == "runB")
    }

    @Test("the run tag is the tag of the last data line")
    func tagOfLastLine() throws {
        let dir = try TemporaryDirectory()
        let run = try TrecRunReader.read(path: try dir.write("1 Q0 a 1 3 A\n1 Q0 b 2 2 B\n2 Q0 c 1 1 C\n# D\n\n"))
        #expect(run.tag == "C")
    }

    @Test("fields after the tag are ignored; iteration and rank are not read")
    func extraAndIgnoredFields() throws {
        let dir = try TemporaryDirectory()
        let run = try TrecRunReader.read(path: try dir.write(
            "1 Q0 a 1 3 runA extra fields here\n1 iter b not-a-rank 2 runA x\n"))
        #expect(docnos(run, "1") == ["a", "b"])
        #expect(run["1"]?.scores == [3, 2])
        #expect(run.tag == "runA")
    }

    @Test("'#' inside a docno or topic is data")
    func hashInsideFields() throws {
        let dir = try TemporaryDirectory()
        let run = try TrecRunReader.read(path: try dir.write("1 Q0 doc#1 1 3 r\nt#2 Q0 d 1 1 r\n"))
        #expect(docnos(run, "1") == ["doc#1"])
        #expect(docnos(run, "t#2") == ["d"])
    }

    @Test("lines of one topic need not be adjacent")
    func interleavedTopics() throws {
        let dir = try TemporaryDirectory()
        let run = try TrecRunReader.read(path: try dir.write("1 Q0 a 1 3 r\n2 Q0 b 1 3 r\n1 Q0 c 2 2 r\n"))
        #expect(run.topics.map(\.topic) == ["1", "2"])
        #expect(docnos(run, "1") == ["a", "c"])
        #expect(run["1"]?.lines == [1, 3])
    }

    @Test("a repeated docno is kept for the ranking step to report")
    func repeatedDocno() throws {
        let dir = try TemporaryDirectory()
        let run = try TrecRunReader.read(path: try dir.write("1 Q0 a 1 3 r\n1 Q0 a 2 2 r\n"))
        #expect(docnos(run, "1") == ["a", "a"])
    }

    /// Score text and the value it must give (the value written out by hand).
    static let scoreCases: [(text: String, expected: Double)] = [
        ("1e3", 1000),
        ("-2.5E-2", -0.025),
        ("0x10", 16),  // hexadecimal: strtod accepts it
        ("inf", .infinity),
        ("-inf", -.infinity),
        ("Infinity", .infinity),
        ("+7", 7),
        ("-0", 0),
        (".5", 0.5),
        ("5.", 5),
        ("00012.250", 12.25),
    ]

    @Test("score forms strtod accepts", arguments: TrecRunReaderTests.scoreCases)
    func scoreForms(text: String, expected: Double) throws {
        let dir = try TemporaryDirectory()
        let run = try TrecRunReader.read(path: try dir.write("1 Q0 d 1 \(text) r\n"))
        #expect(run["1"]?.scores == [expected])
    }

    @Test("a 17-digit score rounds as Double(String) rounds it")
    func seventeenDigitScore() throws {
        let dir = try TemporaryDirectory()
        let run = try TrecRunReader.read(path: try dir.write(
            "1 Q0 a 1 0.12345678901234567 r\n1 Q0 b 2 12345.678901234567 r\n"))
        let scores = try #require(run["1"]?.scores)
        #expect(scores[0].bitPattern == Double("0.12345678901234567")!.bitPattern)
        #expect(scores[1].bitPattern == Double("12345.678901234567")!.bitPattern)
    }

    /// Malformed runs and the physical line each must be reported at (nil: the whole file).
    static let malformedCases: [(name: String, text: String, line: Int?)] = [
        ("5 fields", "1 Q0 a 1 3 r\n# c\n1 Q0 b 2 2\n", 3),
        ("1 field", "\n1\n", 2),
        ("score abc", "1 Q0 a 1 abc r\n", 1),
        ("score nan", "1 Q0 a 1 3 r\n1 Q0 b 2 nan r\n", 2),
        ("score NaN", "1 Q0 a 1 NaN r\n", 1),
        ("score -nan", "1 Q0 a 1 -nan r\n", 1),
        ("score 1.2.3", "1 Q0 a 1 1.2.3 r\n", 1),
        ("score 1e", "1 Q0 a 1 1e r\n", 1),
        ("score -", "1 Q0 a 1 - r\n", 1),
        ("empty file", "", nil),
        ("comment-only file", "# a\n  # b\n", nil),
        ("blank lines only", "\n \n\t\r\n", nil),
    ]

    @Test("malformed runs throw InputError with file, physical line and exit code 2",
          arguments: TrecRunReaderTests.malformedCases)
    func malformed(name: String, text: String, line: Int?) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(text)
        let error = #expect(throws: InputError.self) { try TrecRunReader.read(path: path) }
        #expect(error?.file == path)
        #expect(error?.line == line)
        #expect(error?.exitCode == 2)
    }

    @Test("a missing run file throws InputError naming it")
    func missingFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("absent.run").path
        let error = #expect(throws: InputError.self) { try TrecRunReader.read(path: path) }
        #expect(error?.file == path)
        #expect(error?.exitCode == 2)
    }
}
