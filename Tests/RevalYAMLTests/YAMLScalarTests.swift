import RevalYAML
import Testing

/// The value of key `v` in a one-line document.
func scalar(_ text: String) throws -> YAMLNode {
    try parse("v: \(text)\n").mapping(keys: ["v"]).required("v")
}

@Suite("YAML scalars")
struct YAMLScalarTests {
    @Test("plain decimals read as numbers", arguments: [
        ("0", 0.0), ("12", 12), ("-3.5", -3.5), ("0.0832", 0.0832), ("1.5e-3", 0.0015), ("2E+2", 200), ("10.0", 10),
    ])
    func numbers(_ text: String, _ value: Double) throws {
        #expect(try scalar(text).number() == value)
    }

    /// Each text and the words its error must contain.
    @Test("YAML 1.1's traps and other non-decimals are errors that say why", arguments: [
        ("010", "YAML 1.1 reads it as octal 8"),
        ("0777", "octal 511"),
        ("09", "a leading zero"),
        ("no", "a boolean in YAML 1.1"),
        ("yes", "a boolean in YAML 1.1"),
        ("on", "a boolean in YAML 1.1"),
        ("1_000", "'_' between digits"),
        ("1:30", "base 60"),
        ("0x1F", "hexadecimal, octal and binary"),
        ("0o17", "hexadecimal, octal and binary"),
        (".inf", "finite"),
        (".nan", "finite"),
        ("+5", "without '+'"),
        (".5", "a decimal number such as"),
        ("5.", "digits after '.'"),
        ("1e", "digits after the exponent"),
        ("12abc", "a decimal number such as"),
        ("'0.5'", "quoted text '0.5'; write it without quotes"),
        ("\"3\"", "quoted text '3'"),
    ])
    func rejectedNumbers(_ text: String, _ reason: String) throws {
        let node = try scalar(text)
        let error = yamlError { _ = try node.number() }
        #expect(error?.description.contains(reason) == true, "\(text): \(error?.description ?? "no error")")
        #expect(error?.line == 1 && error?.column == 4)
    }

    @Test("whole numbers: digits only")
    func integers() throws {
        #expect(try scalar("64").integer() == 64)
        #expect(try scalar("-2").integer() == -2)
        #expect(yamlError { _ = try scalar("2.5").integer() }?.description.contains("whole digits only") == true)
        #expect(yamlError { _ = try scalar("010").integer() }?.description.contains("octal 8") == true)
        #expect(yamlError { _ = try scalar("99999999999999999999").integer() }?.description.contains("out of range") == true)
    }

    @Test("booleans are true or false; YAML 1.1's words are refused")
    func booleans() throws {
        #expect(try scalar("true").bool() == true)
        #expect(try scalar("false").bool() == false)
        let error = yamlError { _ = try scalar("yes").bool() }
        #expect(error?.description == "test.yaml:1:4: v: 'yes' is a boolean in YAML 1.1 but text in YAML 1.2; write true or false")
        #expect(yamlError { _ = try scalar("maybe").bool() }?.description.contains("expected true or false") == true)
    }

    @Test("text stays as written: no, 010 and 1.10 are not converted")
    func textUnconverted() throws {
        #expect(try scalar("no").string() == "no")
        #expect(try scalar("010").string() == "010")
        #expect(try scalar("1.10").string() == "1.10")
        #expect(try scalar("'quoted: yes'").string() == "quoted: yes")
        #expect(try scalar("no").isYAML11Boolean)
        #expect(try !scalar("'no'").isYAML11Boolean)
    }

    @Test("sizes: bytes, decimal and binary units", arguments: [
        ("4294967296", Int64(4_294_967_296)), ("4 GiB", 4_294_967_296), ("4GB", 4_000_000_000), ("512 MiB", 536_870_912),
        ("1.5 kB", 1500), ("2 KiB", 2048), ("0", 0), ("7 B", 7), ("1 TiB", 1_099_511_627_776),
    ])
    func sizes(_ text: String, _ bytes: Int64) throws {
        #expect(ByteCount.parse(text) == .success(bytes))
    }

    @Test("bad sizes are refused", arguments: ["4 GiBs", "-1 GB", "1.5", "010", "GiB", "4 XB", "1_000"])
    func badSizes(_ text: String) {
        guard case .failure = ByteCount.parse(text) else {
            Issue.record("\(text) was accepted")
            return
        }
    }

    @Test("sizes described for tables")
    func describedSizes() {
        #expect(ByteCount.describe(512) == "512 B")
        #expect(ByteCount.describe(4_294_967_296) == "4.0 GiB")
        // 5,000,000 / 1024² = 4.768... → 4.8 MiB.
        #expect(ByteCount.describe(5_000_000) == "4.8 MiB")
    }
}
