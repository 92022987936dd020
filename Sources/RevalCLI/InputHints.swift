import RevalCore
import RevalEval
import RevalFormats

/// Hints added to input errors when the files were probably given in the wrong order.
enum InputHints {
    /// The qrels, or the error reading them with a hint when the file looks like a run
    /// (and the first run like qrels: the two were swapped).
    static func loadQrels(_ path: String, runs: [String], settings: EvaluationSettings) throws(InputError) -> Qrels {
        do {
            return try EvaluationPipeline.loadQrels(path, settings: settings)
        } catch {
            guard let shape = runShape(path) else { throw error }
            var hinted = error
            let swapped = runs.first.map(looksLikeQrels) ?? false
            hinted.message += swapped
                ? "; the files look swapped: this is \(shape) and \(runs[0]) looks like qrels; give the qrels first, then the run"
                : "; this looks like \(shape), not qrels; give the qrels first, then the run"
            throw hinted
        }
    }

    /// "a TREC run" or "a BEIR results JSON (a run)" when the file's first line is one.
    static func runShape(_ path: String) -> String? {
        guard canReadTwice(path), let input = try? PeekedInput(path) else { return nil }
        if input.firstVisibleByte == UInt8(ascii: "{") { return "a BEIR results JSON (a run)" }
        let fields = input.firstLineFields
        if fields.count == 6, Double(fields[4]) != nil { return "a TREC run" }
        return nil
    }

    /// Whether the file's first line is a TREC qrels line (4 fields, an integer grade).
    static func looksLikeQrels(_ path: String) -> Bool {
        guard canReadTwice(path), let input = try? PeekedInput(path) else { return false }
        let fields = input.firstLineFields
        return fields.count == 4 && Int(fields[3]) != nil
    }
}
