import RevalEval
import RevalStats

/// `reval compare`'s arguments, checked and in typed form.
struct CompareOptions {
    enum Format: String, CaseIterable {
        case text, json, csv, markdown
    }

    var evaluation: EvaluationSettings
    var measureNames: [String]
    var runs: [RunInput]
    var allPairs: Bool
    var comparison: ComparisonSettings
    var format: Format

    static let defaultMeasures = ["ndcg_cut.10", "map"]

    init(_ command: CompareCommand) throws {
        evaluation = try command.evaluation.settings()
        measureNames = command.evaluation.measureNames.isEmpty ? Self.defaultMeasures : command.evaluation.measureNames
        guard command.files.count >= 3 else {
            throw CompareError("compare needs the qrels, a baseline run and at least one more run; got \(command.files.count) file\(command.files.count == 1 ? "" : "s") (usage: reval compare [options] QRELS BASELINE RUN [RUN...])")
        }
        let paths = Array(command.files.dropFirst())
        var seenPaths = Set<String>()
        for path in paths where !seenPaths.insert(path).inserted {
            throw CompareError("\(path): run given twice; expected each run once")
        }
        guard command.names.count <= paths.count else {
            throw CompareError("--name given \(command.names.count) times for \(paths.count) runs; expected at most one name per run")
        }
        runs = paths.enumerated().map { k, path in RunInput(path: path, name: k < command.names.count ? command.names[k] : nil) }
        var seenNames = [String: String]()
        for run in runs {
            if let other = seenNames[run.name] {
                throw CompareError("\(run.path): run name '\(run.name)' is also the name of \(other); expected distinct names (give them with --name)")
            }
            seenNames[run.name] = run.path
        }
        allPairs = command.allPairs

        var comparison = ComparisonSettings()
        comparison.threads = evaluation.threads
        guard let test = SignificanceTest(rawValue: command.test) else {
            throw CompareError("unknown test '\(command.test)' for --test; expected t, randomization, wilcoxon, bootstrap or tukey")
        }
        comparison.test = test
        guard let correction = PValueCorrection(rawValue: command.correction) else {
            throw CompareError("unknown correction '\(command.correction)' for --correction; expected holm, bonferroni, bh or none")
        }
        comparison.correction = correction
        comparison.alpha = try Self.fraction(command.alpha, flag: "--alpha")
        comparison.confidence = try Self.fraction(command.confidence, flag: "--confidence")
        comparison.permutations = try Self.count(command.permutations, flag: "--permutations")
        comparison.bootstrapResamples = try Self.count(command.bootstrap, flag: "--bootstrap")
        guard let seed = UInt64(command.seed) else {
            throw CompareError("--seed needs a whole number from 0 to 18446744073709551615, got '\(command.seed)'")
        }
        comparison.seed = seed
        self.comparison = comparison
        guard let format = Format(rawValue: command.format) else {
            throw CompareError("unknown output format '\(command.format)' for --format; expected text, json, csv or markdown")
        }
        self.format = format
    }

    /// The (baseline, system) pairs: the first run with each other, or every pair in order.
    var pairs: [(Int, Int)] {
        if allPairs {
            return (0..<runs.count).flatMap { i in ((i + 1)..<runs.count).map { (i, $0) } }
        }
        return (1..<runs.count).map { (0, $0) }
    }

    static func fraction(_ text: String, flag: String) throws(CompareError) -> Double {
        guard let value = Double(text), value > 0, value < 1 else {
            throw CompareError("\(flag) needs a number between 0 and 1 (exclusive), got '\(text)'")
        }
        return value
    }

    static func count(_ text: String, flag: String) throws(CompareError) -> Int {
        guard let value = Int(text), value >= 1 else {
            throw CompareError("\(flag) needs a whole number of at least 1, got '\(text)'")
        }
        guard value <= 1_000_000_000 else {
            throw CompareError("\(flag) takes at most 1000000000, got '\(text)'")
        }
        return value
    }
}
