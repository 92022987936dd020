import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file's bytes coming through a pipe, named as a shell's `<(cat FILE)` names it:
/// `/dev/fd/N`, the pipe's read end. A thread of its own writes the bytes and closes the
/// write end, so the reader sees the end of the input once it has read them all, and an
/// attempt to open the path again reads nothing (it does not wait: the pipe is not a FIFO).
///
/// ```swift
/// let piped = try PipedFile("run.txt")
/// defer { piped.close() }
/// evaluate(piped.path)   // "/dev/fd/7"
/// ```
public final class PipedFile: @unchecked Sendable {
    public let path: String
    private let readEnd: Int32

    public init(_ file: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw CocoaError(.fileReadUnknown) }
        readEnd = ends[0]
        path = "/dev/fd/\(ends[0])"
        let writeEnd = ends[1]
        Thread.detachNewThread {
            // A reader that stops early (a test that fails) closes the read end: the write
            // then fails with EPIPE instead of raising SIGPIPE, which would end the whole
            // test process (a write's SIGPIPE goes to the thread that wrote).
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(writeEnd, raw.baseAddress! + offset, raw.count - offset)
                    if n <= 0 { break }
                    offset += n
                }
            }
            Glibc.close(writeEnd)
        }
    }

    /// Closes the read end (the writing thread then stops, if it has not finished).
    public func close() { Glibc.close(readEnd) }
}
