#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// Writes stdout and stderr to the process's streams.
    public func write() {
        Self.writeAll(1, stdout)
        Self.writeAll(2, stderr)
    }

    static func writeAll(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}

/// An error that ends a command with an exit code and a message already in the output.
struct CommandFailed: Error {
    var output: CommandOutput
}
