import RevalFormats

/// A run file opened before its evaluation: its format told and, for a TREC run, its
/// reading begun, so that the reading thread reads (and decompresses) the first batches
/// while the caller does other work, such as reading the qrels (`EvaluationPipeline.open`).
/// An error opening it is kept and thrown when the run is evaluated, so that errors come in
/// the order they would without it (the qrels' first).
///
/// `@unchecked Sendable`: made on one thread and then used by the one that evaluates it,
/// never by two at once.
public final class OpenedRun: @unchecked Sendable {
    public let run: RunInput
    let parts: Result<Parts, InputError>

    enum Parts {
        /// A TREC run, being read; the spool of an input that cannot be read twice.
        case trec(TrecRunStream, TrecRunStream.Batches, spool: SpooledInput?)
        /// Any other format, read when evaluated.
        case other(PeekedInput, RunFormat)
    }

    /// Opens `run`, reading a TREC run in batches of `batchBytes` on `settings.threads`.
    init(_ run: RunInput, settings: EvaluationSettings, batchBytes: Int) {
        self.run = run
        parts = Result { () throws(InputError) -> Parts in
            let input = try PeekedInput(run.path)
            let format = settings.runFormat ?? FormatDetection.runFormat(input)
            guard format == .trec else { return .other(input, format) }
            return try Self.trec(input.source, path: run.path, canReopen: canReadTwice(run.path),
                                 threads: settings.threads, batchBytes: batchBytes)
        }
    }

    /// A TREC run read from `source`. Unless `canReopen` (a file), the bytes read are
    /// spooled so that they can be read again (`SpooledInput`).
    init(trec source: any ByteSource, run: RunInput, canReopen: Bool, settings: EvaluationSettings,
         batchBytes: Int) throws(InputError) {
        self.run = run
        parts = .success(try Self.trec(source, path: run.path, canReopen: canReopen, threads: settings.threads,
                                       batchBytes: batchBytes))
    }

    private static func trec(_ source: any ByteSource, path: String, canReopen: Bool, threads: Int,
                             batchBytes: Int) throws(InputError) -> Parts {
        let spool = canReopen ? nil : try SpooledInput(source, name: path)
        let stream = TrecRunStream(path: path, source: spool ?? source, threads: threads, batchBytes: batchBytes)
        return .trec(stream, try stream.batches(), spool: spool)
    }
}
