import ArgumentParser
import RevalCore
import RevalFormats

/// `reval convert`: rewrites qrels or a run between TREC, BEIR and MS MARCO formats.
public struct ConvertCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert qrels or a run between TREC, BEIR and MS MARCO formats.",
        discussion: """
            What the input holds (qrels or a run) and its format are detected from the \
            content unless --kind and --from are given. Ids are written byte for byte; an \
            id the output format cannot hold (whitespace in TREC, bytes that are not UTF-8 \
            in JSON) is an error naming it. The output is written to a temporary file and \
            renamed into place, so a failed conversion leaves nothing behind; '-' writes \
            to stdout.

            Examples:
              reval convert --to beir run.trec results.json
              reval convert --kind qrels --to trec scifact/qrels/test.tsv qrels.txt
              reval convert --to trec run.msmarco.tsv run.trec
            """
    )

    public enum Kind: String, ExpressibleByArgument, Sendable {
        case run, qrels
    }

    @Option(help: "What the input holds: run or qrels. Default: detected (qrels for a BEIR dataset folder, BEIR's 'query-id' header or TREC qrels lines; otherwise a run).")
    var kind: Kind?

    @Option(help: ArgumentHelp("Input format (runs: trec, msmarco, beir; qrels: trec, beir). Default: detected.", valueName: "format"))
    var from: String?

    @Option(help: ArgumentHelp("Output format (runs: trec, msmarco, beir; qrels: trec, msmarco, beir).", valueName: "format"))
    var to: String

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
        do throws(InputError) {
            var text = ""
            let kind: Kind
            if let given = self.kind { kind = given } else { kind = try detectedKind() }
            switch kind {
            case .qrels:
                guard let target = QrelsFormat(name: to) else { return usage("unknown qrels format '\(to)' for --to (trec, msmarco, beir)") }
                let qrels = try QrelsLoader.read(path: input, format: try sourceFormat(QrelsFormat.init(name:), kind: kind))
                try QrelsWriter.write(qrels, as: target, into: &text)
            case .run:
                guard let target = RunFormat(name: to) else { return usage("unknown run format '\(to)' for --to (trec, msmarco, beir)") }
                let run = try RunLoader.read(path: input, format: try sourceFormat(RunFormat.init(name:), kind: kind))
                try RunWriter.write(run, as: target, into: &text)
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
            out.error(error.description, exitCode: error.exitCode)
        }
        return out
    }

    /// What the input holds, from its content (a folder is a BEIR dataset: qrels).
    private func detectedKind() throws(InputError) -> Kind {
        if input != "-" && isDirectory(input) { return .qrels }
        if input == "-" { return .run }  // stdin can be read once: give --kind qrels for qrels
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
    private func usage(_ message: String) -> CommandOutput {
        var out = CommandOutput()
        out.error(message, exitCode: RevalMain.usageExitCode)
        return out
    }
}
