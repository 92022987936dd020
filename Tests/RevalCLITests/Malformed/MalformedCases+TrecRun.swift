/// TREC runs (`topic Q0 docno rank score tag`); the qrels are good ones, so the fault is
/// the run's.
extension MalformedCase {
    static func run(_ name: String, _ file: String, _ at: Location, _ words: [String]) -> MalformedCase {
        MalformedCase(name: "run: \(name)", arguments: ["@good.qrels", "@\(file)"],
                      expected: .error(file: "@\(file)", at: at, words: words))
    }

    /// Same stdout (per topic, every measure) as the good run.
    static func sameAsGoodRun(_ name: String, _ file: String, qrels: String = "good.qrels") -> MalformedCase {
        MalformedCase(name: "run: \(name)", arguments: ["-q", "-m", "all_trec", "@\(qrels)", "@\(file)"],
                      expected: .sameOutput(as: ["-q", "-m", "all_trec", "@good.qrels", "@good.run"]))
    }

    static let trecRun: [MalformedCase] = [
        run("3 fields", "run-3-fields.txt", .line(3), ["expected 6 fields", "found 3"]),
        run("1 field", "run-1-field.txt", .line(2), ["expected 6 fields", "found 1"]),
        run("score abc", "run-score-abc.txt", .line(2), ["score 'abc' is not a number"]),
        run("score 1.5x", "run-score-suffix.txt", .line(2), ["score '1.5x' is not a number"]),
        run("score nan", "run-score-nan.txt", .line(3), ["NaN"]),
        run("score -NaN", "run-score-negative-nan.txt", .line(1), ["NaN"]),
        run("NUL byte in a docno", "run-nul.txt", .line(2), ["NUL byte in column 7", "expected text"]),
        run("NUL byte in a comment", "run-nul-in-comment.txt", .line(2), ["NUL byte"]),
        run("binary garbage with NUL", "garbage-with-nul.bin", .line(1), ["NUL byte", "expected text"]),
        run("binary garbage without NUL", "garbage-no-nul.bin", .line(1), ["expected 6 fields"]),
        run("CR-only line ends", "run-cr-only.txt", .line(1), ["carriage return", "CR-only"]),
        run("empty file", "run-empty.txt", .wholeFile, ["no results", "empty"]),
        run("comments and blank lines only", "run-comments-only.txt", .wholeFile, ["no results", "only comments"]),
        run("line over 64 MiB", "run-line-over-limit", .line(2), ["longer than 64 MiB"]),
        MalformedCase(name: "run: /dev/zero (endless NULs)", arguments: ["@good.qrels", "/dev/zero"],
                      expected: .error(file: "/dev/zero", at: .line(1), words: ["NUL byte"])),

        sameAsGoodRun("CRLF mixed with LF gives the LF numbers", "run-crlf-mixed.txt"),
        sameAsGoodRun("a topic absent from the qrels is ignored silently", "run-topic-not-in-qrels.txt"),
        MalformedCase(name: "run: a 1 MiB docno is read as any other",
                      arguments: ["-q", "-m", "all_trec", "@good.qrels", "@run-long-docno"],
                      expected: .sameOutput(as: ["-q", "-m", "all_trec", "@good.qrels", "@run-long-docno-short"])),
        MalformedCase(name: "run: inf and -inf rank first and last, as 1e300 and -1e300 do",
                      arguments: ["-q", "-m", "all_trec", "@good.qrels", "@run-score-inf.txt"],
                      expected: .sameOutput(as: ["-q", "-m", "all_trec", "@good.qrels", "@run-score-huge.txt"])),
        MalformedCase(name: "run and qrels: ids that are not UTF-8 compare and print as their bytes",
                      arguments: ["-q", "-m", "runid", "-m", "num_rel", "-m", "P.2",
                                  "@qrels-invalid-utf8.txt", "@run-invalid-utf8.txt"],
                      expected: .stdout(invalidUTF8Output)),
    ]

    /// Written out by hand from the files: topic 0xFE judges caf\xE9 1 and d1 0, topic 0xFF
    /// both 1; both retrieve caf\xE9 then d1; the tag is t\xE8g. Topics in byte order.
    static let invalidUTF8Output: [UInt8] = {
        func line(_ measure: String, _ topic: [UInt8], _ value: [UInt8]) -> [UInt8] {
            Array(measure.utf8) + Array(repeating: 0x20, count: 22 - measure.utf8.count)
                + [0x09] + topic + [0x09] + value + [0x0a]
        }
        let all = Array("all".utf8)
        return line("num_rel", [0xfe], Array("1".utf8)) + line("P_2", [0xfe], Array("0.5000".utf8))
            + line("num_rel", [0xff], Array("2".utf8)) + line("P_2", [0xff], Array("1.0000".utf8))
            + line("runid", all, [0x74, 0xe8, 0x67]) + line("num_rel", all, Array("3".utf8))
            + line("P_2", all, Array("0.7500".utf8))
    }()
}
