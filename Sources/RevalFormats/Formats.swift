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

/// Tells formats apart by content, never by file name.
public enum FormatDetection {
    /// TREC when the first data line has 4 whitespace-separated fields; BEIR when it is
    /// BEIR's header (`query-id ...`) or has 3 TAB-separated fields.
    public static func qrelsFormat(_ input: PeekedInput) throws(InputError) -> QrelsFormat {
        guard let line = input.firstDataLine else {
            throw InputError(file: input.path, message: "no judgments: the file is empty or holds only comments")
        }
        if line.starts(with: Array("query-id".utf8)) { return .beir }
        let fields = input.firstLineFields
        if fields.count == 4 { return .trec }
        if line.split(separator: 0x09, omittingEmptySubsequences: false).count == 3 { return .beir }
        throw InputError(file: input.path, line: 1,
                         message: "cannot tell the qrels format from the first line (\(fields.count) fields); expected TREC 'topic iteration docno grade' or BEIR 'query-id<TAB>corpus-id<TAB>score' (or give --qrels-format)")
    }

    /// BEIR when the input starts with `{`; TREC with 6 or more fields; MS MARCO with 3.
    public static func runFormat(_ input: PeekedInput) throws(InputError) -> RunFormat {
        if input.firstVisibleByte == UInt8(ascii: "{") { return .beir }
        let fields = input.firstLineFields
        if fields.count >= 6 { return .trec }
        if fields.count == 3 { return .msmarco }
        if input.firstDataLine == nil {
            throw InputError(file: input.path, message: "no results: the file is empty or holds only comments")
        }
        throw InputError(file: input.path, line: 1,
                         message: "cannot tell the run format from the first data line (\(fields.count) fields); expected TREC 'topic Q0 docno rank score tag', MS MARCO 'qid pid rank' or BEIR JSON (or give --run-format)")
    }
}

/// Reads qrels in any supported format; a folder is read as a BEIR dataset.
public enum QrelsLoader {
    public static func read(path: String, format: QrelsFormat? = nil, split: String = "test") throws(InputError) -> Qrels {
        if path != "-" && isDirectory(path) {
            return try BEIRDataset(folder: path).readQrels(split: split)
        }
        let input = try PeekedInput(path)
        let chosen: QrelsFormat
        if let format { chosen = format } else { chosen = try FormatDetection.qrelsFormat(input) }
        switch chosen {
        case .trec:
            var lines = LineReader(input.source)
            return try TrecQrelsReader.read(&lines, name: path)
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
        if let format { chosen = format } else { chosen = try FormatDetection.runFormat(input) }
        return try read(input, format: chosen, threads: threads)
    }

    public static func read(_ input: PeekedInput, format: RunFormat, threads: Int) throws(InputError) -> Run {
        switch format {
        case .trec: return try TrecRunReader.read(path: input.path, source: input.source, threads: threads)
        case .msmarco: return try MSMarcoRunReader.read(path: input.path, source: input.source)
        case .beir: return try BEIRResultsReader.read(path: input.path, source: input.source)
        }
    }
}
