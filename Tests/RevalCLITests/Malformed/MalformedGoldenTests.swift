import Foundation
import RevalCLI
import Testing

/// The `.sameOutput` cases compare a hostile input's output with a reference input's; here
/// each reference's output is compared with trec_eval 10.0's, so neither side of those
/// cases rests on reval alone (Fixtures/malformed-goldens/README.md).
@Suite("Malformed-input references against trec_eval 10.0")
struct MalformedGoldenTests {
    static let goldens: [String: String] = [
        "-q -m all_trec @good.qrels @good.run": "good.q.all_trec.txt",
        "-q -m all_trec @good.qrels @run-long-docno-short": "run-long-docno-short.q.all_trec.txt",
        "-q -m all_trec @good.qrels @run-score-huge.txt": "run-score-huge.q.all_trec.txt",
        "-q -m all_trec @qrels-long-docno-short @good.run": "qrels-long-docno-short.q.all_trec.txt",
        "-q -m all_prefs -R prefs @good.prefs @good.run": "good.prefs.q.all_prefs.txt",
        "-q -m map -Z @good.zscores @good.qrels @good.run": "good.zscores.q.map.txt",
    ]

    static var references: [[String]] {
        var seen = Set<String>()
        return MalformedCase.all.compactMap { c -> [String]? in
            guard case .sameOutput(let reference, _) = c.expected,
                  seen.insert(reference.joined(separator: " ")).inserted else { return nil }
            return reference
        }
    }

    @Test("every reference prints trec_eval 10.0's bytes", arguments: references)
    func referenceMatchesTrecEval(_ reference: [String]) throws {
        let key = reference.joined(separator: " ")
        let golden = try #require(Self.goldens[key], "no trec_eval golden for \(key)")
        try TemporaryFolder.with { folder in
            let out = reval(try reference.map { try Corpus.resolve($0, in: folder) })
            #expect(out.exitCode == 0, "\(out.stderr)")
            let expected = try Fixture.bytes(Paths.fixture("malformed-goldens/\(golden)"))
            let difference = Output.difference(out.stdoutBytes, expected)
            #expect(difference == nil, "\(difference ?? "")")
        }
    }
}
