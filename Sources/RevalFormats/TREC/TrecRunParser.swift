#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RevalCore

/// The documents of one stretch of a TREC run file, parsed from bytes in one pass.
///
/// Line numbers here count from 1 at the start of the stretch; whoever parsed the
/// stretches in parallel shifts them once the lines before are counted.
struct ParsedRunChunk {
    /// One block per topic, in order of first appearance (none when `interleavedPiece`
    /// holds them).
    var blocks: [TopicRun] = []
    /// True when some topic's lines are not all together in this stretch.
    var interleaved = false
    /// The topics of an interleaved stretch, regrouped.
    var interleavedPiece: InterleavedPiece?
    /// The tag of the last data line, if any.
    var lastTag: String?
    /// Newlines in the stretch.
    var lineCount = 0
    /// The first malformed line, with its stretch-relative line number.
    var error: InputError?
    /// The warning for a header read as data (`TrecRunParser.parse`'s `firstOfFile`).
    var warning: String?
    /// `TrecRunStream.Finish`'s outcome for each block but the first and the last, which
    /// may go on in the next piece (aligned with `blocks`; empty when not asked for).
    var outcomes: [TopicOutcome?] = []
}

enum TrecRunParser {
    /// Parses whole lines of `bytes` (a final line without newline included).
    ///
    /// `firstOfFile` says the stretch starts the file. Its first data line may then be a
    /// header (`qid Q0 docid rank score tag`): a line whose rank and score fields are both
    /// not numbers. trec_eval reads such a line as a result (topic `qid`, score
    /// `atof("score")`, which is 0), so reval does too, with a warning, and gives the same
    /// numbers; on any other line a score that is not a number is an error.
    static func parse(_ bytes: UnsafeRawBufferPointer, name: String, limits: TopicLimits = .standard,
                      firstOfFile: Bool = false) -> ParsedRunChunk {
        var result = ParsedRunChunk()
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return result }
        let end = base + bytes.count
        var line = 0
        var p = base
        // Documents go to flat columns; blocks are made from them at the end. Topics met
        // before in this stretch are found by their bytes.
        var columns = RunPieceColumns(documents: bytes.count / 24)
        var topics: [String] = []
        var firstDocuments: [Int] = []
        var current = -1
        var currentTopic = UnsafeRawBufferPointer(start: nil, count: 0)
        var blockOfTopic = ByteKeyTable()
        var lastTag = UnsafeRawBufferPointer(start: nil, count: 0)
        // No text has NUL bytes: the line holding the first one is an error.
        let nulLineStart = firstLineWithNul(bytes)

        func fail(_ message: String) {
            result.error = InputError(file: name, line: line, message: message)
        }

        // One pass over the bytes: fields are scanned up to the newline, never twice.
        @inline(__always) func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0d || b == 0x0b || b == 0x0c }
        @inline(__always) func skipToNextLine() {
            if let nl = memchr(p, 0x0a, end - p) {
                p = UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) + 1
            } else {
                p = end
            }
        }
        /// The next field of the current line, or nil at its end (the newline is not consumed).
        @inline(__always) func nextField() -> UnsafeRawBufferPointer? {
            while p < end && isBlank(p.pointee) { p += 1 }
            if p == end || p.pointee == 0x0a { return nil }
            let start = p
            p = tokenEnd(p, end)
            return UnsafeRawBufferPointer(start: start, count: p - start)
        }

        while p < end {
            line += 1
            if p >= nulLineStart {
                let lineBytes = UnsafeRawBufferPointer(start: p, count: end - p)
                result.error = InputError.nulByte(in: lineBytes, file: name, line: line)
                break
            }
            while p < end && isBlank(p.pointee) { p += 1 }
            if p == end { break }
            if p.pointee == 0x0a { p += 1; continue }
            if p.pointee == UInt8(ascii: "#") { skipToNextLine(); continue }

            // Six fields: topic, Q0, docno, rank, score, tag; the rest is ignored.
            let lineStart = p
            guard let topic = nextField(), nextField() != nil, let docno = nextField(),
                  let rankText = nextField(), let scoreText = nextField(), let tag = nextField() else {
                p = lineStart
                var found = 0
                while nextField() != nil { found += 1 }
                fail("expected 6 fields 'topic Q0 docno rank score tag', found \(found)")
                break
            }
            if p < end && p.pointee == 0x0a {
                p += 1
            } else {
                let rest = p
                skipToNextLine()
                if hasInnerCarriageReturn(rest, p) {
                    fail("carriage return inside the line; expected lines ending in LF or CRLF (CR-only line ends?)")
                    break
                }
            }
            let isFirstDataLine = firstOfFile && columns.count == 0
            guard let score = NumberParsing.double(scoreText)
                    ?? headerScore(isFirstDataLine, rank: rankText, score: scoreText) else {
                fail("score '\(scoreText.excerpt)' is not a number")
                break
            }
            if isFirstDataLine && NumberParsing.double(scoreText) == nil {
                let text = UnsafeRawBufferPointer(start: lineStart, count: tag.baseAddress! + tag.count - UnsafeRawPointer(lineStart)).text
                result.warning = "\(name):\(line): the first line looks like a header ('\(text.excerpt)'), not a result; "
                    + "read as trec_eval reads it (a result for topic '\(topic.excerpt)' with score \(score == score.rounded() && abs(score) < 1e15 ? String(Int(score)) : "\(score)")), "
                    + "which changes no number unless the qrels judge that topic"
            }
            if score.isNaN {
                fail("score is NaN; a NaN score has no rank")
                break
            }
            if current < 0 || !sameBytes(topic, currentTopic) {
                if let earlier = blockOfTopic.find(topic) {
                    current = earlier
                    result.interleaved = true
                } else {
                    current = topics.count
                    blockOfTopic.insert(topic, value: current)
                    topics.append(topic.text)
                    firstDocuments.append(columns.count)
                }
                currentTopic = topic
            }
            columns.append(docnoStart: UnsafeRawPointer(docno.baseAddress!) - UnsafeRawPointer(base), docnoLength: docno.count,
                           score: score, line: line, block: current)
            lastTag = tag
        }
        switch columns.blockSizes(topics: topics, firstDocuments: result.interleaved ? nil : firstDocuments,
                                  limits: limits, name: name) {
        case .failure(let error):
            result.error = error
        case .success(let sizes) where result.interleaved:
            result.interleavedPiece = InterleavedPiece(columns, topics: topics, sizes: sizes, piece: bytes)
        case .success(let sizes):
            result.blocks = columns.makeBlocks(topics: topics, firstDocuments: firstDocuments, sizes: sizes, piece: bytes)
        }
        if lastTag.baseAddress != nil { result.lastTag = lastTag.text }
        result.lineCount = line
        return result
    }

    /// The score trec_eval gives a header line (`atof` of its score field), or nil when
    /// the line is not a header: not the file's first data line, or a rank that is a
    /// number (a result line with a bad score).
    static func headerScore(_ isFirstDataLine: Bool, rank: UnsafeRawBufferPointer,
                            score: UnsafeRawBufferPointer) -> Double? {
        guard isFirstDataLine, NumberParsing.double(rank) == nil else { return nil }
        var text = Array(score)
        text.append(0)
        let value = text.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { atof($0) }
        }
        return value.isNaN ? nil : value
    }

    /// Where the line holding the first NUL byte of `bytes` starts, or past the end.
    static func firstLineWithNul(_ bytes: UnsafeRawBufferPointer) -> UnsafePointer<UInt8> {
        let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        guard let nul = memchr(base, 0, bytes.count) else { return base + bytes.count }
        var start = UnsafePointer(nul.assumingMemoryBound(to: UInt8.self))
        while start > base && start[-1] != 0x0a { start -= 1 }
        return start
    }

    /// Whether the rest of a line after its tag, from `rest` up to `next` (the start of the
    /// next line), has a "\r" followed by more text: a file with CR-only line ends would
    /// otherwise read as one line and lose every result after the first.
    static func hasInnerCarriageReturn(_ rest: UnsafePointer<UInt8>, _ next: UnsafePointer<UInt8>) -> Bool {
        var p = rest
        while p < next, let cr = memchr(p, 0x0d, next - p) {
            p = UnsafePointer(cr.assumingMemoryBound(to: UInt8.self)) + 1
            if p < next && !isCSpace(p.pointee) { return true }
        }
        return false
    }

    /// The first whitespace byte at or after `p` (or `end`). Looks at eight bytes at a
    /// time: a byte below 0x21 is flagged by the borrow trick, then checked to be C
    /// whitespace (other control bytes belong to the token, as in trec_eval).
    @inline(__always)
    static func tokenEnd(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var p = start
        while end - p >= 8 {
            let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            let low = (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080
            if low == 0 {
                p += 8
                continue
            }
            let q = p + low.trailingZeroBitCount / 8
            if isCSpace(q.pointee) { return q }
            p = q + 1
        }
        while p < end && !isCSpace(p.pointee) { p += 1 }
        return p
    }

    @inline(__always)
    static func sameBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (a.count == 0 || memcmpBytes(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }
}
