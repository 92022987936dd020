/// Writers keep ids byte for byte, and refuse what a format cannot hold rather than write
/// a file that reads back as something else.
extension MalformedCase {
    /// `String(rawBytes:)` holds byte b of an id that is not UTF-8 as U+10FF00 + b.
    static func raw(_ byte: UInt8) -> String { String(Character(Unicode.Scalar(0x10_FF00 + UInt32(byte))!)) }

    static let writers: [MalformedCase] = [
        MalformedCase(name: "convert: BEIR qrels are detected as qrels without --kind",
                      arguments: ["convert", "--to", "trec", "@qrels-beir-bom.tsv", "-"],
                      expected: .exact(exitCode: 0, stdout: .file("@good.qrels"), stderr: ""), entry: .reval),
        // qrels-invalid-utf8.txt, judgments in file order, TAB-separated, bytes unchanged.
        MalformedCase(name: "convert: qrels ids that are not UTF-8 are written byte for byte",
                      arguments: ["convert", "--to", "beir", "@qrels-invalid-utf8.txt", "-"],
                      expected: .exact(exitCode: 0, stdout: .bytes(Array("query-id\tcorpus-id\tscore\n".utf8)
                        + [0xff, 0x09] + Array("d1\t1\n".utf8) + [0xff, 0x09] + Array("caf".utf8) + [0xe9] + Array("\t1\n".utf8)
                        + [0xfe, 0x09] + Array("d1\t0\n".utf8) + [0xfe, 0x09] + Array("caf".utf8) + [0xe9] + Array("\t1\n".utf8)),
                        stderr: ""), entry: .reval),
        MalformedCase(name: "convert: a BEIR JSON of ids that are not UTF-8 is refused",
                      arguments: ["convert", "--to", "beir", "@run-invalid-utf8.txt", "-"],
                      expected: .exact(exitCode: 2, stderr: "reval: @run-invalid-utf8.txt:1: cannot write as beir: query id '\(raw(0xff))' is not UTF-8, "
                        + "which a JSON string must be; write trec or msmarco, which keep ids byte for byte\n"), entry: .reval),
        MalformedCase(name: "convert: a docid with a space cannot be a TREC field",
                      arguments: ["convert", "--to", "trec", "@run-beir-docid-space.json", "-"],
                      expected: .exact(exitCode: 2, stderr: "reval: @run-beir-docid-space.json:1: cannot write as trec: document id 'd 1' holds "
                        + "whitespace, which separates the fields of trec\n"), entry: .reval),
        MalformedCase(name: "--format json: a topic id that is not UTF-8 is refused",
                      arguments: ["--format", "json", "-q", "-m", "num_rel", "@qrels-invalid-utf8.txt", "@run-invalid-utf8.txt"],
                      expected: .exact(exitCode: 2, stderr: "reval: @qrels-invalid-utf8.txt: cannot write --format json or jsonl: topic id '\(raw(0xfe))' "
                        + "is not UTF-8, which a JSON string must be; use --format csv or tsv, which keep ids byte for byte\n")),
    ]
}
