/// BEIR qrels (`query-id<TAB>corpus-id<TAB>score` after a header) and results JSON.
extension MalformedCase {
    static let beir: [MalformedCase] = [
        MalformedCase(name: "BEIR qrels: a first line with score 1.5 is an error, not a header skipped",
                      arguments: ["@qrels-beir-first-score-fraction.tsv", "@good.run"],
                      expected: .exact(exitCode: 2, stderr: "reval: @qrels-beir-first-score-fraction.tsv:1: score '1.5' is not an integer\n")),
        MalformedCase(name: "BEIR qrels: errors name the file (not 'input')",
                      arguments: ["@qrels-beir-nul.tsv", "@good.run"],
                      expected: .exact(exitCode: 2, stderr: "reval: @qrels-beir-nul.tsv:3: NUL byte in column 4; expected text, not binary data\n")),
        MalformedCase(name: "BEIR JSON: a query id given twice is an error (Python's json would keep only the last)",
                      arguments: ["@good.qrels", "@run-beir-query-twice.json"],
                      expected: .exact(exitCode: 2, stderr: "reval: @run-beir-query-twice.json:3: query id \"1\" appears twice in the results object "
                        + "(also line 1); expected each query once\n")),
    ]
}
