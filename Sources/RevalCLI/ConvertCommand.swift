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
            What the input holds (qrels, a run or topics) and its format are detected from \
            the content unless --kind and --from are given: a file that starts like a topic \
            file (with '<', a JSON line with "_id", or an 'id<TAB>text' line) is read as \
            topics, and so is any input with --to tsv or jsonl. Ids are written byte for \
            byte; an id the output format cannot hold (whitespace in TREC, bytes that are \
            not UTF-8 in JSON) is an error naming it. The output is written to a temporary \
            file and renamed into place, so a failed conversion leaves nothing behind; '-' \
            writes to stdout.

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

    @Option(help: "What the input holds: run, qrels or topics. Default: detected (topics for a file that starts like a topic file or with --to tsv or jsonl; qrels for a BEIR dataset folder, BEIR's 'query-id' header or TREC qrels lines; otherwise a run).")
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
        let topics = kind == .topics || (kind == nil && (Self.obviouslyTopics(input) || Self.isTopicsOnlyFormat(to)))
        if field != nil && !topics { return usage("--field applies to topics (--kind topics) only") }
        if topics { return convertTopics() }
        do throws(InputError) {
            var text = ""
            let kind: Kind
            if let given = self.kind { kind = given } else { kind = try detectedKind() }
            switch kind {
            case .topics:
                return convertTopics()
            case .qrels:
                guard let target = QrelsFormat(name: to) else { return usage("unknown qrels format '\(to)' for --to (trec, msmarco, beir)") }
                let qrels = try QrelsLoader.read(path: input, format: try sourceFormat(QrelsFormat.init(name:), kind: kind))
                do { try QrelsWriter.write(qrels, as: target, into: &text) } catch { return failed(error) }
            case .run:
                guard let target = RunFormat(name: to) else { return usage("unknown run format '\(to)' for --to (trec, msmarco, beir)") }
                let run = try RunLoader.read(path: input, format: try sourceFormat(RunFormat.init(name:), kind: kind))
                do { try RunWriter.write(run, as: target, into: &text) } catch { return failed(error) }
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
            // A reading error: the file may be topics given without --kind.
            out.error(withKindHint(error).description, exitCode: error.exitCode)
        }
        return out
    }

    /// The output for an input that was read but cannot be written in the target format.
    private func failed(_ error: InputError) -> CommandOutput {
        var out = CommandOutput()
        out.error(error.description, exitCode: error.exitCode)
        return out
    }

    /// What the input holds, from its content (a folder is a BEIR dataset: qrels).
    private func detectedKind() throws(InputError) -> Kind {
        if input != "-" && isDirectory(input) { return .qrels }
        if !canReadTwice(input) { return .run }  // stdin or a pipe is read once: give --kind qrels for qrels
        return FormatDetection.kind(try PeekedInput(input)) == .qrels ? .qrels : .run
    }

    /// The --from format, parsed with `parse`; nil when not given.
    private func sourceFormat<F>(_ parse: (String) -> F?, kind: Kind) throws(InputError) -> F? {
        guard let from else { return nil }
        guard let format = parse(from) else {
            throw InputError(file: input, message: "unknown \(kind) format '\(from)' for --from")
        }
        return format
    }

    /// A usage error: exit 2, as in every command but `eval`.
    func usage(_ message: String) -> CommandOutput {
        var out = CommandOutput()
        out.error(message, exitCode: RevalMain.usageExitCode)
        return out
    }
}
