#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RevalCore

/// Where a scan of the results object starts: at the opening `{` of the file, or right
/// after the `}` that closes a query's documents (a record boundary).
enum BEIRScanState: Sendable {
    case documentStart
    case afterQuery
}

/// One query object as a piece read it. Lines are counted from the piece's start (0).
struct BEIRQueryRecord {
    var topic: String
    var line: Int
    var documents: TopicRun
}

/// What the scan of one piece of a batch found. Lines are counted from the piece's start.
struct BEIRResultsPiece {
    /// Where the scan started.
    var start: Int
    /// The query objects read whole, in file order.
    var records: [BEIRQueryRecord] = []
    /// A query id read before `error`: checked for repetition before `error` is reported,
    /// as a single pass reports it.
    var pendingTopic: (topic: String, line: Int)?
    /// The first error, when it is the input's (it does not depend on bytes past the buffer).
    var error: InputError?
    /// The scan needed bytes past the end of a buffer that the input continues past:
    /// everything after `lastBoundary` is read again with the next batch.
    var incomplete = false
    /// The results object closed and only white space followed, to the end of the input.
    var finished = false
    /// Right after the last query object read (`start` when none), with the lines before
    /// it and the state a scan starting there takes.
    var lastBoundary: Int
    var linesBeforeLastBoundary = 0
    var stateAtLastBoundary: BEIRScanState

    init(start: Int, state: BEIRScanState) {
        self.start = start
        lastBoundary = start
        stateAtLastBoundary = state
    }
}

enum BEIRPieceCuts {
    /// Where `bytes` is probably cut into `count` pieces at record boundaries: near each
    /// `k * bytes.count / count`, right after a `}` followed by white space and `,`. A guess
    /// may fall inside a string (a document id `"a}, b"`): the scan of the piece before tells
    /// (it stops at the first boundary at or after the guess, which is then not the guess)
    /// and the piece is scanned again from where the one before really stopped.
    static func guesses(_ bytes: UnsafeRawBufferPointer, from start: Int, count: Int) -> [Int] {
        var starts = [start]
        guard count > 1, let base = bytes.baseAddress else { return starts }
        let size = bytes.count - start
        for k in 1..<count {
            var p = max(start + size / count * k, starts[starts.count - 1] + 1)
            var found: Int?
            while p < bytes.count, let brace = memchr(base + p, 0x7d, bytes.count - p) {
                let after = UnsafeRawPointer(brace) - base + 1
                var q = after
                while q < bytes.count, bytes[q] == 0x20 || bytes[q] == 0x0a || bytes[q] == 0x0d || bytes[q] == 0x09 { q += 1 }
                if q < bytes.count, bytes[q] == UInt8(ascii: ",") {
                    found = after
                    break
                }
                p = after
            }
            guard let cut = found else { break }
            starts.append(cut)
        }
        return starts
    }
}
