extension ExperimentReader.Reader {
    static let systemKeys = ["runs", "efficiency", "expected", "about"]

    func systems(_ node: ExperimentNode, datasets: [DatasetSpec]) throws(ExperimentError) -> [SystemSpec] {
        let entries = try node.namedEntries("system names")
        guard !entries.isEmpty else { throw node.error("'systems' is empty; expected at least one system with its runs") }
        var systems: [SystemSpec] = []
        for entry in entries {
            systems.append(try system(entry.key, entry.value, datasets: datasets.map(\.name)))
        }
        for dataset in datasets where !systems.contains(where: { $0.run(for: dataset.name) != nil }) {
            throw ExperimentError(at: dataset.location, "no system has a run for dataset '\(dataset.name)'; expected a 'runs' entry for it under some system")
        }
        return systems
    }

    func system(_ name: String, _ node: ExperimentNode, datasets: [String]) throws(ExperimentError) -> SystemSpec {
        let map = try node.mapping(allowing: Self.systemKeys)
        let runs = try datasetPaths(try map.required("runs", "a mapping of dataset names to run files"),
                                    datasets: datasets, what: "run")
        guard !runs.isEmpty else {
            throw node.error("system '\(name)' has no runs; expected a mapping of dataset names to run files")
        }
        var efficiency: [DatasetPath] = []
        if let value = map["efficiency"] {
            efficiency = try datasetPaths(value, datasets: datasets, what: "efficiency profile")
            for profile in efficiency where !runs.contains(where: { $0.dataset == profile.dataset }) {
                throw ExperimentError(at: profile.location, "an efficiency profile for dataset '\(profile.dataset)' but no run; expected a run for it under 'runs'")
            }
        }
        var expected: [ExpectedScore] = []
        if let value = map["expected"] {
            expected = try expectedScores(value, datasets: datasets, runs: runs)
        }
        var about: [(key: String, value: String)] = []
        if let value = map["about"] {
            for entry in try value.namedEntries("column names and their text") {
                about.append((entry.key, try entry.value.string()))
            }
        }
        return SystemSpec(name: name, runs: runs, efficiency: efficiency, expected: expected, about: about,
                          location: node.location)
    }

    private func datasetPaths(_ node: ExperimentNode, datasets: [String], what: String) throws(ExperimentError) -> [DatasetPath] {
        var paths: [DatasetPath] = []
        for entry in try node.namedEntries("dataset names and \(what) files") {
            try checkDataset(entry.key, at: entry.keyLocation, datasets: datasets)
            let file = try path(entry.value, .file, what)
            paths.append(DatasetPath(dataset: entry.key, path: file.resolved, asWritten: file.written, location: entry.value.location))
        }
        return paths
    }

    private func expectedScores(_ node: ExperimentNode, datasets: [String], runs: [DatasetPath]) throws(ExperimentError) -> [ExpectedScore] {
        var scores: [ExpectedScore] = []
        for entry in try node.namedEntries("dataset names and published scores") {
            try checkDataset(entry.key, at: entry.keyLocation, datasets: datasets)
            guard runs.contains(where: { $0.dataset == entry.key }) else {
                throw ExperimentError(at: entry.keyLocation, "a published score for dataset '\(entry.key)' but no run; expected a run for it under 'runs'")
            }
            for score in try entry.value.namedEntries("measure names and published values") {
                let keyNode = ExperimentNode(content: .scalar(score.key, plain: true), location: score.keyLocation, path: score.value.path)
                let printed = try ExperimentReader.Reader.printedNames(score.key, at: keyNode)
                guard printed.count == 1 else {
                    throw ExperimentError(at: score.keyLocation, "measure '\(score.key)' gives \(printed.count) values (\(printed.joined(separator: ", "))); expected a measure with one value, such as ndcg_cut.10")
                }
                let number = try score.value.number()
                scores.append(ExpectedScore(dataset: entry.key, measure: score.key, printedName: printed[0],
                                            value: number.value, text: number.text, location: score.value.location))
            }
        }
        return scores
    }

    private func checkDataset(_ name: String, at location: ExperimentLocation, datasets: [String]) throws(ExperimentError) {
        guard datasets.contains(name) else {
            throw ExperimentError(at: location, ExperimentReader.unknownName("dataset '\(name)' is not declared", name, datasets, "a name under 'datasets'"))
        }
    }
}
