import RevalCore
import RevalFormats

/// Collects topics, turning a repeated id or an empty file into an error.
struct TopicsCollector {
    let file: String
    private(set) var topics = Topics()
    private var lines: [String: Int] = [:]

    init(file: String) { self.file = file }

    mutating func add(_ topic: Topic, line: Int) throws(InputError) {
        guard topics.append(topic) else {
            let first = lines[topic.id].map { " (first at line \($0))" } ?? ""
            throw InputError(file: file, line: line, message: "topic '\(topic.id)' appears twice\(first)")
        }
        lines[topic.id] = line
    }

    func finish() throws(InputError) -> Topics {
        guard !topics.isEmpty else {
            throw InputError(file: file, message: "no topics: the file is empty or holds only blank lines")
        }
        return topics
    }
}
