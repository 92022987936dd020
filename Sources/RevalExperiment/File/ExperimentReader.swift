import RevalCore
import RevalEval
import RevalFormats

/// Reads and checks an experiment file, entirely before anything is evaluated: the YAML,
/// every key (an unknown one is an error naming the nearest valid key), every type, every
/// cross-reference (a system's run for an undeclared dataset, a baseline that is not a
/// system, a published score for a measure that cannot be read) and that every file named
/// exists. Every error names FILE:LINE:COLUMN.
///
/// ```swift
/// do {
///     let experiment = try ExperimentReader.read(path: "Reports/dl19.yaml")
/// } catch {
///     print("reval: \(error)")   // Reports/dl19.yaml:12:5: unknown key 'qrel' in 'datasets.dl19'; did you mean 'qrels'? ...
/// }
/// ```
public enum ExperimentReader {
    /// The top-level keys. A section read by another command (`gate:`) adds its key here
    /// and reads `Experiment.document`.
    public static let topLevelKeys = [
        "title", "measures", "relevance_level", "judged_only", "max_retrieved", "ignore_identical_ids",
        "baseline", "significance", "datasets", "systems", "leaderboard",
    ]

    /// Reads the file at `path`.
    public static func read(path: String) throws(ExperimentError) -> Experiment {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            throw ExperimentError(error)
        }
        return try read(bytes: bytes, file: path)
    }

    /// Reads an experiment from its bytes; `file` names it in messages and its folder
    /// anchors the relative paths.
    public static func read(bytes: [UInt8], file: String, checkFiles: Bool = true) throws(ExperimentError) -> Experiment {
        if bytes.contains(0) {
            throw ExperimentError(file: file, message: "a NUL byte; expected a YAML text file")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ExperimentError(file: file, message: "the file is not UTF-8; expected a YAML text file")
        }
        let root = try ExperimentNode.parse(yaml: text, file: file)
        var reader = Reader(file: file, folder: ExperimentPaths.folder(of: file), checkFiles: checkFiles)
        return try reader.experiment(root, bytes: bytes)
    }

    struct Reader {
        var file: String
        var folder: String
        var checkFiles: Bool

        mutating func experiment(_ root: ExperimentNode, bytes: [UInt8]) throws(ExperimentError) -> Experiment {
            let top = try root.mapping(allowing: topLevelKeys)
            let title = try top["title"]?.string()
            var settings = EvaluationSettings()
            settings.completeTopics = true
            if let node = top["relevance_level"] { settings.relevanceLevel = try node.integer() }
            if let node = top["judged_only"] { settings.judgedOnly = try node.flag() }
            if let node = top["ignore_identical_ids"] { settings.ignoreIdenticalIDs = try node.flag() }
            if let node = top["max_retrieved"] {
                let value = try node.integer()
                guard value >= 1 else { throw node.error("max_retrieved is \(value); expected a whole number of documents >= 1") }
                settings.maxRetrieved = value
            }
            let measures = try self.measures(try top.required("measures", "a list of measures such as [ndcg_cut.10, map]"))
            let datasets = try self.datasets(try top.required("datasets", "a mapping of dataset names to their qrels"))
            let systems = try self.systems(try top.required("systems", "a mapping of system names to their runs"), datasets: datasets)
            var baseline: String?
            if let node = top["baseline"] {
                let name = try node.string()
                guard systems.contains(where: { $0.name == name }) else {
                    throw node.error(unknownName("baseline '\(name)' is not a system", name, systems.map(\.name), "a name under 'systems'"))
                }
                baseline = name
            }
            let significance = try top["significance"].map { node throws(ExperimentError) in try self.significance(node) }
                ?? SignificanceSettings()
            let leaderboard = try self.leaderboard(top["leaderboard"])
            return Experiment(file: file, folder: folder, bytes: bytes, title: title, measures: measures,
                              settings: settings, baseline: baseline, significance: significance,
                              datasets: datasets, systems: systems, leaderboard: leaderboard, document: root)
        }

        func measures(_ node: ExperimentNode) throws(ExperimentError) -> [MeasureSpec] {
            let items = try node.items()
            guard !items.isEmpty else { throw node.error("'measures' is empty; expected at least one measure, such as [ndcg_cut.10]") }
            var specs: [MeasureSpec] = []
            for item in items {
                let name = try item.string()
                specs.append(MeasureSpec(name: name, printedNames: try Self.printedNames(name, at: item), location: item.location))
            }
            return specs
        }

        /// The printed names a measure name gives, or an error at `node`.
        static func printedNames(_ name: String, at node: ExperimentNode) throws(ExperimentError) -> [String] {
            let selected: [any Measure]
            do {
                selected = try MeasureSelection.select([name])
            } catch {
                throw node.error("\(EvaluationError(error).description.replacing("see 'reval eval --help' for the list", with: "expected a trec_eval name (ndcg_cut.10, map, recall.1000) or an ir_measures name (nDCG@10, AP(rel=2))"))")
            }
            let numeric = selected.filter { $0.style.format == .real || $0.style.format == .integer }
            let names = numeric.flatMap(\.valueNames)
            guard !names.isEmpty else {
                throw node.error("measure '\(name)' has no numeric value (it prints text); expected a measure with a number per topic")
            }
            return names
        }

        func significance(_ node: ExperimentNode) throws(ExperimentError) -> SignificanceSettings {
            let map = try node.mapping(allowing: ["test", "correction", "alpha", "permutations", "seed"])
            var settings = SignificanceSettings()
            if let value = map["test"] {
                let name = try value.string()
                guard let test = SignificanceSettings.Test(rawValue: name) else {
                    throw value.error(unknownName("unknown test '\(name)'", name, SignificanceSettings.Test.allCases.map(\.rawValue), "one of"))
                }
                settings.test = test
            }
            if let value = map["correction"] {
                let name = try value.string()
                guard let correction = SignificanceSettings.Correction(rawValue: name) else {
                    throw value.error(unknownName("unknown correction '\(name)'", name, SignificanceSettings.Correction.allCases.map(\.rawValue), "one of"))
                }
                settings.correction = correction
            }
            if let value = map["alpha"] {
                let alpha = try value.number().value
                guard alpha > 0 && alpha < 1 else { throw value.error("alpha is \(alpha); expected a level between 0 and 1, such as 0.05") }
                settings.alpha = alpha
            }
            if let value = map["permutations"] {
                let n = try value.integer()
                guard n >= 1 else { throw value.error("permutations is \(n); expected a whole number >= 1") }
                settings.permutations = n
            }
            if let value = map["seed"] {
                let seed = try value.integer()
                guard seed >= 0 else { throw value.error("seed is \(seed); expected a whole number >= 0") }
                settings.seed = UInt64(seed)
            }
            return settings
        }

        func leaderboard(_ node: ExperimentNode?) throws(ExperimentError) -> LeaderboardSettings {
            var base = file.split(separator: "/").last.map(String.init) ?? file
            for ending in [".yaml", ".yml"] where base.hasSuffix(ending) && base.count > ending.count {
                base.removeLast(ending.count)
            }
            var settings = LeaderboardSettings(output: base)
            guard let node else { return settings }
            let map = try node.mapping(allowing: ["output", "formats"])
            if let value = map["output"] {
                let output = try value.string()
                guard !output.hasSuffix("/"), !output.contains("\0") else {
                    throw value.error("output '\(output)' is a folder; expected a file name without ending, such as dl19")
                }
                settings.output = output
            }
            if let value = map["formats"] {
                var formats: [LeaderboardSettings.Format] = []
                for item in try value.items() {
                    let name = try item.string()
                    guard let format = LeaderboardSettings.Format(rawValue: name) else {
                        throw item.error(unknownName("unknown format '\(name)'", name, LeaderboardSettings.Format.allCases.map(\.rawValue), "one of"))
                    }
                    guard !formats.contains(format) else { throw item.error("format '\(name)' is listed twice; expected each format once") }
                    formats.append(format)
                }
                guard !formats.isEmpty else { throw value.error("'formats' is empty; expected one or more of markdown, csv, json, html, latex") }
                settings.formats = formats
            }
            return settings
        }

        /// A path value resolved against the experiment's folder, checked to exist as `kind`.
        func path(_ node: ExperimentNode, _ expected: ExperimentPaths.Kind, _ what: String) throws(ExperimentError) -> (resolved: String, written: String) {
            let written = try node.string()
            let resolved = ExperimentPaths.resolve(written, against: folder)
            guard checkFiles else { return (resolved, written) }
            let kind = ExperimentPaths.kind(of: resolved)
            if kind == .missing {
                throw node.error("\(what) '\(resolved)' does not exist; expected a path relative to the experiment's folder (\(folder))")
            }
            if expected == .file && kind == .folder {
                throw node.error("\(what) '\(resolved)' is a folder; expected a file")
            }
            if expected == .folder && kind == .file {
                throw node.error("\(what) '\(resolved)' is a file; expected a folder")
            }
            return (resolved, written)
        }
    }

    /// "MESSAGE; did you mean 'X'? expected WHAT: a, b, c".
    static func unknownName(_ message: String, _ name: String, _ valid: [String], _ what: String) -> String {
        var text = message
        if let near = NearestName.find(name, among: valid) { text += "; did you mean '\(near)'?" }
        let listed = valid.count <= 12 ? valid.joined(separator: ", ") : valid.prefix(12).joined(separator: ", ") + ", ..."
        return text + (text.hasSuffix("?") ? " " : "; ") + "expected \(what): \(listed)"
    }
}
