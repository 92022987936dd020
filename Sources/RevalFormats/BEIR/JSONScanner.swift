import RevalCore

/// A cursor over the bytes of BEIR results JSON that knows its line, for the results
/// shape only. It scans one piece of a batch: from the opening `{` or from a record
/// boundary (right after a query's documents close) to the first record boundary at or
/// after `stopAt`, or to the end of the input.
///
/// Lines are counted from the scan's start (0); the reader adds the line the piece starts
/// on. Whenever the scanner looks at the end of the buffer it notes it (`reachedEnd`): in
/// a batch that the input continues past, what it found there is not the input's and the
/// piece is read again with more bytes.
struct JSONScanner {
    let bytes: UnsafeRawBufferPointer
    let name: String
    let limits: TopicLimits
    /// Whether the end of `bytes` is the end of the input.
    let endsInput: Bool
    var position: Int
    var line = 0
    /// The scan looked at (or past) the end of `bytes`.
    var reachedEnd = false
    /// Document ids with escapes, decoded.
    var decoded: [UInt8] = []
    /// The query being read, for messages.
    var topic = ""

    init(_ bytes: UnsafeRawBufferPointer, name: String, limits: TopicLimits, endsInput: Bool, from start: Int) {
        self.bytes = bytes
        self.name = name
        self.limits = limits
        self.endsInput = endsInput
        position = start
    }

    /// Scans from `position`, in `state`, to the first record boundary at or after `stopAt`.
    mutating func scanPiece(_ state: BEIRScanState, stopAt: Int) -> BEIRResultsPiece {
        var piece = BEIRResultsPiece(start: position, state: state)
        do throws(InputError) {
            if state == .documentStart {
                try expect(UInt8(ascii: "{"), .openingResults)
                if try consumeIf(UInt8(ascii: "}")) {
                    try finishDocument()
                    piece.finished = true
                } else {
                    try scanQuery(into: &piece)
                }
            }
            while !piece.finished && position < stopAt {
                if try consumeIf(UInt8(ascii: ",")) {
                    try scanQuery(into: &piece)
                    continue
                }
                try expect(UInt8(ascii: "}"), .afterQuery)
                try finishDocument()
                piece.finished = true
            }
        } catch {
            piece.error = error
        }
        if reachedEnd && !endsInput {
            piece.incomplete = true
            piece.finished = false
            piece.error = nil
            piece.pendingTopic = nil
        }
        return piece
    }

    /// `"id": {"doc": score, ...}`, after which the scan is at a record boundary.
    private mutating func scanQuery(into piece: inout BEIRResultsPiece) throws(InputError) {
        let topicLine = peekLine()
        let topic = try string(.queryID)
        self.topic = topic
        piece.pendingTopic = (topic, topicLine)
        try expect(UInt8(ascii: ":"), .colonAfterQuery)
        try expect(UInt8(ascii: "{"), .documentsOfQuery)
        var block = TopicRun(topic: topic)
        if try !consumeIf(UInt8(ascii: "}")) {
            repeat {
                let docLine = peekLine()
                let docno = try stringSpan(.documentID)
                try expect(UInt8(ascii: ":"), .colonAfterDocument(docno))
                let score = try number(.score(docno))
                guard block.canAdd(documents: 1, docnoBytes: docno.count, within: limits) else {
                    throw .topicTooLarge(file: name, line: docLine, topic: topic, limits: limits)
                }
                if docno.escaped {
                    decoded.withUnsafeBytes { block.append(docno: $0, score: score, line: docLine) }
                } else {
                    block.append(docno: UnsafeRawBufferPointer(rebasing: bytes[docno.range]), score: score, line: docLine)
                }
            } while try consumeIf(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"), .endOfDocuments)
        }
        piece.records.append(BEIRQueryRecord(topic: topic, line: topicLine, documents: block))
        piece.pendingTopic = nil
        piece.lastBoundary = position
        piece.linesBeforeLastBoundary = line
        piece.stateAtLastBoundary = .afterQuery
    }

    /// After the closing `}`: only white space may follow.
    private mutating func finishDocument() throws(InputError) {
        skipWhitespace()
        if position < bytes.count {
            throw error("unexpected text after the results object")
        }
    }
}
