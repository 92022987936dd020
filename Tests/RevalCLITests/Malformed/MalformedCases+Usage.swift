/// The command line outside `reval eval`: no command, a misspelt one, the version, usage
/// errors (exit 2 in every command but eval, which keeps trec_eval's 1).
extension MalformedCase {
    static let versionLine = "reval 0.1.0 (trec_eval 10.0 compatible)\n"

    static let usage: [MalformedCase] = [
        MalformedCase(name: "reval QRELS RUN: files instead of a command",
                      arguments: ["@good.qrels", "@good.run"],
                      expected: .exact(exitCode: 2, stderr: "reval: '@good.qrels' is a file, not a command; to evaluate a run: reval eval @good.qrels @good.run\n"),
                      entry: .reval),
        MalformedCase(name: "reval Q R: no command",
                      arguments: ["Q", "R"],
                      expected: .exact(exitCode: 2, stderr: "reval: unknown command 'Q'; to evaluate a run: reval eval Q R (or see 'reval --help' for the commands)\n"),
                      entry: .reval),
        MalformedCase(name: "reval evl: the nearest command",
                      arguments: ["evl", "@good.qrels", "@good.run"],
                      expected: .exact(exitCode: 2, stderr: "reval: unknown command 'evl'; did you mean 'reval eval'? (see 'reval --help' for the commands)\n"),
                      entry: .reval),
        MalformedCase(name: "reval -v: the version on stdout", arguments: ["-v"],
                      expected: .exact(exitCode: 0, stdout: .text(versionLine), stderr: ""), entry: .reval),
        MalformedCase(name: "reval --version: the same line", arguments: ["--version"],
                      expected: .exact(exitCode: 0, stdout: .text(versionLine), stderr: ""), entry: .reval),
        MalformedCase(name: "reval eval -v: the same line on stderr, as trec_eval prints its version", arguments: ["-v"],
                      expected: .exact(exitCode: 0, stderr: versionLine)),
        MalformedCase(name: "reval convert without its files: a usage error, exit 2",
                      arguments: ["convert", "--to", "trec"],
                      expected: .exact(exitCode: 2, stderr: """
                        reval: Missing expected argument '<input>'
                        Help:  <input>  Input file ('-' for stdin; gzip and zstd are read too).
                        Usage: reval convert [--kind <kind>] [--from <format>] --to <format> [--field <name>] <input> <output>
                          See 'reval convert --help' for more information.

                        """),
                      entry: .reval),
        MalformedCase(name: "reval convert --to xml: an unknown format, exit 2",
                      arguments: ["convert", "--to", "xml", "@good.run", "-"],
                      expected: .exact(exitCode: 2, stderr: "reval: unknown run format 'xml' for --to (trec, msmarco, beir)\n"),
                      entry: .reval),
    ]
}
