import Foundation
import RevalExperiment
import RevalReport

/// Gate experiments over the DL19 passage data bundled in Qrels/ (43 topics, four runs).
enum GateFixture {
    static let packageRoot = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let dl19 = packageRoot.appendingPathComponent("Qrels/dl19-passage").path
    static let bm25Run = dl19 + "/runs/BM25.trec_results_dl19_top100.txt"
    static let rm3Run = dl19 + "/runs/BM25_RM3.trec_results_dl19_top100.txt"
    static let spladeRun = dl19 + "/runs/SPLADE_P_P_ENSEMBLE_DISTIL.trec_results_dl19_top100.txt"

    /// BM25, BM25+RM3 and SPLADE++ with their published nDCG@10, except that BM25+RM3's is
    /// BM25's 0.5058 on purpose (a reproduction that must fail); then `gate`.
    static func yaml(gate: String, names: (bm25: String, rm3: String, splade: String) = ("BM25", "BM25+RM3", "SPLADE++"),
                     dataset: String = "dl19-passage", significance: String = "{test: t, alpha: 0.05}") -> String {
        func quoted(_ s: String) -> String {
            "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n")
                .replacing("\t", with: "\\t").replacing("\u{1}", with: "\\x01") + "\""
        }
        return """
            measures: [ndcg_cut.10, recall.100]
            relevance_level: 2
            baseline: \(quoted(names.bm25))
            significance: \(significance)
            datasets:
              \(quoted(dataset)): {qrels: \(quoted(dl19 + "/qrels.dl19-passage.txt"))}
            systems:
              \(quoted(names.bm25)): {runs: {\(quoted(dataset)): \(quoted(bm25Run))}, expected: {\(quoted(dataset)): {ndcg_cut.10: 0.5058}}}
              \(quoted(names.rm3)): {runs: {\(quoted(dataset)): \(quoted(rm3Run))}, expected: {\(quoted(dataset)): {ndcg_cut.10: 0.5058}}}
              \(quoted(names.splade)): {runs: {\(quoted(dataset)): \(quoted(spladeRun))}, expected: {\(quoted(dataset)): {ndcg_cut.10: 0.7308}}}
            gate:
            \(gate.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))

            """
    }

    static func report(_ text: String, threads: Int = 2) throws -> GateReport {
        let experiment = try ExperimentReader.read(bytes: Array(text.utf8), file: Fixtures.folder.path + "/gate.yaml")
        guard let gate = experiment.gate else { throw FixtureError("no gate section") }
        let results = try ExperimentEvaluation.evaluate(experiment, threads: threads)
        return GateReport.judge(results, gate: gate, generator: "reval test", threads: threads)
    }

    /// trec_eval's per-topic values of `measure` in a `-q` output (Qrels/dl19-passage/expected).
    static func trecEvalPerTopic(_ file: String, measure: String) throws -> [String: Double] {
        let text = try String(contentsOfFile: dl19 + "/expected/" + file, encoding: .utf8)
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count == 3, fields[0] == measure, fields[1] != "all", let value = Double(fields[2]) {
                values[String(fields[1])] = value
            }
        }
        return values
    }

    /// Runs a program; nil when it cannot be started.
    static func run(_ program: String, _ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static var hasXmllint: Bool { run("xmllint", ["--version"])?.status == 0 }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
