/// A UTF-8 byte order mark: skipped at the very start of any input, an error anywhere else.
/// trec_eval reads a leading mark as part of the first topic id (on run-bom.txt it prints
/// num_ret 2 for topic 1, which has 3 results), so the expected outputs are trec_eval's on
/// the files without the mark.
extension MalformedCase {
    /// `-q` and measures without `runid` (MS MARCO and BEIR runs have tags of their own).
    static let measureFlags = ["-q", "-m", "num_ret", "-m", "num_rel_ret", "-m", "map", "-m", "P.2",
                               "-m", "recip_rank", "-m", "ndcg"]

    static func sameAsGood(_ name: String, qrels: String = "@good.qrels", run: String = "@good.run") -> MalformedCase {
        MalformedCase(name: name, arguments: measureFlags + [qrels, run],
                      expected: .exact(exitCode: 0, stdout: .file("@good.measures.q.trec_eval"), stderr: ""))
    }

    static let byteOrderMarks: [MalformedCase] = [
        MalformedCase(name: "BOM: a TREC run starting with one reads as without",
                      arguments: ["-q", "-m", "all_trec", "@good.qrels", "@run-bom.txt"],
                      expected: .exact(exitCode: 0, stdout: .file("@good.all_trec.q.trec_eval"), stderr: "")),
        MalformedCase(name: "BOM: TREC qrels starting with one read as without",
                      arguments: ["-q", "-m", "all_trec", "@qrels-bom.txt", "@good.run"],
                      expected: .exact(exitCode: 0, stdout: .file("@good.all_trec.q.trec_eval"), stderr: "")),
        sameAsGood("BOM: BEIR qrels starting with one (before the header) read as without", qrels: "@qrels-beir-bom.tsv"),
        sameAsGood("BOM: an MS MARCO run starting with one reads as without", run: "@run-msmarco-bom.tsv"),
        sameAsGood("BOM: a BEIR results JSON starting with one reads as without", run: "@run-beir-bom.json"),
        // Lines 1-2 are 19 bytes each: the mark starts at byte 39.
        MalformedCase(name: "BOM: one at the start of line 3 of a run is an error",
                      arguments: ["@good.qrels", "@run-bom-line-3.txt"],
                      expected: .exact(exitCode: 2, stderr: "reval: @run-bom-line-3.txt:3: byte order mark (EF BB BF) at byte 39, "
                        + "after the start of the file; expected one only as the file's first bytes (two files joined with cat?)\n")),
        // Lines 1-4 are 9 bytes each, then "2 0 d5": the mark starts at byte 43.
        MalformedCase(name: "BOM: one inside a qrels docno is an error",
                      arguments: ["@qrels-bom-in-docno.txt", "@good.run"],
                      expected: .exact(exitCode: 2, stderr: "reval: @qrels-bom-in-docno.txt:5: byte order mark (EF BB BF) at byte 43, "
                        + "after the start of the file; expected one only as the file's first bytes (two files joined with cat?)\n")),
    ]
}
