import Foundation
import RevalExperiment
import Testing

enum Paths {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
}

@Suite("Experiment files: the schema, checked before anything is evaluated")
struct ExperimentReaderTests {
    /// A valid experiment over Fixtures/q.txt and Fixtures/r.txt, with `extra` appended.
    static func yaml(_ extra: String = "", systems: String = "  S: {runs: {d: r.txt}}\n") -> String {
        "measures: [ndcg_cut.10, map]\ndatasets:\n  d: {qrels: q.txt}\nsystems:\n" + systems + extra
    }

    func read(_ text: String) throws(ExperimentError) -> Experiment {
        try ExperimentReader.read(bytes: Array(text.utf8), file: Paths.fixtures + "/x.yaml")
    }

    @Test("a valid file: measures, datasets, systems, defaults")
    func valid() throws {
        let experiment = try read(Self.yaml("baseline: S\nrelevance_level: 2\n"))
        #expect(experiment.measures.map(\.name) == ["ndcg_cut.10", "map"])
        #expect(experiment.printedMeasures == ["ndcg_cut_10", "map"])
        #expect(experiment.datasets.map(\.name) == ["d"])
        #expect(experiment.datasets[0].qrels == Paths.fixtures + "/q.txt")
        #expect(experiment.systems[0].runs[0].asWritten == "r.txt")
        #expect(experiment.baseline == "S")
        #expect(experiment.settings.relevanceLevel == 2)
        #expect(experiment.settings.completeTopics)
        #expect(experiment.significance.test == .t && experiment.significance.correction == .holm && experiment.significance.alpha == 0.05)
        #expect(experiment.leaderboard.output == "x" && experiment.leaderboard.formats.count == 5)
    }

    /// (YAML, line, column, words the message must hold). Lines count from 1 in the text
    /// `yaml()` builds: 1 measures, 2 datasets, 3 d, 4 systems, 5 S, 6 the extra.
    static let cases: [(String, Int, Int, [String])] = [
        (yaml("measrues: [map]\n"), 6, 1, ["unknown key 'measrues'", "did you mean 'measures'?"]),
        (yaml("gate: {candidate: S}\n"), 6, 7, ["missing key 'checks' in gate"]),
        ("measures: [map]\ndatasets:\n  d: {qrel: q.txt}\nsystems:\n  S: {runs: {d: r.txt}}\n", 3, 7, ["unknown key 'qrel'", "did you mean 'qrels'?"]),
        (yaml(systems: "  S: {runs: {e: r.txt}}\n"), 5, 17, ["dataset 'e' is not declared"]),
        (yaml(systems: "  S: {runs: {d: missing.txt}}\n"), 5, 17, ["does not exist"]),
        // A device or pipe (only looked at, never opened): it could not be read twice.
        (yaml(systems: "  S: {runs: {d: /dev/null}}\n"), 5, 17, ["run '/dev/null' is a pipe or device", "more than once"]),
        ("measures: [map]\ndatasets:\n  d: {qrels: /dev/null}\nsystems:\n  S: {runs: {d: r.txt}}\n", 3, 14,
         ["qrels '/dev/null' is a pipe or device", "more than once"]),
        (yaml("baseline: T\n"), 6, 11, ["'T' is not a system"]),
        (yaml("judged_only: no\n"), 6, 14, ["'no' is a boolean in YAML 1.1", "true or false"]),
        (yaml("relevance_level: 010\n"), 6, 18, ["leading zero", "octal 8"]),
        (yaml("relevance_level: '2'\n"), 6, 18, ["quoted"]),
        ("measures: [ndcg_cutt.10]\ndatasets:\n  d: {qrels: q.txt}\nsystems:\n  S: {runs: {d: r.txt}}\n", 1, 12, ["unknown measure 'ndcg_cutt'"]),
        (yaml(systems: "  S: {runs: {d: r.txt}, expected: {d: {\"P.5,10\": 0.3}}}\n"), 5, 50, ["gives 2 values"]),
        (yaml("significance: {test: ttest}\n"), 6, 22, ["unknown test 'ttest'", "one of: t, randomization, wilcoxon, tukey"]),
        (yaml("significance: {alpha: 5}\n"), 6, 23, ["between 0 and 1"]),
        (yaml("measures: [map]\n"), 1, 1, ["given twice"]),  // RevalYAML places it at the mapping
        (yaml("leaderboard: {formats: [markdown, pdf]}\n"), 6, 35, ["unknown format 'pdf'"]),
        (yaml(systems: "  S: {runs: {d: r.txt}, efficiency: {d: r.txt}}\n"), 5, 0, ["r.txt"]),
        ("measures: []\ndatasets:\n  d: {qrels: q.txt}\nsystems:\n  S: {runs: {d: r.txt}}\n", 1, 11, ["empty"]),
        ("measures: [map\n", 2, 1, ["expected valid YAML"]),
    ]

    @Test("bad files: one located error each, exit code 2", arguments: cases.indices)
    func errors(_ index: Int) {
        let (text, line, column, words) = Self.cases[index]
        do {
            _ = try read(text)
            Issue.record("no error for case \(index)")
        } catch {
            #expect(error.exitCode == 2)
            if column > 0 {
                #expect(error.line == line, "case \(index): \(error)")
                #expect(error.column == column, "case \(index): \(error)")
            }
            for word in words { #expect(error.description.contains(word), "case \(index): \(error)") }
        }
    }

    @Test("a system naming no run is refused; a dataset no system runs on is refused")
    func coverage() {
        #expect(throws: ExperimentError.self) { try read(Self.yaml(systems: "  S: {about: {type: x}}\n")) }
        let text = "measures: [map]\ndatasets:\n  d: {qrels: q.txt}\n  e: {qrels: q.txt}\nsystems:\n  S: {runs: {d: r.txt}}\n"
        #expect(throws: ExperimentError.self) { try read(text) }
    }

    @Test("text stays as written: a system named no, a version 1.10, a published score's decimals")
    func textAsWritten() throws {
        let experiment = try read(Self.yaml(systems: "  no: {runs: {d: r.txt}, expected: {d: {map: 0.3010}}, about: {version: 1.10}}\n"))
        #expect(experiment.systems[0].name == "no")
        #expect(experiment.systems[0].about[0].value == "1.10")
        #expect(experiment.systems[0].expected[0].text == "0.3010")
        // 4 decimals: half a unit of the 4th is 0.00005.
        #expect(abs(experiment.systems[0].expected[0].roundingTolerance - 0.00005) < 1e-12)
    }
}

@Suite("XXH64 against the reference implementation")
struct XXHash64Tests {
    /// Digests from the python-xxhash package (the C reference, xxhash 0.8), e.g.
    /// `xxhash.xxh64(b"abc").hexdigest()`.
    static let vectors: [(String, String)] = [
        ("", "ef46db3751d8e999"),
        ("a", "d24ec4f1a98c6e5b"),
        ("abc", "44bc2cf5ad770999"),
        ("0123456789abcdef0123456789abcdef0", "e87684f08d6d0816"),
    ]

    @Test("short inputs", arguments: vectors)
    func reference(input: String, digest: String) {
        var hash = XXHash64()
        hash.update(Array(input.utf8))
        #expect(hash.hexDigest == digest)
    }

    @Test("771 bytes (bytes 0…255 three times, then xyz), fed whole and in uneven pieces")
    func streamed() {
        let bytes = Array((0..<3).flatMap { _ in (0...255).map(UInt8.init) }) + Array("xyz".utf8)
        var whole = XXHash64()
        whole.update(bytes)
        #expect(whole.hexDigest == "e921a1b45bd779f8")
        var pieces = XXHash64()
        var offset = 0
        for size in [1, 7, 31, 32, 33, 100, 567] {
            pieces.update(bytes[offset..<(offset + size)])
            offset += size
        }
        #expect(offset == bytes.count)
        #expect(pieces.hexDigest == whole.hexDigest)
    }

    @Test("a seed changes the digest")
    func seeded() {
        var hash = XXHash64(seed: 7)
        hash.update(Array("abc".utf8))
        #expect(hash.hexDigest == "9e755206156676d7")
    }
}
