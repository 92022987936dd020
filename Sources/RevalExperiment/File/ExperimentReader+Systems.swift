import RevalCost
import RevalYAML

extension ExperimentReader.Reader {
    static let systemKeys = ["runs", "efficiency", "expected", "about"]

    func systems(_ node: YAMLNode, datasets: [DatasetSpec]) throws(YAMLError) -> [SystemSpec] {
        let entries = try node.entries()
        guard !entries.isEmpty else { throw node.error("is empty; expected at least one system with its runs") }
        var systems: [SystemSpec] = []
        for entry in entries {
            systems.append(try system(entry.key, entry.value, datasets: datasets.map(\.name)))
        }
        for dataset in datasets where !systems.contains(where: { $0.run(for: dataset.name) != nil }) {
            throw YAMLError(at: dataset.location, "no system has a run for dataset '\(dataset.name)'; expected a 'runs' entry for it under some system")
        }
        return systems
    }

    func system(_ name: String, _ node: YAMLNode, datasets: [String]) throws(YAMLError) -> SystemSpec {
        let map = try node.mapping(keys: Self.systemKeys)
        let runs = try datasetPaths(try map.required("runs"),
                                    datasets: datasets, what: "run")
        guard !runs.isEmpty else {
            throw node.error("system '\(name)' has no runs; expected a mapping of dataset names to run files")
        }
        var efficiency: [DatasetProfile] = []
        if let value = map["efficiency"] {
            for file in try datasetPaths(value, datasets: datasets, what: "efficiency profile") {
                guard runs.contains(where: { $0.dataset == file.dataset }) else {
                    throw YAMLError(at: file.location, "an efficiency profile for dataset '\(file.dataset)' but no run; expected a run for it under 'runs'")
                }
                efficiency.append(DatasetProfile(file: file, profile: checkFiles ? try profile(file) : nil))
            }
        }
        var expected: [ExpectedScore] = []
        if let value = map["expected"] {
            expected = try expectedScores(value, datasets: datasets, runs: runs)
        }
        var about: [(key: String, value: String)] = []
        if let value = map["about"] {
            for entry in try value.entries() {
                about.append((entry.key, try entry.value.string()))
            }
        }
        return SystemSpec(name: name, runs: runs, efficiency: efficiency, expected: expected, about: about,
                          location: node.location)
    }

    /// The profile, with its latency file checked to exist.
    private func profile(_ file: DatasetPath) throws(YAMLError) -> EfficiencyProfile {
        let profile = try ProfileReader.read(path: file.path)
        if let latency = profile.latencyFile, ExperimentPaths.kind(of: latency) != .file {
            throw YAMLError(file: file.path, message: "latency file '\(latency)' does not exist; expected a TSV with qid and latency_ms columns, relative to the profile's folder")
        }
        return profile
    }

    private func datasetPaths(_ node: YAMLNode, datasets: [String], what: String) throws(YAMLError) -> [DatasetPath] {
        var paths: [DatasetPath] = []
        for entry in try node.entries() {
            try checkDataset(entry.key, at: entry.value, datasets: datasets)
            let file = try path(entry.value, .file, what)
            paths.append(DatasetPath(dataset: entry.key, path: file.resolved, asWritten: file.written, location: entry.value.location))
        }
        return paths
    }

    private func expectedScores(_ node: YAMLNode, datasets: [String], runs: [DatasetPath]) throws(YAMLError) -> [ExpectedScore] {
        var scores: [ExpectedScore] = []
        for entry in try node.entries() {
            try checkDataset(entry.key, at: entry.value, datasets: datasets)
            guard runs.contains(where: { $0.dataset == entry.key }) else {
                throw entry.value.error("a published score for dataset '\(entry.key)' but no run; expected a run for it under 'runs'")
            }
            for score in try entry.value.entries() {
                let printed = try ExperimentReader.Reader.printedNames(score.key, at: score.value)
                guard printed.count == 1 else {
                    throw score.value.error("measure '\(score.key)' gives \(printed.count) values (\(printed.joined(separator: ", "))); expected a measure with one value, such as ndcg_cut.10")
                }
                let value = try score.value.number()
                scores.append(ExpectedScore(dataset: entry.key, measure: score.key, printedName: printed[0],
                                            value: value, text: score.value.plainText ?? String(value), location: score.value.location))
            }
        }
        return scores
    }

    private func checkDataset(_ name: String, at node: YAMLNode, datasets: [String]) throws(YAMLError) {
        guard datasets.contains(name) else {
            throw node.error(ExperimentReader.unknownName("dataset '\(name)' is not declared", name, datasets, "a name under 'datasets'"))
        }
    }
}
