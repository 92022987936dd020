import RevalCore

/// Qrels file formats. MS MARCO qrels are TREC qrels (`qid 0 pid 1`, TAB or space).
public enum QrelsFormat: String, CaseIterable, Sendable {
    /// `topic iteration docno grade`
    case trec
    /// `query-id<TAB>corpus-id<TAB>score` with a header line; or a BEIR dataset folder.
    case beir

    public init?(name: String) {
        switch name.lowercased() {
        case "trec", "msmarco": self = .trec
        case "beir": self = .beir
        default: return nil
        }
    }
}

/// Run file formats.
public enum RunFormat: String, CaseIterable, Sendable {
    /// `topic Q0 docno rank score tag`
    case trec
    /// `qid<TAB>pid<TAB>rank`
    case msmarco
    /// BEIR results JSON `{qid: {docid: score}}`
    case beir

    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }
}

/// What a file holds.
public enum ContentKind: String, Sendable {
    case qrels, run
}

/// Tells formats apart by content, never by file name.
public enum FormatDetection {
    /// Qrels when the first data line is BEIR's qrels header (`query-id ...`) or a TREC
    /// qrels line (4 fields, the last an integer); otherwise a run. A three-column file
    /// without a header could be either (BEIR qrels or an MS MARCO run) and is taken for
    /// a run: BEIR qrels always start with their header.
    public static func kind(_ input: PeekedInput) -> ContentKind {
        guard let line = input.firstDataLine else { return .run }
        if line.starts(with: Array("query-id".utf8)) { return .qrels }
        let fields = input.firstLineFields
        if fields.count == 4, Int(fields[3]) != nil { return .qrels }
        return .run
    }

    /// BEIR when the first data line is BEIR's header (`query-id ...`), or has 3
    /// TAB-separated fields and not 4 whitespace-separated ones; otherwise TREC, whose
    /// reader then says what is wrong with the line (trec_eval's format is the default).
    public static func qrelsFormat(_ input: PeekedInput) -> QrelsFormat {
        guard let line = input.firstDataLine else { return .trec }
        if line.starts(with: Array("query-id".utf8)) { return .beir }
        if input.firstLineFields.count == 4 { return .trec }
        if line.split(separator: 0x09, omittingEmptySubsequences: false).count == 3 { return .beir }
        return .trec
    }

    /// BEIR when the input starts with `{`; MS MARCO when the first data line has exactly
    /// 3 fields; otherwise TREC, whose reader then says what is wrong with the line.
    public static func runFormat(_ input: PeekedInput) -> RunFormat {
        if input.firstVisibleByte == UInt8(ascii: "{") { return .beir }
        if input.firstLineFields.count == 3 { return .msmarco }
        return .trec
    }
}

/// Reads qrels in any supported format; a folder is read as a BEIR dataset.
public enum QrelsLoader {
    public static func read(path: String, format: QrelsFormat? = nil, split: String = "test",
                            threads: Int = 1) throws(InputError) -> Qrels {
        if path != "-" && isDirectory(path) {
            return try BEIRDataset(folder: path).readQrels(split: split)
        }
        let input = try PeekedInput(path)
        let chosen: QrelsFormat
        if let format { chosen = format } else { chosen = FormatDetection.qrelsFormat(input) }
        switch chosen {
        case .trec:
            var lines = LineReader(input.source, name: path)
            return try TrecQrelsReader.read(&lines, name: path, threads: threads)
        case .beir:
            return try BEIRQrelsReader.read(path: path, source: input.source)
        }
    }
}

/// Reads a whole run in any supported format.
public enum RunLoader {
    public static func read(path: String, format: RunFormat? = nil,
                            threads: Int = defaultThreadCount()) throws(InputError) -> Run {
        let input = try PeekedInput(path)
        let chosen: RunFormat
        if let format { chosen = format } else { chosen = FormatDetection.runFormat(input) }
        return try read(input, format: chosen, threads: threads)
    }

    public static func read(_ input: PeekedInput, format: RunFormat, threads: Int) throws(InputError) -> Run {
        switch format {
        case .trec: return try TrecRunReader.read(path: input.path, source: input.source, threads: threads)
        case .msmarco: return try MSMarcoRunReader.read(path: input.path, source: input.source)
        case .beir: return try BEIRResultsReader.read(path: input.path, source: input.source, threads: threads)
        }
    }
}
