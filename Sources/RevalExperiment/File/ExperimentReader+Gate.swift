import RevalYAML

extension ExperimentReader.Reader {
    static let gateKeys = ["candidate", "baseline", "checks"]
    static let gateCheckKeys = ["measure", "datasets", "min", "max_drop", "max_relative_drop", "not_significantly_worse", "reproduce"]

    /// The `gate:` section, checked against the systems and datasets already read: the
    /// candidate and baseline are systems, every dataset is declared and has the runs its
    /// checks need, every measure gives one value, every `reproduce` has a published score.
    func gate(_ node: YAMLNode, systems: [SystemSpec], datasets: [DatasetSpec], baseline topBaseline: String?) throws(YAMLError) -> GateSpec {
        let map = try node.mapping(keys: Self.gateKeys)
        let names = systems.map(\.name)
        let candidateNode = try map.required("candidate")
        let candidateName = try text(candidateNode, "a system's name")
        guard let candidate = systems.first(where: { $0.name == candidateName }) else {
            throw candidateNode.error(ExperimentReader.unknownName("'\(candidateName)' is not a system", candidateName, names, "a name under 'systems'"))
        }
        var baseline = topBaseline
        var baselineNode: YAMLNode?
        if let value = map["baseline"] {
            let name = try text(value, "a system's name")
            guard names.contains(name) else {
                throw value.error(ExperimentReader.unknownName("'\(name)' is not a system", name, names, "a name under 'systems'"))
            }
            baseline = name
            baselineNode = value
        }
        let checksNode = try map.required("checks")
        let items = try checksNode.sequence()
        guard !items.isEmpty else { throw checksNode.error("is empty; expected at least one check, such as {measure: ndcg_cut.10, min: 0.5}") }
        var checks: [GateCheck] = []
        for (k, item) in items.enumerated() {
            let check = try self.check(item, index: k + 1, candidate: candidate, datasets: datasets.map(\.name))
            if check.needsBaseline {
                try requireBaseline(baseline, at: baselineNode, check: check, item: item, candidate: candidate.name, systems: systems)
            }
            checks.append(check)
        }
        return GateSpec(candidate: candidate.name, baseline: baseline, checks: checks, location: node.location)
    }

    private func check(_ node: YAMLNode, index: Int, candidate: SystemSpec, datasets declared: [String]) throws(YAMLError) -> GateCheck {
        let map = try node.mapping(keys: Self.gateCheckKeys)
        let measureNode = try map.required("measure")
        let measure = try text(measureNode, "a measure name")
        let printed = try ExperimentReader.Reader.printedNames(measure, at: measureNode)
        guard printed.count == 1 else {
            throw measureNode.error("measure '\(measure)' gives \(printed.count) values (\(printed.joined(separator: ", "))); expected a measure with one value, such as ndcg_cut.10")
        }
        var datasets: [String] = []
        if let value = map["datasets"] {
            let list = try value.sequence()
            guard !list.isEmpty else { throw value.error("is empty; expected dataset names, or no 'datasets' key for every dataset the candidate has a run for") }
            for item in list {
                let name = try text(item, "a dataset's name")
                guard declared.contains(name) else {
                    throw item.error(ExperimentReader.unknownName("dataset '\(name)' is not declared", name, declared, "a name under 'datasets'"))
                }
                guard !datasets.contains(name) else { throw item.error("dataset '\(name)' is listed twice; expected each dataset once") }
                guard candidate.run(for: name) != nil else {
                    throw item.error("the candidate '\(candidate.name)' has no run for dataset '\(name)'; expected a 'runs' entry for it under systems.\(candidate.name)")
                }
                datasets.append(name)
            }
        } else {
            datasets = declared.filter { candidate.run(for: $0) != nil }
        }
        var check = GateCheck(index: index, measure: measure, printedName: printed[0], datasets: datasets,
                              min: nil, maxDrop: nil, maxRelativeDrop: nil, notSignificantlyWorse: false,
                              reproduce: nil, location: node.location)
        if let value = map["min"] { check.min = try threshold(value) }
        if let value = map["max_drop"] {
            check.maxDrop = try threshold(value, atLeast: 0, "an absolute drop >= 0, such as 0.01")
        }
        if let value = map["max_relative_drop"] {
            let t = try threshold(value, atLeast: 0, "a fraction between 0 and 1, such as 0.02 for 2%")
            guard t.value <= 1 else { throw value.error("is \(t.text); expected a fraction between 0 and 1, such as 0.02 for 2%") }
            check.maxRelativeDrop = t
        }
        if let value = map["not_significantly_worse"] { check.notSignificantlyWorse = try value.bool() }
        if let value = map["reproduce"] {
            check.reproduce = try threshold(value, atLeast: 0, "a tolerance >= 0, such as 0.0001")
            for dataset in datasets where !candidate.expected.contains(where: { $0.dataset == dataset && $0.printedName == printed[0] }) {
                throw value.error("the candidate '\(candidate.name)' has no published score for \(measure) on dataset '\(dataset)'; expected one under systems.\(candidate.name).expected.\(dataset)")
            }
        }
        guard !check.criterionKeys.isEmpty else {
            throw node.error("check \(index) has no criterion; expected at least one of min, max_drop, max_relative_drop, not_significantly_worse: true, reproduce")
        }
        return check
    }

    private func requireBaseline(_ baseline: String?, at baselineNode: YAMLNode?, check: GateCheck, item: YAMLNode, candidate: String,
                                 systems: [SystemSpec]) throws(YAMLError) {
        let keys = check.criterionKeys.filter { ["max_drop", "max_relative_drop", "not_significantly_worse"].contains($0) }
        guard let baseline else {
            throw item.error("check \(check.index) uses \(keys.joined(separator: ", ")) but there is no baseline; expected 'baseline' under 'gate' or at the top level")
        }
        guard baseline != candidate else {
            let message = "check \(check.index) uses \(keys.joined(separator: ", ")) but the baseline is the candidate '\(candidate)'; expected another system as 'gate.baseline'"
            throw baselineNode?.error(message) ?? item.error(message)
        }
        guard let system = systems.first(where: { $0.name == baseline }) else { return }
        for dataset in check.datasets where system.run(for: dataset) == nil {
            throw item.error("check \(check.index) compares with the baseline '\(baseline)' on dataset '\(dataset)', where it has no run; expected a run for it, or 'datasets' without '\(dataset)'")
        }
    }

    private func threshold(_ node: YAMLNode, atLeast minimum: Double? = nil, _ expected: String = "a number") throws(YAMLError) -> GateThreshold {
        let value = try node.number()
        let written = node.plainText ?? String(value)
        if let minimum, value < minimum { throw node.error("is \(written); expected \(expected)") }
        return GateThreshold(value: value, text: written, location: node.location)
    }
}
