import Testing
import RevalCore
import RevalFormats
import RevalTopics

/// JSONLTopicsReader: BEIR `queries.jsonl`.
@Suite("JSONL topics reader")
struct JSONLTopicsReaderTests {
    @Test("ids as strings or integers; text as written; other strings and metadata as fields")
    func fields() throws {
        let text = """
            {"_id": "q1", "text": "first  query", "metadata": {"query": "covid origin", "narrative": "n", "year": 2020}}

            {"_id": 2, "text": "caf\\u00e9 \\"quoted\\"", "title": "t", "count": 3}\r
              {"text": "order of members does not matter", "_id": "3", "metadata": null}
            """
        let topics = try readTopics(text)
        #expect(Array(topics) == [
            Topic(id: "q1", fields: ["text": "first  query", "metadata.narrative": "n", "metadata.query": "covid origin"]),
            Topic(id: "2", fields: ["text": "café \"quoted\"", "title": "t"]),
            Topic(id: "3", fields: ["text": "order of members does not matter"]),
        ])
    }

    static let bad: [BadInput] = [
        BadInput("not JSON", "{\"_id\": \"1\", \"text\": \"a\"}\n{\"_id\": \"2\", \"text\": \n", line: 2, "not valid JSON"),
        BadInput("two values on a line", "{\"_id\": \"1\", \"text\": \"a\"} {\"_id\": \"2\", \"text\": \"b\"}\n", line: 1, "not valid JSON"),
        BadInput("an array", "{\"_id\": \"1\", \"text\": \"a\"}\n[1, 2]\n", line: 2, "expected a JSON object"),
        BadInput("a string", "{\"_id\": \"1\", \"text\": \"a\"}\n\"x\"\n", line: 2, "expected a JSON object"),
        BadInput("no _id", "{\"text\": \"a\"}\n", line: 1, "no \"_id\" member"),
        BadInput("boolean _id", "{\"_id\": true, \"text\": \"a\"}\n", line: 1, "\"_id\" must be a non-empty string or an integer"),
        BadInput("fraction _id", "{\"_id\": 1.5, \"text\": \"a\"}\n", line: 1, "\"_id\" must be"),
        BadInput("empty _id", "{\"_id\": \"\", \"text\": \"a\"}\n", line: 1, "\"_id\" must be"),
        BadInput("null _id", "{\"_id\": null, \"text\": \"a\"}\n", line: 1, "\"_id\" must be"),
        BadInput("no text", "{\"_id\": \"1\"}\n", line: 1, "\"text\" must be present and a string"),
        BadInput("text not a string", "{\"_id\": \"1\", \"text\": 5}\n", line: 1, "\"text\" must be present and a string"),
        BadInput("metadata not an object", "{\"_id\": \"1\", \"text\": \"a\", \"metadata\": \"m\"}\n", line: 1, "\"metadata\" must be an object"),
        BadInput("repeated id", "{\"_id\": \"1\", \"text\": \"a\"}\n{\"_id\": 1, \"text\": \"b\"}\n", line: 2, "topic '1' appears twice (first at line 1)"),
    ]

    @Test("malformed JSONL is an error naming its line", arguments: bad)
    func malformed(_ input: BadInput) throws {
        try input.check(format: .jsonl)
    }

    @Test("invalid UTF-8 is an error naming its line")
    func invalidUTF8() throws {
        let bytes = Array("{\"_id\": \"1\", \"text\": \"a\"}\n{\"_id\": \"2\", \"text\": \"".utf8) + [0xff, 0xfe] + Array("\"}\n".utf8)
        let error = try topicsError(bytes, format: .jsonl)
        #expect(error?.line == 2)
        #expect(error?.message == "not valid UTF-8")
    }
}
