import Foundation
import Testing
import RevalCore
import RevalFormats

/// The run reader's score parser: a fast path for plain decimals of up to 15 significant
/// digits with exponents within ±22, strtod for everything else. Both must give the
/// correctly rounded double, i.e. the same bits as Swift's Double(String).
@Suite("Score parsing")
struct NumberParsingTests {
    static let texts: [String] = [
        // fast path
        "0.1", "0.2", "0.3", "3.14159", "-2.5", "123456789012345", "1234567890.12345",
        "0.000001", "1.5e22", "1e-22", "123456789012345e22", "9.999999999999999",
        "0.30000000000000", "+3.25", "0", "-0.0", "1e5",
        // fallback: more than 15 significant digits
        "123456789012345678", "9007199254740993", "0.30000000000000004", "1.0000000000000002",
        "0.12345678901234567890123", "2.2250738585072014e-308", "7.2057594037927933e16",
        // fallback: exponent beyond ±22
        "1e23", "1e-23", "1e-300", "4.9e-324", "2.4703282292062328e-324",
        "1.7976931348623157e308", "1e308",
        // fallback: long exponents, hex
        "1e0000005", "0x1p-2", "0x10",
    ]

    @Test("scores parse to the same bits as Double(String)", arguments: NumberParsingTests.texts)
    func agreesWithSwift(text: String) throws {
        let dir = try TemporaryDirectory()
        let run = try TrecRunReader.read(path: try dir.write("1 Q0 d 1 \(text) r\n"))
        let parsed = try #require(run["1"]?.scores.first)
        let expected = try #require(Double(text))
        #expect(parsed.bitPattern == expected.bitPattern, "\(text): \(parsed) vs \(expected)")
    }

    @Test("a few values written out by hand")
    func handValues() throws {
        let dir = try TemporaryDirectory()
        let run = try TrecRunReader.read(path: try dir.write("""
            1 Q0 a 1 0.1 r
            1 Q0 b 2 123456789012345678 r
            1 Q0 c 3 4.9e-324 r
            1 Q0 d 4 1.7976931348623157e308 r
            1 Q0 e 5 1e-300 r
            1 Q0 f 6 -0 r
            """))
        let s = try #require(run["1"]?.scores)
        #expect(s[0] == 0.1)
        #expect(s[1] == 123456789012345678.0)  // rounds to 123456789012345680
        #expect(s[2] == .leastNonzeroMagnitude)  // 4.9e-324 is the smallest subnormal
        #expect(s[3] == .greatestFiniteMagnitude)
        #expect(s[4] == 1e-300)
        #expect(s[5] == 0 && s[5].sign == .minus)  // "-0" keeps its sign
    }

    @Test("numbers too large for a double become infinity, as strtod gives")
    func overflow() throws {
        let dir = try TemporaryDirectory()
        let run = try TrecRunReader.read(path: try dir.write("1 Q0 a 1 1e400 r\n1 Q0 b 2 -1e400 r\n"))
        #expect(run["1"]?.scores == [.infinity, -.infinity])
    }
}
