import RevalCore
import RevalCost
import RevalEval
import RevalFormats
import RevalYAML

/// Reads and checks an experiment file, entirely before anything is evaluated: the YAML,
/// every key (an unknown one is an error naming the nearest valid key), every type (YAML
/// 1.1's `no` and `010` are refused, not converted), every cross-reference (a run for an
/// undeclared dataset, a baseline that is not a system, a published score for a measure
/// that cannot be read) and that every file named exists. Every error names
/// FILE:LINE:COLUMN.
///
/// ```swift
/// do {
///     let experiment = try ExperimentReader.read(path: "Reports/dl19.yaml")
/// } catch {
///     print("reval: \(error)")
///     // Reports/dl19.yaml:12:5: unknown key 'qrel' in datasets.dl19; did you mean 'qrels'? ...
/// }
/// ```
public enum ExperimentReader {
    /// The top-level keys.
    public static let topLevelKeys = [
        "title", "measures", "relevance_level", "judged_only", "max_retrieved", "ignore_identical_ids",
        "baseline", "significance", "cost", "datasets", "systems", "leaderboard", "gate",
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
    /// anchors the relative paths. `checkFiles: false` skips the checks that named files
    /// exist (and the reading of profiles), for tests of the schema alone.
    public static func read(bytes: [UInt8], file: String, checkFiles: Bool = true) throws(ExperimentError) -> Experiment {
        do {
            let root = try YAMLDocument.parse(bytes, file: file)
            let reader = Reader(file: file, folder: ExperimentPaths.folder(of: file), checkFiles: checkFiles)
            return try reader.experiment(root, bytes: bytes)
        } catch {
            throw ExperimentError(error)
        }
    }

    struct Reader {
        var file: String
        var folder: String
        var checkFiles: Bool

        func experiment(_ root: YAMLNode, bytes: [UInt8]) throws(YAMLError) -> Experiment {
            let top = try root.mapping(keys: topLevelKeys)
            let title = try top["title"].map { node throws(YAMLError) in try text(node, "a title") }
            var settings = EvaluationSettings()
            settings.completeTopics = true
            if let node = top["relevance_level"] { settings.relevanceLevel = try node.integer() }
            if let node = top["judged_only"] { settings.judgedOnly = try node.bool() }
            if let node = top["ignore_identical_ids"] { settings.ignoreIdenticalIDs = try node.bool() }
            if let node = top["max_retrieved"] {
                let value = try node.integer()
                guard value >= 1 else { throw node.error("is \(value); expected a whole number of documents >= 1") }
                settings.maxRetrieved = value
            }
            let measures = try self.measures(try top.required("measures"))
            let datasets = try self.datasets(try top.required("datasets"))
            let systems = try self.systems(try top.required("systems"), datasets: datasets)
            var baseline: String?
            if let node = top["baseline"] {
                let name = try text(node, "a system's name")
                guard systems.contains(where: { $0.name == name }) else {
                    throw node.error(unknownName("'\(name)' is not a system", name, systems.map(\.name), "a name under 'systems'"))
                }
                baseline = name
            }
            let significance = try top["significance"].map { node throws(YAMLError) in try self.significance(node) }
                ?? SignificanceSettings()
            let cost = try top["cost"].map { node throws(YAMLError) in try self.cost(node) } ?? CostSettings()
            let leaderboard = try self.leaderboard(top["leaderboard"])
            var experiment = Experiment(file: file, folder: folder, bytes: bytes, title: title, measures: measures,
                                        settings: settings, baseline: baseline, significance: significance, cost: cost,
                                        datasets: datasets, systems: systems, leaderboard: leaderboard)
            if let node = top["gate"] {
                experiment.gate = try gate(node, systems: systems, datasets: datasets, baseline: baseline)
            }
            return experiment
        }

        func measures(_ node: YAMLNode) throws(YAMLError) -> [MeasureSpec] {
            let items = try node.sequence()
            guard !items.isEmpty else { throw node.error("is empty; expected at least one measure, such as [ndcg_cut.10]") }
            var specs: [MeasureSpec] = []
            for item in items {
                let name = try text(item, "a measure name")
                specs.append(MeasureSpec(name: name, printedNames: try Self.printedNames(name, at: item), location: item.location))
            }
            return specs
        }

        /// The printed names a measure name gives, or an error at `node`.
        static func printedNames(_ name: String, at node: YAMLNode) throws(YAMLError) -> [String] {
            let selected: [any Measure]
            do {
                selected = try MeasureSelection.select([name])
            } catch {
                let reason = EvaluationError(error).description
                    .replacing("; see 'reval eval --help' for the list", with: "")
                throw node.error("\(reason); expected a trec_eval name (ndcg_cut.10, map, recall.1000) or an ir_measures name (nDCG@10, AP(rel=2))")
            }
            let numeric = selected.filter { $0.style.format == .real || $0.style.format == .integer }
            let names = numeric.flatMap(\.valueNames)
            guard !names.isEmpty else {
                throw node.error("measure '\(name)' has no numeric value (it prints text); expected a measure with a number per topic")
            }
            return names
        }

        func significance(_ node: YAMLNode) throws(YAMLError) -> SignificanceSettings {
            let map = try node.mapping(keys: ["test", "correction", "alpha", "permutations", "seed"])
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
                let alpha = try value.number()
                guard alpha > 0 && alpha < 1 else { throw value.error("is \(alpha); expected a level between 0 and 1, such as 0.05") }
                settings.alpha = alpha
            }
            if let value = map["permutations"] {
                let n = try value.integer()
                guard n >= 1 else { throw value.error("is \(n); expected a whole number >= 1") }
                settings.permutations = n
            }
            if let value = map["seed"] {
                let seed = try value.integer()
                guard seed >= 0 else { throw value.error("is \(seed); expected a whole number >= 0") }
                settings.seed = UInt64(seed)
            }
            return settings
        }

        func cost(_ node: YAMLNode) throws(YAMLError) -> CostSettings {
            let map = try node.mapping(keys: ["axis", "percentile"])
            var settings = CostSettings()
            if let value = map["axis"] {
                let name = try value.string()
                guard let axis = CostAxis(rawValue: name) else {
                    throw value.error(unknownName("unknown cost axis '\(name)'", name, CostAxis.allCases.map(\.rawValue), "one of"))
                }
                settings.axis = axis
            }
            if let value = map["percentile"] {
                let name = try value.string()
                guard let rule = PercentileRule(rawValue: name) else {
                    throw value.error(unknownName("unknown percentile rule '\(name)'", name, PercentileRule.allCases.map(\.rawValue), "one of"))
                }
                settings.percentile = rule
            }
            return settings
        }

        func leaderboard(_ node: YAMLNode?) throws(YAMLError) -> LeaderboardSettings {
            var base = file.split(separator: "/").last.map(String.init) ?? file
            for ending in [".yaml", ".yml"] where base.hasSuffix(ending) && base.count > ending.count {
                base.removeLast(ending.count)
            }
            var settings = LeaderboardSettings(output: base)
            guard let node else { return settings }
            let map = try node.mapping(keys: ["output", "formats"])
            if let value = map["output"] {
                let output = try text(value, "a file name without ending, such as dl19")
                guard !output.hasSuffix("/") else {
                    throw value.error("'\(output)' is a folder; expected a file name without ending, such as dl19")
                }
                settings.output = output
            }
            if let value = map["formats"] {
                var formats: [LeaderboardSettings.Format] = []
                for item in try value.sequence() {
                    let name = try item.string()
                    guard let format = LeaderboardSettings.Format(rawValue: name) else {
                        throw item.error(unknownName("unknown format '\(name)'", name, LeaderboardSettings.Format.allCases.map(\.rawValue), "one of"))
                    }
                    guard !formats.contains(format) else { throw item.error("format '\(name)' is listed twice; expected each format once") }
                    formats.append(format)
                }
                guard !formats.isEmpty else { throw value.error("is empty; expected one or more of markdown, csv, json, html, latex") }
                settings.formats = formats
            }
            return settings
        }

        /// Text that is not empty.
        func text(_ node: YAMLNode, _ expected: String) throws(YAMLError) -> String {
            let value = try node.string()
            guard !value.isEmpty, !node.isNull else { throw node.error("is empty; expected \(expected)") }
            return value
        }

        /// A path value resolved against the experiment's folder, checked to exist as `kind`.
        func path(_ node: YAMLNode, _ expected: ExperimentPaths.Kind, _ what: String) throws(YAMLError) -> (resolved: String, written: String) {
            let written = try text(node, "a path to the \(what)")
            let resolved = ExperimentPaths.resolve(written, against: folder)
            guard checkFiles else { return (resolved, written) }
            switch (ExperimentPaths.kind(of: resolved), expected) {
            case (.missing, _):
                throw node.error("\(what) '\(resolved)' does not exist; expected a path relative to the experiment's folder (\(folder))")
            case (.folder, .file):
                throw node.error("\(what) '\(resolved)' is a folder; expected a file")
            case (.stream, _):
                throw node.error("\(what) '\(resolved)' is a pipe or device; expected a \(expected == .folder ? "folder" : "regular file"): "
                                 + ExperimentPaths.readTwice)
            case (.file, .folder):
                throw node.error("\(what) '\(resolved)' is a file; expected a folder")
            default:
                return (resolved, written)
            }
        }
    }

    /// "MESSAGE; did you mean 'X'? expected WHAT: a, b, c".
    static func unknownName(_ message: String, _ name: String, _ valid: [String], _ what: String) -> String {
        var text = message
        if let near = KeySuggestion.closest(to: name, among: valid) { text += "; did you mean '\(near)'?" }
        let listed = valid.count <= 12 ? valid.joined(separator: ", ") : valid.prefix(12).joined(separator: ", ") + ", ..."
        return text + (text.hasSuffix("?") ? " " : "; ") + "expected \(what): \(listed)"
    }
}

extension YAMLNode {
    /// Where the node starts.
    var location: ExperimentLocation { ExperimentLocation(file: file, line: line, column: column) }
}

extension YAMLError {
    /// An error at a place in an experiment file.
    init(at location: ExperimentLocation, _ message: String) {
        self.init(file: location.file, line: location.line, column: location.column, message: message)
    }
}
