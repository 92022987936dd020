/// TREC qrels (`topic iteration docno grade`); the run is a good one, so the fault is the
/// qrels'.
extension MalformedCase {
    static func qrels(_ name: String, _ file: String, _ at: Location, _ words: [String]) -> MalformedCase {
        MalformedCase(name: "qrels: \(name)", arguments: ["@\(file)", "@good.run"],
                      expected: .error(file: "@\(file)", at: at, words: words))
    }

    static let trecQrels: [MalformedCase] = [
        qrels("3 fields", "qrels-3-fields.txt", .line(3), ["expected 4 fields", "found 3"]),
        qrels("5 fields", "qrels-5-fields.txt", .line(2), ["expected 4 fields", "found 5"]),
        qrels("BEIR qrels with only its header", "qrels-beir-header.tsv", .wholeFile, ["no judgments", "only its header"]),
        qrels("grade abc", "qrels-grade-abc.txt", .line(2), ["grade 'abc' is not an integer"]),
        qrels("grade 1.5", "qrels-grade-fraction.txt", .line(3), ["grade '1.5' is not an integer"]),
        qrels("grade past Int.max", "qrels-grade-overflow.txt", .line(2), ["not an integer"]),
        qrels("blank line", "qrels-blank-line.txt", .line(2), ["blank line", "expected"]),
        qrels("NUL byte", "qrels-nul.txt", .line(3), ["NUL byte in column 6", "expected text"]),
        qrels("binary garbage with NUL", "garbage-with-nul.bin", .line(1), ["NUL byte", "expected text"]),
        qrels("binary garbage without NUL", "garbage-no-nul.bin", .line(1), ["expected 4 fields"]),
        qrels("empty file", "qrels-empty.txt", .wholeFile, ["no judgments", "empty"]),
        qrels("comments only", "qrels-comments-only.txt", .wholeFile, ["no judgments", "only comments"]),
        qrels("line over 64 MiB", "qrels-line-over-limit", .line(2), ["longer than 64 MiB"]),
        MalformedCase(name: "qrels: a folder", arguments: ["@a-folder", "@good.run"],
                      expected: .error(file: "@a-folder", at: .wholeFile, words: ["not a BEIR dataset folder", "qrels/test.tsv is missing"])),
        MalformedCase(name: "qrels: /dev/zero (endless NULs)", arguments: ["/dev/zero", "@good.run"],
                      expected: .error(file: "/dev/zero", at: .line(1), words: ["NUL byte"])),

        MalformedCase(name: "qrels: CRLF mixed with LF gives the LF numbers",
                      arguments: ["-q", "-m", "all_trec", "@qrels-crlf-mixed.txt", "@good.run"],
                      expected: .sameOutput(as: ["-q", "-m", "all_trec", "@good.qrels", "@good.run"])),
        MalformedCase(name: "qrels: a topic absent from the run is left out, with a warning",
                      arguments: ["-q", "-m", "all_trec", "@qrels-topic-not-in-run.txt", "@good.run"],
                      expected: .sameOutput(as: ["-q", "-m", "all_trec", "@good.qrels", "@good.run"],
                                            warning: ["1 qrels topic", ": 4", "-c"])),
        MalformedCase(name: "qrels: a 1 MiB docno is read as any other",
                      arguments: ["-q", "-m", "all_trec", "@qrels-long-docno", "@good.run"],
                      expected: .sameOutput(as: ["-q", "-m", "all_trec", "@qrels-long-docno-short", "@good.run"])),
    ]
}
