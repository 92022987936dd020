/// `-R prefs`, `-R qrels_jg` and `-Z` files; the run (and for -Z the qrels) are good ones, so
/// the fault is the file under test's.
extension MalformedCase {
    static func prefs(_ name: String, _ file: String, _ at: Location, _ words: [String]) -> MalformedCase {
        MalformedCase(name: "prefs: \(name)", arguments: ["-m", "all_prefs", "-R", "prefs", "@\(file)", "@good.run"],
                      expected: .error(file: "@\(file)", at: at, words: words))
    }

    static func judgmentGroups(_ name: String, _ file: String, _ at: Location, _ words: [String]) -> MalformedCase {
        MalformedCase(name: "qrels_jg: \(name)", arguments: ["-m", "qrels_jg", "-R", "qrels_jg", "@\(file)", "@good.run"],
                      expected: .error(file: "@\(file)", at: at, words: words))
    }

    static func zScores(_ name: String, _ file: String, _ at: Location, _ words: [String]) -> MalformedCase {
        MalformedCase(name: "-Z: \(name)", arguments: ["-m", "map", "-Z", "@\(file)", "@good.qrels", "@good.run"],
                      expected: .error(file: "@\(file)", at: at, words: words))
    }

    static let preferences: [MalformedCase] = [
        prefs("4 fields", "prefs-4-fields.txt", .line(3), ["expected 5 fields", "found 4"]),
        prefs("level high", "prefs-level-abc.txt", .line(2), ["level 'high' is not a number"]),
        prefs("level nan", "prefs-level-nan.txt", .line(2), ["level 'nan' is not a number"]),
        prefs("blank line", "prefs-blank-line.txt", .line(2), ["blank line", "expected"]),
        prefs("comments only", "prefs-comments-only.txt", .wholeFile, ["no judgments", "only comments"]),
        prefs("binary garbage with NUL", "garbage-with-nul.bin", .line(1), ["NUL byte", "expected text"]),
        prefs("a 4-field qrels file", "good.qrels", .line(1), ["expected 5 fields", "found 4"]),
        MalformedCase(name: "prefs: CRLF mixed with LF gives the LF output",
                      arguments: ["-q", "-m", "all_prefs", "-R", "prefs", "@prefs-crlf-mixed.txt", "@good.run"],
                      expected: .sameOutput(as: ["-q", "-m", "all_prefs", "-R", "prefs", "@good.prefs", "@good.run"])),
        judgmentGroups("a document judged twice by one group", "qrels_jg-duplicate.txt", .line(4),
                       ["document 'd1' is judged twice by group '0'", "also line 1"]),
        judgmentGroups("5 fields", "qrels_jg-5-fields.txt", .line(1), ["expected 4 fields", "found 5"]),
        zScores("3 fields", "zscores-3-fields.txt", .line(1), ["expected 4 fields 'topic measure mean sd'", "found 3"]),
        zScores("a measure twice for a topic", "zscores-duplicate.txt", .line(3), ["lists measure 'map' twice", "also line 1"]),
        zScores("mean nan", "zscores-nan.txt", .line(1), ["mean 'nan' is not a number"]),
        zScores("blank line", "zscores-blank-line.txt", .line(2), ["blank line"]),
        zScores("binary garbage with NUL", "garbage-with-nul.bin", .line(1), ["NUL byte"]),
        MalformedCase(name: "-Z: a comment line is skipped",
                      arguments: ["-q", "-m", "map", "-Z", "@zscores-comment.txt", "@good.qrels", "@good.run"],
                      expected: .sameOutput(as: ["-q", "-m", "map", "-Z", "@good.zscores", "@good.qrels", "@good.run"])),
    ]
}
