import Testing
import RevalCore
import RevalFormats
import RevalTopics

/// Topic-file inputs the fuzzers (Fuzz/) found, kept so the fixes stay fixed. Each names the
/// target that found it and what was wrong. (The three crashes were FoundationXML's, which
/// reval no longer uses; the checks that kept them away stay.)
@Suite("Fuzzing regressions: topics")
struct TopicsFuzzRegressionTests {
    /// FuzzTopics: a malformed XML declaration (`<?xml version="0?1.">`, no `?>`) hid the
    /// DOCTYPE from the prolog scan, libxml2 then read its ATTLIST declarations, and
    /// FoundationXML's attribute-declaration callback crashed (SIGSEGV in strlen).
    @Test("XML topics: DTD markup the prolog scan misses is refused, not handed to libxml2")
    func doctypeAfterBadXMLDeclaration() throws {
        let path = Fixtures.topics("fuzz-crash-doctype-after-bad-xml-declaration.xml")
        for format in [nil, TopicsFormat.xml] {
            let error = #expect(throws: InputError.self) { try TopicsReader.read(path: path, format: format) }
            #expect(error?.file == path)
            #expect(error?.line == 2, "\(String(describing: error))")
            #expect(error?.message.contains("DTD markup (<!DOCTYPE)") == true)
        }
    }

    /// FuzzTopics: a processing instruction without data (`<?xmlvtive?>`) made
    /// FoundationXML's processing-instruction callback call strlen on NULL (SIGSEGV).
    @Test("XML topics: processing instructions other than the XML declaration are refused")
    func processingInstruction() throws {
        let path = Fixtures.topics("fuzz-crash-processing-instruction.xml")
        let error = #expect(throws: InputError.self) { try TopicsReader.read(path: path, format: .xml) }
        #expect(error?.file == path)
        #expect(error?.line == 2, "\(String(describing: error))")
        #expect(error?.message.contains("processing instruction") == true)
    }

    /// FuzzTopics: NUL bytes before the root made libxml2 guess a UCS-4 file and fail with
    /// an encoding error (6003); stopping the parser from its error callback then crashed
    /// it (SIGSEGV in xmlParseChunk). Topic files with a NUL byte are now refused before
    /// libxml2 sees them, with the line and column, as runs and qrels are.
    @Test("topics: a NUL byte is an error naming line and column, in every topic format")
    func nulBytesInTopics() throws {
        let path = Fixtures.topics("fuzz-nul-bytes-before-root.xml")
        for format in [nil] + TopicsFormat.allCases.map(Optional.some) {
            let error = #expect(throws: InputError.self) { try TopicsReader.read(path: path, format: format) }
            #expect(error?.file == path)
            #expect(error?.line == 1, "\(String(describing: error))")
            #expect(error?.message == "NUL byte in column 1; expected text, not binary data")
        }
        let tsv = Array("1\tfirst query\n2\tsec\0ond\n".utf8)
        let error = #expect(throws: InputError.self) { try TopicsReader.parse(bytes: tsv, name: "q.tsv", format: .tsv) }
        #expect(error?.line == 2)
        #expect(error?.message == "NUL byte in column 6; expected text, not binary data")
    }

    /// FuzzTopics (writing what it read and reading it back): a BEIR query with members
    /// `text` and `teXt` was written as TREC SGML with `<title>` for the text and `<text>`
    /// for the other (tag names are lower case), and read back, `text` became the main text.
    /// Fixed: a field other than the main one named `text` in any case is not written to SGML.
    @Test("TREC SGML output: a second field named text (any case) does not take the main text's place")
    func secondTextField() throws {
        let jsonl = Array("{\"_id\": \"3\", \"teXt\": \"1,000 genes\", \"text\": \"is due to low birth weight.\"}\n".utf8)
        let topics = try TopicsReader.parse(bytes: jsonl, name: "q.jsonl")
        let written = try TopicsWriter.write(topics, as: .trec)
        #expect(written.unwrittenFields == ["teXt"])
        let back = try TopicsReader.parse(bytes: written.bytes, name: "q.trec", format: .trec)
        #expect(back[id: "3"]?.mainText == "is due to low birth weight.")
    }
}
