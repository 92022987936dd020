import ArgumentParser
import RevalCore
import RevalFormats

/// `reval convert`: rewrites qrels or a run between TREC, BEIR and MS MARCO formats, and topic
/// files between TREC SGML, XML, TSV and BEIR JSONL (`ConvertCommand+Topics.swift`).
public struct ConvertCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert qrels, a run or topics between formats (TREC, BEIR, MS MARCO; topics: TREC SGML, XML, TSV, JSONL).",
        discussion: """
            The input format is detected from the content unless --from is given. A file \
            that starts like a topic file (with '<', a JSON line with "_id", or an \
            'id<TAB>text' line) is read as topics unless --kind says otherwise. The \
            output is written to a temporary file and renamed into place, so a failed \
            conversion leaves nothing behind; '-' writes to stdout.

            Examples:
              reval convert --to beir run.trec results.json
              reval convert --kind qrels --to trec scifact/qrels/test.tsv qrels.txt
              reval convert --to trec run.msmarco.tsv run.trec
              reval convert --kind topics --to tsv topics.robust04.txt queries.tsv
              reval convert --kind topics --to jsonl --field question topics.covid-round5.xml queries.jsonl
            """
    )

    public enum Kind: String, ExpressibleByArgument, Sendable {
        case run, qrels, topics
    }

    @Option(help: "What the input holds: run, qrels or topics (default: topics for a file that obviously holds topics or with --to tsv or jsonl, else run).")
    var kind: Kind?

    @Option(help: ArgumentHelp("Input format (runs: trec, msmarco, beir; qrels: trec, beir; topics: trec, xml, tsv, jsonl). Default: detected.", valueName: "format"))
    var from: String?

    @Option(help: ArgumentHelp("Output format (runs: trec, msmarco, beir; qrels: trec, msmarco, beir; topics: trec, tsv, jsonl).", valueName: "format"))
    var to: String

    @Option(help: ArgumentHelp("Topics only: the field written as each topic's text (default: text, title or query, else the first field).", valueName: "name"))
    var field: String?

    @Argument(help: "Input file ('-' for stdin; gzip and zstd are read too).")
    var input: String

    @Argument(help: "Output file ('-' for stdout).")
    var output: String

    public init() {}

    public func run() throws {
        let code = execute().write()
        if code != 0 { throw ExitCode(code) }
    }

    public func execute() -> CommandOutput {
        var out = CommandOutput()
        let kind = self.kind ?? (Self.obviouslyTopics(input) || Self.isTopicsOnlyFormat(to) ? .topics : .run)
        if field != nil && kind != .topics { return usage("--field applies to topics (--kind topics) only") }
        do throws(InputError) {
            var text = ""
            switch kind {
            case .topics:
                return convertTopics()
            case .qrels:
                guard let target = QrelsFormat(name: to) else { return usage("unknown qrels format '\(to)' for --to (trec, msmarco, beir)") }
                let qrels = try QrelsLoader.read(path: input, format: try sourceFormat(QrelsFormat.init(name:)))
                QrelsWriter.write(qrels, as: target, into: &text)
            case .run:
                guard let target = RunFormat(name: to) else { return usage("unknown run format '\(to)' for --to (trec, msmarco, beir)") }
                let run = try RunLoader.read(path: input, format: try sourceFormat(RunFormat.init(name:)))
                RunWriter.write(run, as: target, into: &text)
            }
            if output == "-" {
                out.stdout = text
            } else {
                do {
                    try AtomicFile.write(text.rawBytes, to: output)
                } catch {
                    out.error(error.description, exitCode: error.exitCode)
                }
            }
        } catch {
            out.error(withTopicsHint(error).description, exitCode: error.exitCode)
        }
        return out
    }

    /// The --from format, parsed with `parse`; nil when not given.
    private func sourceFormat<F>(_ parse: (String) -> F?) throws(InputError) -> F? {
        guard let from else { return nil }
        guard let format = parse(from) else {
            throw InputError(file: input, message: "unknown \(kind ?? .run) format '\(from)' for --from")
        }
        return format
    }

    func usage(_ message: String) -> CommandOutput {
        var out = CommandOutput()
        out.error(message, exitCode: 1)
        return out
    }
}
