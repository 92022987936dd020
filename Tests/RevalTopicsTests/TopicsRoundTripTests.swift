import Testing
import RevalCore
import RevalFormats
import RevalTopics

/// Every real topic file (Fixtures/) written in each output format and read back: the same
/// ids in the same order, the same main texts, and the other fields the format carries.
@Suite("Topic files: write and read back")
struct TopicsRoundTripTests {
    static let files = [
        "topics.robust04.txt", "queries.vaswani.trec", "topics.cacm.txt", "topics.covid-round5.xml",
        "topics.web.201-250.txt", "topics.clef06fr.mono.fr.txt", "topics.dl19-passage.txt",
        "beir-scifact.queries.jsonl", "beir-nfcorpus.queries.jsonl", "beir-trec-covid.queries.jsonl",
        "topics.covid-round5.xml.zst", "topics.robust04.txt.gz",
    ]

    static let cases: [(String, TopicsOutputFormat)] = files.flatMap { file in
        TopicsOutputFormat.allCases.map { (file, $0) }
    }

    /// Where the main text is, by TopicLayout's rule: the first field named text, else title,
    /// else query, else the first field.
    static func mainIndex(_ topic: Topic) -> Int? {
        for name in ["text", "title", "query"] {
            if let i = topic.fields.firstIndex(where: { $0.name == name }) { return i }
        }
        return topic.fields.isEmpty ? nil : 0
    }

    static func mainText(_ topic: Topic) -> String {
        mainIndex(topic).map { topic.fields[$0].text } ?? ""
    }

    /// The fields other than the main one.
    static func others(_ topic: Topic) -> [TopicField] {
        var fields = topic.fields
        if let i = mainIndex(topic) { fields.remove(at: i) }
        return fields
    }

    /// What the TREC SGML reader gives for a text: whitespace runs as one space, no ends.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" })
            .joined(separator: " ")
    }

    @Test("ids and texts survive writing and reading back", arguments: cases)
    func roundTrip(file: String, format: TopicsOutputFormat) throws {
        let original = try TopicsReader.read(path: Fixtures.topics(file))
        let written = try TopicsWriter.write(original, as: format)
        let readFormat: TopicsFormat = switch format { case .trec: .trec; case .tsv: .tsv; case .jsonl: .jsonl }
        #expect(TopicsFormat.detect(written.bytes) == readFormat)
        let back = try TopicsReader.parse(bytes: written.bytes, name: "written", format: readFormat)
        #expect(back.ids == original.ids)
        for topic in original {
            let text = Self.mainText(topic)
            let expected = switch format {
            case .tsv: String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
            case .jsonl: text
            case .trec: Self.collapsed(text)
            }
            #expect(back[id: topic.id].map(Self.mainText) == expected, "topic \(topic.id)")
        }
    }

    @Test("JSONL keeps every field: the main one as text, the others as metadata", arguments: files)
    func jsonlKeepsFields(file: String) throws {
        let original = try TopicsReader.read(path: Fixtures.topics(file))
        let written = try JSONLTopicsWriter.write(original)
        #expect(written.unwrittenFields.isEmpty)
        let back = try TopicsReader.parse(bytes: written.bytes, name: "written", format: .jsonl)
        for topic in original {
            var expected = [TopicField("text", Self.mainText(topic))]
            expected += Self.others(topic).map { TopicField($0.name.hasPrefix("metadata.") ? $0.name : "metadata." + $0.name, $0.text) }
                .sorted { $0.name < $1.name }
            #expect(back[id: topic.id]?.fields == expected, "topic \(topic.id)")
        }
    }

    @Test("TREC keeps every field whose name can be a tag, its text collapsed", arguments: files)
    func trecKeepsFields(file: String) throws {
        let original = try TopicsReader.read(path: Fixtures.topics(file))
        let written = try TrecTopicsWriter.write(original)
        let back = try TopicsReader.parse(bytes: written.bytes, name: "written", format: .trec)
        for topic in original {
            let expected = [TopicField("title", Self.collapsed(Self.mainText(topic)))] + Self.others(topic).compactMap { field in
                let name = field.name.hasPrefix("metadata.") ? String(field.name.dropFirst(9)) : field.name
                return name.contains("@") ? nil : TopicField(name.lowercased(), Self.collapsed(field.text))
            }
            #expect(back[id: topic.id]?.fields == expected, "topic \(topic.id)")
        }
        let attributes = original.flatMap(\.fields).map(\.name).filter { $0.contains("@") }
        #expect(Set(written.unwrittenFields) == Set(attributes))
    }
}
