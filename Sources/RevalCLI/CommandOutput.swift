#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RevalCore

/// What a command printed and how it ended; commands build this, `main` writes it out.
/// Tests run commands in-process and compare these fields.
public struct CommandOutput: Sendable, Equatable {
    public var stdout = ""
    public var stderr = ""
    public var exitCode: Int32 = 0

    public init() {}

    /// Adds one `reval: ...` line to stderr.
    mutating func error(_ message: String, exitCode: Int32) {
        stderr += "reval: \(message)\n"
        self.exitCode = exitCode
    }

    mutating func warning(_ message: String) {
        stderr += "reval: warning: \(message)\n"
    }

    /// Writes stdout and stderr to the process's streams, ids byte for byte as they were
    /// read (`String.rawBytes`), and returns the exit code: this output's, or 2 when stdout
    /// could not be written in full (a full disk, a closed pipe), which it then says on
    /// stderr, so a cut-off result never ends with exit 0.
    @discardableResult
    public func write() -> Int32 {
        let failure = Self.writeAll(1, stdout.rawBytes)
        Self.writeAll(2, stderr.rawBytes)
        guard let failure else { return exitCode }
        let reason = String(cString: strerror(failure))
        Self.writeAll(2, Array("reval: cannot write the results to standard output: \(reason)\n".utf8))
        return exitCode == 0 ? 2 : exitCode
    }

    /// stdout as the bytes `write()` writes.
    public var stdoutBytes: [UInt8] { stdout.rawBytes }

    /// Writes all of `bytes` to `fd`; returns errno on failure.
    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return n < 0 ? errno : EIO }
                offset += n
            }
            return nil
        }
    }
}

/// An error that ends a command with an exit code and a message already in the output.
struct CommandFailed: Error {
    var output: CommandOutput
}
