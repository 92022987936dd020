import RevalCore

/// Reads BEIR qrels: `qrels/<split>.tsv`, a header `query-id<TAB>corpus-id<TAB>score`,
/// then one TAB-separated judgment per line.
///
/// BEIR's loader always skips the first line; here the first line is skipped only when
/// it is a header: three TAB-separated fields whose third is not a number
/// (`query-id<TAB>corpus-id<TAB>score`). So a file without the header loses nothing, and
/// a first judgment with a bad score (`q1<TAB>d1<TAB>1.5`) is an error, as on any other
/// line. Ids may contain spaces (the separator is the TAB). A dataset folder is accepted
/// too: its `qrels/<split>.tsv` is read.
///
/// ```swift
/// let qrels = try BEIRQrelsReader.read(path: "scifact/qrels/test.tsv")
/// ```
public enum BEIRQrelsReader {
    public static func read(path: String, source: (any ByteSource)? = nil) throws(InputError) -> Qrels {
        var input: any ByteSource
        if let source { input = source } else { input = try openInput(path) }
        var lines = LineReader(input, name: path)
        var qrels = Qrels(source: path)
        var sawData = false
        try lines.forEachLine { line, number throws(InputError) in
            var text = line
            if text.last == 0x0d { text = UnsafeRawBufferPointer(rebasing: text.dropLast()) }
            if text.allSatisfy(isCSpace) {
                throw InputError(file: path, line: number, message: "blank line; expected 'query-id<TAB>corpus-id<TAB>score'")
            }
            let fields = text.split(separator: 0x09, omittingEmptySubsequences: false)
            if number == 1 && fields.count == 3 && NumberParsing.double(UnsafeRawBufferPointer(rebasing: fields[2])) == nil {
                return  // the header
            }
            guard fields.count == 3 else {
                throw InputError(file: path, line: number,
                                 message: "expected 3 TAB-separated fields 'query-id corpus-id score', found \(fields.count)")
            }
            let grade = UnsafeRawBufferPointer(rebasing: fields[2])
            guard let value = NumberParsing.integer(grade) else {
                throw InputError(file: path, line: number, message: "score '\(grade.text)' is not an integer")
            }
            let topic = UnsafeRawBufferPointer(rebasing: fields[0])
            let docno = UnsafeRawBufferPointer(rebasing: fields[1])
            guard !topic.isEmpty, !docno.isEmpty else {
                throw InputError(file: path, line: number, message: "empty query-id or corpus-id")
            }
            qrels.add(topic: topic.text, docno: docno, grade: value, line: number)
            sawData = true
        }
        guard sawData else {
            throw InputError(file: path, message: "no judgments: the file is empty or holds only its header")
        }
        return qrels
    }
}

/// A BEIR dataset folder: `corpus.jsonl`, `queries.jsonl`, `qrels/<split>.tsv`.
public struct BEIRDataset: Sendable {
    public let folder: String

    public init(folder: String) { self.folder = folder }

    public func qrelsPath(split: String) -> String { "\(folder)/qrels/\(split).tsv" }

    public func readQrels(split: String = "test") throws(InputError) -> Qrels {
        let path = qrelsPath(split: split)
        guard fileExists(path) else {
            throw InputError(file: folder, message: "not a BEIR dataset folder: \(path) is missing")
        }
        return try BEIRQrelsReader.read(path: path)
    }
}
