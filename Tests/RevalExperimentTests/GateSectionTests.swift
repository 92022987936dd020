import Foundation
import RevalExperiment
import Testing

@Suite("The gate: section, checked with the experiment, before anything is evaluated")
struct GateSectionTests {
    /// Lines: 1 measures, 2 datasets, 3 d, 4 systems, 5 S, 6 T, 7 `gate:`, 8 onwards the gate.
    static func yaml(_ gate: String, baseline: String = "") -> String {
        "measures: [ndcg_cut.10, map]\ndatasets:\n  d: {qrels: q.txt}\nsystems:\n  S: {runs: {d: r.txt}}\n"
            + "  T: {runs: {d: r.txt}, expected: {d: {map: 0.5}}}\ngate:\n" + gate + baseline
    }

    func read(_ text: String) throws(ExperimentError) -> Experiment {
        try ExperimentReader.read(bytes: Array(text.utf8), file: Paths.fixtures + "/x.yaml")
    }

    @Test("a valid section: the candidate, the baseline from the top level, datasets by default, thresholds as written")
    func valid() throws {
        let experiment = try read(Self.yaml("  candidate: S\n  checks:\n    - {measure: map, min: 0.50, max_drop: 0.01, not_significantly_worse: true}\n    - {measure: \"nDCG@10\", max_relative_drop: 0.02, datasets: [d]}\n",
                                            baseline: "baseline: T\n"))
        let gate = try #require(experiment.gate)
        #expect(gate.candidate == "S" && gate.baseline == "T")
        #expect(gate.checks.map(\.index) == [1, 2])
        #expect(gate.checks[0].datasets == ["d"])
        #expect(gate.checks[0].min?.text == "0.50" && gate.checks[0].min?.value == 0.5)
        #expect(gate.checks[0].maxDrop?.value == 0.01 && gate.checks[0].notSignificantlyWorse)
        #expect(gate.checks[0].criterionKeys == ["min", "max_drop", "not_significantly_worse"])
        #expect(gate.checks[1].measure == "nDCG@10" && !gate.checks[1].printedName.isEmpty)
        #expect(gate.checks[0].location.line == 10 && gate.checks[0].location.column == 7)
    }

    @Test("gate.baseline overrides the top-level baseline; reproduce needs the candidate's published score")
    func baselineAndReproduce() throws {
        let experiment = try read(Self.yaml("  candidate: T\n  baseline: S\n  checks:\n    - {measure: map, reproduce: 0.001, max_drop: 0.1}\n", baseline: "baseline: T\n"))
        #expect(experiment.gate?.baseline == "S")
        #expect(experiment.gate?.checks[0].reproduce?.value == 0.001)
    }

    /// (gate text, line, column, words the message holds).
    static let cases: [(String, Int, Int, [String])] = [
        (yaml("  candidate: S\n  checks:\n    - {measure: map, mni: 0.5}\n"), 10, 22, ["unknown key 'mni' in gate.checks[1]", "did you mean 'min'?"]),
        (yaml("  candidat: S\n  checks: []\n"), 8, 3, ["unknown key 'candidat' in gate", "did you mean 'candidate'?"]),
        (yaml("  candidate: S\n  check:\n    - {measure: map, min: 0.5}\n"), 9, 3, ["unknown key 'check' in gate", "did you mean 'checks'?"]),
        (yaml("  candidate: U\n  checks:\n    - {measure: map, min: 0.5}\n"), 8, 14, ["'U' is not a system", "expected a name under 'systems'"]),
        (yaml("  candidate: S\n  baseline: X\n  checks:\n    - {measure: map, min: 0.5}\n"), 9, 13, ["'X' is not a system"]),
        (yaml("  candidate: S\n  checks:\n    - {measure: map, min: 0.5, datasets: [e]}\n"), 10, 43, ["dataset 'e' is not declared"]),
        (yaml("  candidate: S\n  checks:\n    - {measure: mapp, min: 0.5}\n"), 10, 17, ["unknown measure 'mapp'"]),
        (yaml("  candidate: S\n  checks:\n    - {measure: \"P.5,10\", min: 0.1}\n"), 10, 17, ["gives 2 values"]),
        (yaml("  candidate: S\n  checks:\n    - {measure: map, min: high}\n"), 10, 27, ["expected a number"]),
        (yaml("  candidate: S\n  checks:\n    - {measure: map, min: '0.5'}\n"), 10, 27, ["quoted"]),
        (yaml("  candidate: S\n  checks:\n    - {measure: map, not_significantly_worse: yes}\n", baseline: "baseline: T\n"), 10, 47, ["'yes' is a boolean in YAML 1.1"]),
        (yaml("  candidate: S\n  checks:\n    - {measure: map, max_drop: -0.01}\n", baseline: "baseline: T\n"), 10, 32, ["expected an absolute drop >= 0"]),
        (yaml("  candidate: S\n  checks:\n    - {measure: map, max_relative_drop: 2}\n", baseline: "baseline: T\n"), 10, 41, ["a fraction between 0 and 1"]),
        (yaml("  candidate: S\n  checks:\n    - {measure: map}\n"), 10, 7, ["check 1 has no criterion"]),
        (yaml("  candidate: S\n  checks:\n    - {measure: map, not_significantly_worse: false}\n"), 10, 7, ["no criterion"]),
        (yaml("  candidate: S\n  checks:\n    - {measure: map, max_drop: 0.01}\n"), 10, 7, ["uses max_drop but there is no baseline"]),
        (yaml("  candidate: S\n  baseline: S\n  checks:\n    - {measure: map, max_drop: 0.01}\n"), 9, 13, ["the baseline is the candidate"]),
        (yaml("  candidate: S\n  checks:\n    - {measure: map, reproduce: 0.001}\n"), 10, 33, ["has no published score for map on dataset 'd'"]),
        (yaml("  candidate: S\n  checks: []\n"), 9, 11, ["is empty"]),
        (yaml("  candidate: S\n"), 8, 3, ["missing key 'checks' in gate"]),
        (yaml("  candidate: S\n  checks: {measure: map}\n"), 9, 11, ["expected a list"]),
        ("measures: [map]\ndatasets:\n  d: {qrels: q.txt}\n  e: {qrels: q.txt}\nsystems:\n  S: {runs: {d: r.txt}}\n  T: {runs: {d: r.txt, e: r.txt}}\ngate:\n  candidate: S\n  checks:\n    - {measure: map, min: 0.1, datasets: [e]}\n",
         11, 43, ["the candidate 'S' has no run for dataset 'e'"]),
        ("measures: [map]\ndatasets:\n  d: {qrels: q.txt}\n  e: {qrels: q.txt}\nsystems:\n  S: {runs: {d: r.txt, e: r.txt}}\n  T: {runs: {d: r.txt}}\nbaseline: T\ngate:\n  candidate: S\n  checks:\n    - {measure: map, max_drop: 0.1}\n",
         12, 7, ["compares with the baseline 'T' on dataset 'e', where it has no run"]),
    ]

    @Test("bad sections: one located error each, exit code 2", arguments: cases.indices)
    func errors(_ index: Int) {
        let (text, line, column, words) = Self.cases[index]
        do {
            _ = try read(text)
            Issue.record("no error for case \(index)")
        } catch {
            #expect(error.exitCode == 2)
            #expect(error.line == line, "case \(index): \(error)")
            #expect(error.column == column, "case \(index): \(error)")
            for word in words { #expect(error.description.contains(word), "case \(index): \(error)") }
        }
    }
}
