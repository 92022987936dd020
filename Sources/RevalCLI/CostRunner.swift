import RevalCore
import RevalCost
import RevalEval
import RevalFormats
import RevalYAML

/// The work of `reval cost`, apart from argument parsing: reads the profiles, their
/// latency files and runs, scores each run once over the qrels topics (-c), and builds
/// the report. Problems with the inputs become `CostError`s (exit 2); mismatches between
/// a latency file and its run are warnings.
struct CostRunner {
    struct Options {
        var qrels: String
        var profiles: [String]
        var measures: [String]
        var settings: EvaluationSettings
        var rule: PercentileRule
        var axis: CostAxis
        var budget: Budget
        var hardwareCatalogue: String?
        var format: String
    }

    var options: Options

    func report(warnings warn: (String) -> Void) throws(CostError) -> CostReport {
        var settings = options.settings
        settings.completeTopics = true
        let catalogue = try options.hardwareCatalogue.map { path throws(CostError) in
            do throws(YAMLError) { return try HardwareCatalogue.load(path: path) } catch { throw CostError(error) }
        }
        var profiles: [EfficiencyProfile] = []
        for path in options.profiles {
            let profile: EfficiencyProfile
            do throws(YAMLError) { profile = try ProfileReader.read(path: path, catalogue: catalogue) } catch { throw CostError(error) }
            if let earlier = profiles.first(where: { $0.name == profile.name }) {
                throw CostError("\(path): system name '\(profile.name)' is also the name in \(earlier.file); expected one name per system")
            }
            guard profile.run != nil else {
                throw CostError("\(path): no 'run' key; expected the system's run file, to score its quality")
            }
            profiles.append(profile)
        }
        let datasets = Set(profiles.compactMap(\.dataset))
        if datasets.count > 1 {
            warn("the profiles name \(datasets.count) datasets (\(datasets.sorted().joined(separator: ", "))); the frontier compares systems on one dataset, the qrels' \(options.qrels)")
        }
        let measures: [any Measure]
        let qrels: Qrels
        do {
            measures = try EvaluationPipeline.measures(options.measures, settings: settings)
            qrels = try EvaluationPipeline.loadQrels(options.qrels, settings: settings)
        } catch let error as EvaluationError {
            throw CostError(error.description)
        } catch let error as InputError {
            throw CostError(error)
        } catch {
            throw CostError("\(error)")
        }
        var evaluations: [Evaluation] = []
        var inputs: [SystemInput] = []
        for profile in profiles {
            let (evaluation, runTopics) = try evaluate(profile, qrels: qrels, measures: measures, settings: settings)
            evaluations.append(evaluation)
            var latency: LatencyTable?
            var coverage: LatencyCoverage?
            if let file = profile.latencyFile {
                do throws(InputError) { latency = try LatencyReader.read(path: file) } catch { throw CostError(error) }
                if let table = latency {
                    let matched = LatencyCoverage(latency: table, runTopics: runTopics)
                    coverage = matched
                    if !matched.isComplete {
                        warn("\(profile.file): \(matched.rowsWithoutRunTopic) latency row\(matched.rowsWithoutRunTopic == 1 ? "" : "s") for topics the run lacks, \(matched.runTopicsWithoutRow) run topic\(matched.runTopicsWithoutRow == 1 ? "" : "s") without a latency row; latency figures are over all \(table.count) rows of \(file)")
                    }
                }
            }
            inputs.append(SystemInput(profile: profile, latency: latency, quality: [], coverage: coverage))
        }
        let table = ResultsTable(evaluations: evaluations, runNames: profiles.map(\.name))
        for profile in profiles {
            let missing = table.missingTopics(run: profile.name)
            if !missing.isEmpty {
                warn("\(profile.run ?? profile.file): the run lacks \(missing.count) of the \(table.topics.count) qrels topics; they score 0 (-c)")
            }
        }
        // The measures in the order the user gave them (the selection prints ir_measures
        // names after trec_eval's), so the first -m is the frontier's.
        var ordered: [String] = []
        for name in options.measures {
            for printed in table.printedNames(of: name) where !ordered.contains(printed) { ordered.append(printed) }
        }
        let positions = ordered.map { name in table.measures.firstIndex(of: name) }
        let measureNames = positions.contains(nil) || ordered.count != table.measures.count ? table.measures : ordered
        for i in inputs.indices {
            inputs[i].quality = measureNames.map { table.mean(run: profiles[i].name, measure: $0) }
        }
        var report = try CostReport.build(inputs, measures: measureNames, rule: options.rule, axis: options.axis,
                                          budget: options.budget)
        report.qualityTopics = "mean over the \(table.topics.count) qrels topics (-c: a topic a run lacks scores 0)"
        return report
    }

    /// The run's evaluation over every qrels topic and the set of topics the run holds.
    /// The run is read once, whole, so that both come from the same reading.
    func evaluate(_ profile: EfficiencyProfile, qrels: Qrels, measures: [any Measure],
                  settings: EvaluationSettings) throws(CostError) -> (Evaluation, Set<String>) {
        let path = profile.run ?? ""
        let run: Run
        do throws(InputError) {
            run = try RunLoader.read(path: path, format: settings.runFormat, threads: settings.threads)
        } catch {
            throw CostError(error)
        }
        let evaluation = EvaluationPipeline.evaluate(run: run, qrels: qrels, measures: measures, settings: settings)
        do throws(EvaluationError) {
            let checked = try EvaluationPipeline.checked(evaluation, run: RunInput(path: path, name: profile.name), qrels: qrels)
            return (checked, Set(run.topics.map(\.topic)))
        } catch {
            throw CostError(error.description)
        }
    }

    /// The dataset all profiles name, when they name one and the same.
    static func commonDataset(_ report: CostReport) -> String? {
        let names = Set(report.systems.map { $0.profile.dataset })
        guard names.count == 1, let only = names.first else { return nil }
        return only
    }
}
