import RevalYAML
import Testing

@Suite("Key suggestions")
struct KeySuggestionTests {
    /// Distances worked by hand: kitten → sitten → sittin → sitting is 3; latency → latnecy
    /// is one swap of neighbours.
    @Test("edit distance", arguments: [
        ("kitten", "sitting", 3), ("", "abc", 3), ("abc", "", 3), ("flaw", "lawn", 2), ("same", "same", 0),
        ("latency", "latnecy", 1), ("nmae", "name", 1), ("ab", "ba", 1),
    ])
    func distance(_ a: String, _ b: String, _ expected: Int) {
        #expect(KeySuggestion.editDistance(Array(a), Array(b)) == expected)
    }

    static let keys = ["name", "run", "latency", "latency_ms", "price_per_hour", "concurrency"]

    @Test("near keys are suggested, far ones are not", arguments: [
        ("nmae", "name"), ("Name", "name"), ("runs", "run"), ("latencyms", "latency_ms"), ("pricePerHour", "price_per_hour"),
        ("concurency", "concurrency"), ("latency_s", "latency_ms"),
    ])
    func suggested(_ key: String, _ expected: String) {
        #expect(KeySuggestion.closest(to: key, among: Self.keys) == expected)
    }

    @Test("no suggestion for an unrelated key", arguments: ["colour", "x", "hardware_catalogue_file"])
    func notSuggested(_ key: String) {
        #expect(KeySuggestion.closest(to: key, among: Self.keys) == nil)
    }
}
