import RevalYAML
import Testing

/// Parses `text` as the file `name`.
func parse(_ text: String, file: String = "test.yaml") throws(YAMLError) -> YAMLNode {
    try YAMLDocument.parse(Array(text.utf8), file: file)
}

/// The error `body` throws, or nil.
func yamlError(_ body: () throws -> Void) -> YAMLError? {
    do {
        try body()
    } catch let error as YAMLError {
        return error
    } catch {
        Issue.record("not a YAMLError: \(error)")
    }
    return nil
}

@Suite("YAML documents")
struct YAMLDocumentTests {
    static let keys = ["name", "price_per_hour", "currency", "hardware"]

    @Test("an unknown key is an error at its line and column, with the near key suggested")
    func unknownKeyLocated() {
        let text = "name: bm25\nhardware:\n  name: vm\n  pric_per_hour: 0.08\n"
        let error = yamlError {
            let root = try parse(text).mapping(keys: Self.keys)
            _ = try root.required("hardware").mapping(keys: ["name", "price_per_hour"])
        }
        // "pric_per_hour" starts line 4, column 3 (after two spaces of indentation).
        #expect(error?.line == 4)
        #expect(error?.column == 3)
        #expect(error?.description.hasPrefix("test.yaml:4:3: unknown key 'pric_per_hour' in hardware; did you mean 'price_per_hour'?") == true)
    }

    @Test("a key far from every allowed one gets the list, no guess")
    func unknownKeyWithoutSuggestion() {
        let error = yamlError { _ = try parse("colour: red\n").mapping(keys: Self.keys) }
        #expect(error?.description == "test.yaml:1:1: unknown key 'colour' (expected one of: name, price_per_hour, currency, hardware)")
    }

    @Test("a syntax error carries libyaml's line and column")
    func syntaxError() {
        // Line 2 opens a flow sequence that line 3 never closes.
        let error = yamlError { _ = try parse("name: x\nlist: [1, 2\nother: 3\n") }
        #expect(error?.line != nil)
        #expect(error?.column != nil)
        #expect(error?.description.hasPrefix("test.yaml:") == true)
        #expect(error?.description.contains("expected valid YAML or JSON") == true)
    }

    @Test("a key given twice is an error naming it and its line")
    func duplicateKey() {
        let error = yamlError { _ = try parse("name: a\nrun: r\nname: b\n") }
        #expect(error?.description.contains("key 'name' given twice") == true)
        #expect(error?.line == 1 || error?.line == 3)
    }

    @Test("empty, NUL and non-UTF-8 files are errors; a byte order mark is skipped")
    func fileLevelProblems() throws {
        #expect(yamlError { _ = try parse("") }?.description == "test.yaml: empty; expected a YAML or JSON mapping")
        #expect(yamlError { _ = try parse("# only a comment\n") }?.description == "test.yaml: empty; expected a YAML or JSON mapping")
        let nul = yamlError { _ = try YAMLDocument.parse(Array("name: a\nb\u{0}c: 1\n".utf8), file: "f") }
        #expect(nul?.description == "f:2:2: NUL byte; expected YAML text, not binary data")
        let latin1 = yamlError { _ = try YAMLDocument.parse([0x6E, 0x3A, 0x20, 0x0A, 0x61, 0x3A, 0x20, 0xE9, 0x0A], file: "f") }
        #expect(latin1?.description == "f:2:4: bytes that are not UTF-8; expected UTF-8 text")
        let bom = try YAMLDocument.parse([0xEF, 0xBB, 0xBF] + Array("name: x\n".utf8), file: "f").mapping(keys: ["name"])
        #expect(try bom.required("name").string() == "x")
        #expect(bom.node.line == 1)
    }

    @Test("JSON reads as the same mapping, with positions")
    func json() throws {
        let text = "{\n  \"name\": \"bm25\",\n  \"price_per_hour\": 0.0832,\n  \"hardware\": {\"name\": \"vm\"}\n}\n"
        let root = try parse(text, file: "p.json").mapping(keys: Self.keys)
        #expect(try root.required("name").string() == "bm25")
        #expect(try root.required("price_per_hour").number() == 0.0832)
        #expect(root["price_per_hour"]?.line == 3)
        let hardware = try root.required("hardware").mapping(keys: ["name"])
        #expect(try hardware.required("name").string() == "vm")
        let error = yamlError { _ = try parse("{\"nmae\": 1}", file: "p.json").mapping(keys: Self.keys) }
        #expect(error?.description.hasPrefix("p.json:1:2: unknown key 'nmae'; did you mean 'name'?") == true)
    }

    @Test("a missing key is an error at the mapping; null reads as absent")
    func missingAndNull() throws {
        let root = try parse("name: ~\ncurrency:\n").mapping(keys: Self.keys)
        #expect(root["name"] == nil)
        #expect(root["currency"] == nil)
        #expect(yamlError { _ = try root.required("hardware") }?.description == "test.yaml:1:1: missing key 'hardware'; expected it")
        #expect(yamlError { _ = try root.required("name") }?.description == "test.yaml:1:7: name: has no value; expected one")
    }

    @Test("at most one of two exclusive keys")
    func exclusiveKeys() throws {
        let root = try parse("name: a\ncurrency: b\n").mapping(keys: Self.keys)
        let error = yamlError { try root.requireAtMostOne(of: ["name", "currency"]) }
        #expect(error?.description == "test.yaml:2:1: 'name' and 'currency' both given; expected only one of 'name', 'currency'")
    }

    @Test("kinds are checked: a list where a mapping belongs, a mapping where text belongs")
    func kinds() throws {
        let error = yamlError { _ = try parse("- a\n- b\n").mapping(keys: ["name"]) }
        #expect(error?.description == "test.yaml:1:1: expected a mapping of name, found a list")
        let root = try parse("name:\n  first: a\n").mapping(keys: ["name"])
        #expect(yamlError { _ = try root.required("name").string() }?.description == "test.yaml:2:3: name: expected text, found a mapping")
    }

    @Test("lists keep their items' paths")
    func sequences() throws {
        let root = try parse("systems:\n  - a\n  - [b]\n").mapping(keys: ["systems"])
        let items = try root.required("systems").sequence()
        #expect(items.count == 2)
        #expect(try items[0].string() == "a")
        #expect(yamlError { _ = try items[1].string() }?.description == "test.yaml:3:5: systems[2]: expected text, found a list")
    }
}
