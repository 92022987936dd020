/// Inputs that used to give a plausible number and exit 0 (issue 17): a header line, a
/// run of other topics, -l with ir_measures names.
extension MalformedCase {
    static let headers: [MalformedCase] = [
        // trec_eval reads the header as a result for topic 'qid' (score atof("score") = 0),
        // which no qrels judge: its output equals the good run's (both files committed).
        MalformedCase(name: "header: read as trec_eval reads it, with a warning",
                      arguments: ["-q", "-m", "all_trec", "@good.qrels", "@run-header.txt"],
                      expected: .exact(exitCode: 0, stdout: .file("@run-header.all_trec.q.trec_eval"),
                                       stderr: "reval: warning: @run-header.txt:1: the first line looks like a header "
                                        + "('qid Q0 docid rank score tag'), not a result; read as trec_eval reads it (a result for topic "
                                        + "'qid' with score 0), which changes no number unless the qrels judge that topic\n")),
    ]

    static let noCommonTopic = "reval: @run-no-common-topic.txt: no topic in common with the qrels @good.qrels: the run has "
        + "'X1', 'X2', 'X3', the qrels have '1', '2', '3'; expected a run and qrels of the same queries\n"

    static let topicOverlap: [MalformedCase] = [
        MalformedCase(name: "no topic in common: an error showing both sides' ids",
                      arguments: ["@good.qrels", "@run-no-common-topic.txt"],
                      expected: .exact(exitCode: 2, stderr: noCommonTopic)),
        MalformedCase(name: "no topic in common: an error with -c too",
                      arguments: ["-c", "@good.qrels", "@run-no-common-topic.txt"],
                      expected: .exact(exitCode: 2, stderr: noCommonTopic)),
    ]

    static let measureNames: [MalformedCase] = [
        // trec_eval -l 2 -m map on the good files: 0.1111 (topic 1: its one grade-2 document
        // at rank 3, AP 1/3; topics 2 and 3 have none: (1/3 + 0 + 0) / 3).
        MalformedCase(name: "-l 2 is the rel of AP, which prints as AP(rel=2)",
                      arguments: ["-l", "2", "-m", "AP", "-m", "map", "@good.qrels", "@good.run"],
                      expected: .exact(exitCode: 0, stdout: .text("map                   \tall\t0.1111\nAP(rel=2)             \tall\t0.1111\n"),
                                       stderr: "")),
        unknownMeasure("ndcg_cut_10", "'ndcg_cut.10'"),
        unknownMeasure("P_10", "'P.10' or 'P@10'"),
        unknownMeasure("recall@100", "'R@100' or 'recall.100'"),
        MalformedCase(name: "-m with a file as its value",
                      arguments: ["-m", "@good.qrels", "@good.run"],
                      expected: .exact(exitCode: 1, stderr: "reval: -m needs a measure name, but its value '@good.qrels' is a file: "
                        + "did -m lose its measure? Give the measures before the files, as in -m map QRELS RUN\n")),
        MalformedCase(name: "swapped files: the run given as the qrels",
                      arguments: ["@good.run", "@good.qrels"],
                      expected: .exact(exitCode: 2, stderr: "reval: @good.run:1: expected 4 fields 'topic iteration docno grade', found 6; "
                        + "the files look swapped: this is a TREC run and @good.qrels looks like qrels; give the qrels first, then the run\n")),
    ]

    static func unknownMeasure(_ name: String, _ hint: String) -> MalformedCase {
        MalformedCase(name: "unknown measure \(name): the nearest names", arguments: ["-m", name, "@good.qrels", "@good.run"],
                      expected: .exact(exitCode: 1, stderr: "reval: unknown measure '\(name)'; did you mean \(hint)? "
                        + "(see 'reval eval --help' for the list)\n"))
    }
}
