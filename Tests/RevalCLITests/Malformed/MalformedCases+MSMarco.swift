/// MS MARCO runs (`qid<TAB>pid<TAB>rank`): the third column must rank each query's lines
/// 1..n, so that a three-column file of scores is not read with its ranking reversed.
extension MalformedCase {
    static let rankSuffix = "; expected ranks 1..n within each query (MS MARCO's 'qid<TAB>pid<TAB>rank'). If the third column "
        + "is a score, write the run in TREC form ('qid Q0 pid rank score tag', read with --run-format trec) or as BEIR results JSON"

    static let msMarco: [MalformedCase] = [
        // good.run's scores times ten (30, 20, 10 for query 1, which has 3 lines).
        MalformedCase(name: "MS MARCO: integer scores in the rank column are an error",
                      arguments: ["@good.qrels", "@run-msmarco-scores.tsv"],
                      expected: .exact(exitCode: 2, stderr: "reval: @run-msmarco-scores.tsv:1: rank 30 is not one of 1..3 for query '1' (its 3 lines)"
                        + rankSuffix + "\n")),
        MalformedCase(name: "MS MARCO: a rank given twice in a query is an error at its second line",
                      arguments: ["@good.qrels", "@run-msmarco-rank-twice.tsv"],
                      expected: .exact(exitCode: 2, stderr: "reval: @run-msmarco-rank-twice.tsv:3: rank 2 appears twice for query '1' (also line 2)"
                        + rankSuffix + "\n")),
        sameAsGood("MS MARCO: ranks 1..n in any line order read as the good run", run: "@run-msmarco-shuffled.tsv"),
        MalformedCase(name: "MS MARCO: errors name the file (not 'input')",
                      arguments: ["@good.qrels", "@run-msmarco-nul.tsv"],
                      expected: .exact(exitCode: 2, stderr: "reval: @run-msmarco-nul.tsv:2: NUL byte in column 4; expected text, not binary data\n")),
    ]
}
