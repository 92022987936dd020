import Testing
import RevalCore
import RevalFormats
import RevalTopics

/// TSVTopicsReader: `id<TAB>text`, split at the first TAB.
@Suite("TSV topics reader")
struct TSVTopicsReaderTests {
    @Test("first TAB splits; the text is kept as is; blank lines skipped; CRLF; no final newline")
    func layout() throws {
        let text = "1\tplain query\n\n2\t leading space, trailing space \n  \n3\ttab\tinside\r\n 4 \tid trimmed\n5\t\n6\tnon-ASCII: Pétrole, 東京"
        let topics = try readTopics(text, format: .tsv)
        #expect(Array(topics) == [
            Topic(id: "1", fields: ["text": "plain query"]),
            Topic(id: "2", fields: ["text": " leading space, trailing space "]),
            Topic(id: "3", fields: ["text": "tab\tinside"]),
            Topic(id: "4", fields: ["text": "id trimmed"]),
            Topic(id: "5", fields: ["text": ""]),
            Topic(id: "6", fields: ["text": "non-ASCII: Pétrole, 東京"]),
        ])
    }

    @Test("detected as TSV when nothing else matches")
    func detected() throws {
        #expect(try readTopics("1\tq\n").ids == ["1"])
    }

    static let bad: [BadInput] = [
        BadInput("no TAB", "1\tq\n2 q\n", line: 2, "expected 'id<TAB>text', found no TAB"),
        BadInput("empty id", "1\tq\n\tq\n", line: 2, "expected one topic id before the TAB, found ''"),
        BadInput("id with a space", "a b\tq\n", line: 1, "found 'a b'"),
        BadInput("repeated id", "1\tq\n2\tr\n1\ts\n", line: 3, "topic '1' appears twice (first at line 1)"),
        BadInput("empty", "", line: nil, "no topics"),
    ]

    @Test("malformed TSV is an error naming its line", arguments: bad)
    func malformed(_ input: BadInput) throws {
        try input.check(format: .tsv)
    }

    @Test("invalid UTF-8 is an error naming its line")
    func invalidUTF8() throws {
        let error = try topicsError(Array("1\ta\n2\tb".utf8) + [0xe9] + Array("\n".utf8), format: .tsv)
        #expect(error?.line == 2)
        #expect(error?.message == "not valid UTF-8")
    }
}
