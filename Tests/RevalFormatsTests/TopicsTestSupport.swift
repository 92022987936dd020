import Testing
import RevalCore
import RevalFormats

// Helpers for the topic reader tests: write a text to a temporary file and read it.

/// The topics read from `text` (written to a temporary file) in `format`, nil to detect.
func readTopics(_ text: String, format: TopicsFormat? = nil) throws -> Topics {
    try readTopics(Array(text.utf8), format: format)
}

func readTopics(_ bytes: [UInt8], format: TopicsFormat? = nil) throws -> Topics {
    let dir = try TemporaryDirectory()
    return try TopicsReader.read(path: try dir.write(bytes, name: "topics"), format: format)
}

/// The error reading `text` gives, or nil when it reads without one.
func topicsError(_ text: String, format: TopicsFormat? = nil) throws -> InputError? {
    try topicsError(Array(text.utf8), format: format)
}

func topicsError(_ bytes: [UInt8], format: TopicsFormat? = nil) throws -> InputError? {
    let dir = try TemporaryDirectory()
    let path = try dir.write(bytes, name: "topics")
    do {
        _ = try TopicsReader.read(path: path, format: format)
        return nil
    } catch {
        #expect(error.file == path)
        #expect(error.exitCode == 2)
        return error
    }
}

/// A row of a table of inputs that must fail: the input, the line, words of the message.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var line: Int?
    var message: String
    var testDescription: String { name }

    init(_ name: String, _ text: String, line: Int?, _ message: String) {
        self.name = name
        self.text = text
        self.line = line
        self.message = message
    }

    /// Reads the input and checks the error's line and message.
    func check(format: TopicsFormat? = nil) throws {
        let error = try topicsError(text, format: format)
        #expect(error != nil, "no error for \(name)")
        #expect(error?.line == line, "\(error?.description ?? "")")
        #expect(error?.message.contains(message) == true, "\(error?.description ?? "")")
    }
}
