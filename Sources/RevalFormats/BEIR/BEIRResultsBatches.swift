#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RevalCore

/// Reads BEIR results JSON in batches and scans each batch in pieces on several threads.
///
/// A batch is the bytes after the last record boundary (the `}` closing a query's
/// documents) of the batch before, topped up from the source. Its pieces start at guessed
/// boundaries (`BEIRPieceCuts`); each is scanned to the first boundary at or after where
/// the next one starts. Taken in file order, a piece whose start is where the one before
/// stopped was scanned from a true boundary, as one pass over the file would have reached
/// it; any other is scanned again from there. The part after the batch's last boundary
/// is carried into the next batch. So the queries, their lines and the first error are
/// those of one pass, whatever the thread count and batch size.
///
/// Errors come as when the input was read whole first: an error of the source (a truncated
/// gzip stream) anywhere in the input comes before any error in the JSON.
final class BEIRResultsBatches {
    private var source: any ByteSource
    private let name: String
    private let limits: TopicLimits
    private let threads: Int
    private var buffer: UnsafeMutableRawBufferPointer
    private var filled = 0
    private var sourceEnded = false
    /// The line `buffer` starts on.
    private var bufferLine = 1
    private var run: Run
    private var topicLines: [String: Int] = [:]

    init(_ source: any ByteSource, name: String, limits: TopicLimits, threads: Int, batchBytes: Int) {
        self.source = source
        self.name = name
        self.limits = limits
        self.threads = threads
        buffer = .allocate(byteCount: batchBytes, alignment: 16)
        run = Run(source: name)
        run.tag = "beir"
    }

    deinit { buffer.deallocate() }

    /// Called with each batch's queries once the batch is read (every query is whole: a
    /// query id given twice is an error); they are then dropped, so `read()` returns a run
    /// with only the tag. nil (the default) keeps every query.
    var consume: (([TopicRun]) -> Void)?

    func read() throws(InputError) -> Run {
        var carryStart = 0
        var state = BEIRScanState.documentStart
        while true {
            try fill(keepingFrom: carryStart)
            let next = try scanBatch(state)
            if let consume {
                consume(run.topics)
                run = Run(source: name)
                run.tag = "beir"
            }
            guard let next else { return run }
            (carryStart, state) = next
        }
    }

    /// Scans the buffer; returns where the part to carry starts, or nil at the end.
    private func scanBatch(_ state: BEIRScanState) throws(InputError) -> (Int, BEIRScanState)? {
        let bytes = UnsafeRawBufferPointer(start: buffer.baseAddress, count: filled)
        let starts = BEIRPieceCuts.guesses(bytes, from: 0, count: threads)
        let name = name, limits = limits, endsInput = sourceEnded
        func stop(after k: Int) -> Int { k + 1 < starts.count ? starts[k + 1] : Int.max }
        let pieces = parallelMap(starts.count, threads: threads) { k in
            var scanner = JSONScanner(bytes, name: name, limits: limits, endsInput: endsInput, from: starts[k])
            return scanner.scanPiece(k == 0 ? state : .afterQuery, stopAt: stop(after: k))
        }
        var expected = 0
        var expectedState = state
        var line = bufferLine
        for k in pieces.indices {
            var piece = pieces[k]
            if piece.start != expected {
                var scanner = JSONScanner(bytes, name: name, limits: limits, endsInput: endsInput, from: expected)
                piece = scanner.scanPiece(expectedState, stopAt: stop(after: k))
            }
            do {
                try take(&piece, startingOn: line)
            } catch {
                throw sourceErrorFirst(error)
            }
            if piece.finished { return nil }
            expected = piece.lastBoundary
            expectedState = piece.stateAtLastBoundary
            line += piece.linesBeforeLastBoundary
            if piece.incomplete { break }
        }
        // The last piece scans to the end of the buffer: it finishes, fails or is incomplete.
        bufferLine = line
        return (expected, expectedState)
    }

    /// Adds the piece's queries to the run (it starts on line `base`); throws its error.
    private func take(_ piece: inout BEIRResultsPiece, startingOn base: Int) throws(InputError) {
        for i in piece.records.indices {
            let topic = piece.records[i].topic
            let line = base + piece.records[i].line
            try noteQuery(topic, line: line)
            var block = TopicRun(topic: topic)
            swap(&block, &piece.records[i].documents)
            if block.count > 0 {
                block.shiftLines(by: base)
                run.append(block: block)
            }
        }
        guard var error = piece.error else { return }
        if let pending = piece.pendingTopic { try noteQuery(pending.topic, line: base + pending.line) }
        error.line = (error.line ?? 0) + base
        throw error
    }

    private func noteQuery(_ topic: String, line: Int) throws(InputError) {
        if let first = topicLines[topic] {
            throw InputError(file: name, line: line,
                             message: "query id \"\(topic.excerpt)\" appears twice in the results object (also line \(first)); expected each query once")
        }
        topicLines[topic] = line
    }

    /// Moves the bytes from `carryStart` to the front and fills the buffer up from the
    /// source, growing it when the carried part fills more than half of it.
    private func fill(keepingFrom carryStart: Int) throws(InputError) {
        let carried = filled - carryStart
        if carryStart > 0 && carried > 0 {
            memmove(buffer.baseAddress!, buffer.baseAddress! + carryStart, carried)
        }
        filled = carried
        if carried * 2 > buffer.count {
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: carried * 2, alignment: 16)
            bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: carried)
            buffer.deallocate()
            buffer = bigger
        }
        while !sourceEnded && filled < buffer.count {
            let n: Int
            do {
                n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            } catch {
                throw error.at(line: bufferLine + newlines(in: UnsafeRawBufferPointer(rebasing: buffer[..<filled])))
            }
            if n == 0 { sourceEnded = true } else { filled += n }
        }
    }

    /// `error`, unless the rest of the source fails: then the source's error, placed at
    /// the line it interrupted.
    private func sourceErrorFirst(_ parseError: InputError) -> InputError {
        guard !sourceEnded else { return parseError }
        var lines = bufferLine + newlines(in: UnsafeRawBufferPointer(rebasing: buffer[..<filled]))
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n: Int
            do {
                n = try source.read(into: chunk)
            } catch {
                return error.at(line: lines)
            }
            if n == 0 { return parseError }
            lines += newlines(in: UnsafeRawBufferPointer(rebasing: chunk[..<n]))
        }
    }

    private func newlines(in bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0
        for b in bytes where b == 0x0a { count += 1 }
        return count
    }
}
