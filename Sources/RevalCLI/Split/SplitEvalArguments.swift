import RevalCore
import RevalEval
import RevalFormats

/// `reval split eval`'s command line before and after parsing.
enum SplitEvalArguments {
    /// The option the split file is parsed under. The shared evaluation flags already use
    /// `--split` (a BEIR dataset's qrels split), so `--split FILE` is rewritten to this and
    /// `--beir-split NAME` to `--split NAME` before parsing.
    static let splitFileOption = "split-file"

    static func rewrite(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var options = true
        for arg in arguments {
            if !options || arg == "--" {
                options = false
                result.append(arg)
            } else if arg == "--split" || arg.hasPrefix("--split=") {
                result.append("--\(splitFileOption)" + arg.dropFirst("--split".count))
            } else if arg == "--beir-split" || arg.hasPrefix("--beir-split=") {
                result.append("--split" + arg.dropFirst("--beir-split".count))
            } else {
                result.append(arg)
            }
        }
        return result
    }

    /// The help text with the two options under the names the user types: the split file
    /// as `--split`, the shared BEIR option as `--beir-split`.
    static func help(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in lines.enumerated() {
            if line.hasPrefix("  --split <name>") {
                lines[i] = "  --beir-split <name>" + line.dropFirst("  --split <name>".count + 5)
            } else if line.hasPrefix("  --\(splitFileOption) <file>") {
                lines[i] = "  --split <file>     " + line.dropFirst("  --\(splitFileOption) <file>".count)
            }
        }
        return lines.joined(separator: "\n").replacingOccurrences(of: "[--\(splitFileOption) <file>]", with: "[--split <file>]")
    }

    /// Whether `path` holds qrels rather than a run: a folder (a BEIR dataset), BEIR's qrels
    /// header, or a first data line of 4 whitespace-separated fields (TREC runs have 6, MS
    /// MARCO runs 3).
    static func looksLikeQrels(_ path: String, settings: EvaluationSettings) throws(InputError) -> Bool {
        if path != "-" && isDirectory(path) { return true }
        if !canReadTwice(path) { return false }  // stdin or a pipe is read once, as a run
        let input = try PeekedInput(path)
        if input.firstDataLine?.starts(with: Array("query-id".utf8)) == true { return true }
        return input.firstLineFields.count == 4
    }

    /// One input per distinct path, named by file name unless two share one (then by path).
    static func runInputs(_ paths: [String]) -> [RunInput] {
        var seen = Set<String>()
        let distinct = paths.filter { seen.insert($0).inserted }
        var nameCounts: [String: Int] = [:]
        for path in distinct { nameCounts[RunInput.defaultName(for: path), default: 0] += 1 }
        return distinct.map { path in
            let name = RunInput.defaultName(for: path)
            return RunInput(path: path, name: nameCounts[name, default: 0] > 1 ? path : nil)
        }
    }
}
