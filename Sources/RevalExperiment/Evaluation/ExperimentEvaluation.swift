import RevalCore
import RevalCost
import RevalEval
import RevalFormats
import RevalSplits

/// Evaluates an experiment once: every (system, dataset) pair is evaluated exactly once,
/// all pairs in parallel, into one `ResultsTable` per dataset; splits, costs and every later
/// statistic read those tables.
///
/// Before any run is read, every dataset's qrels, split and latency files are read (a
/// broken one stops everything with its file and line). Runs are then evaluated on all
/// threads, each pair streaming its run; the first error in experiment order is reported.
///
/// ```swift
/// let experiment = try ExperimentReader.read(path: "Reports/dl19.yaml")
/// let results = try ExperimentEvaluation.evaluate(experiment)
/// results.dataset("dl19-passage")?.table.mean(run: "BM25", measure: "ndcg_cut_10")   // 0.5058...
/// ```
public enum ExperimentEvaluation {
    public static func evaluate(_ experiment: Experiment, threads: Int = defaultThreadCount()) throws(ExperimentError) -> ExperimentResults {
        var warnings: [String] = []
        let qrels = try loadQrels(experiment, threads: threads)
        let splits = try loadSplits(experiment, qrels: qrels)
        let latencies = try loadLatencies(experiment)
        let measures = try selectMeasures(experiment)
        let evaluations = try evaluateRuns(experiment, qrels: qrels, measures: measures, threads: threads)
        var datasets: [DatasetResults] = []
        for (d, spec) in experiment.datasets.enumerated() {
            let systems = experiment.systems.filter { $0.run(for: spec.name) != nil }
            let table = ResultsTable(evaluations: evaluations[d], runNames: systems.map(\.name))
            for system in systems {
                let missing = table.missingTopics(run: system.name).count
                if missing == table.topics.count {
                    warnings.append("\(spec.name): the run of \(system.name) has none of the \(missing) qrels topics; every value is 0 (the -c rule)")
                } else if missing > 0 {
                    warnings.append("\(spec.name): the run of \(system.name) lacks \(missing) of the \(table.topics.count) qrels topics; they score 0 (the -c rule)")
                }
            }
            var split: SplitEvaluation?
            if let source = splits[d]?.split {
                let evaluation = SplitEvaluation(split: source, table: table, entries: systems.map { .run($0.name) })
                warnings += evaluation.warnings.map { "\(spec.name): \($0)" }
                split = evaluation
            }
            let cost = try costReport(experiment, dataset: spec, systems: systems, table: table, latencies: latencies)
            datasets.append(DatasetResults(spec: spec, table: table, split: split, cost: cost))
        }
        let inputs = try InputDigest.compute(inputFiles(experiment, splitFiles: splits.map { $0?.files ?? [] }), experimentBytes: experiment.bytes,
                                             experimentName: experiment.file.split(separator: "/").last.map(String.init) ?? experiment.file,
                                             threads: threads)
        return ExperimentResults(experiment: experiment, datasets: datasets, inputs: inputs, warnings: warnings)
    }

    /// The measures evaluated: the table's, then those only published scores or gate checks name. Each
    /// name is selected on its own, so that `recall.100` and `recall.1000` both stay (given
    /// together to trec_eval, the second would replace the first's cutoffs).
    static func selectMeasures(_ experiment: Experiment) throws(ExperimentError) -> [any Measure] {
        var names = experiment.measures.map(\.name)
        for system in experiment.systems {
            for score in system.expected where !names.contains(score.measure) { names.append(score.measure) }
        }
        for check in experiment.gate?.checks ?? [] where !names.contains(check.measure) { names.append(check.measure) }
        var measures: [any Measure] = []
        var printed = Set<String>()
        for name in names {
            let selected: [any Measure]
            do {
                selected = try EvaluationPipeline.measures([name], settings: experiment.settings)
            } catch {
                throw ExperimentError(file: experiment.file, message: error.description)
            }
            for measure in selected where !measure.valueNames.allSatisfy(printed.contains) {
                measures.append(measure)
                printed.formUnion(measure.valueNames)
            }
        }
        return measures
    }

    static func loadQrels(_ experiment: Experiment, threads: Int) throws(ExperimentError) -> [Qrels] {
        let loaded = parallelMap(experiment.datasets.count, threads: threads) { d -> Result<Qrels, InputError> in
            let spec = experiment.datasets[d]
            var settings = experiment.settings
            settings.qrelsFormat = spec.qrelsFormat.flatMap(QrelsFormat.init(name:))
            settings.split = spec.beirSplit ?? "test"
            return Result { () throws(InputError) -> Qrels in try EvaluationPipeline.loadQrels(spec.qrels, settings: settings) }
        }
        var qrels: [Qrels] = []
        for result in loaded {
            do { qrels.append(try result.get()) } catch { throw ExperimentError(error) }
        }
        return qrels
    }

    /// Each dataset's split and the files it was read from.
    static func loadSplits(_ experiment: Experiment, qrels: [Qrels]) throws(ExperimentError) -> [(split: Split, files: [String])?] {
        var splits: [(split: Split, files: [String])?] = []
        for (d, spec) in experiment.datasets.enumerated() {
            do {
                switch spec.splits {
                case nil:
                    splits.append(nil)
                case .buckets(let folder, let filter)?:
                    let read = try BucketFolderReader.read(folder: folder, filter: filter)
                    try read.checkJudgments(against: qrels[d])
                    splits.append((read.split, read.sides.map(\.path)))
                case .file(let path)?:
                    splits.append((try SplitFileReader.read(path: path), [path]))
                }
            } catch {
                throw ExperimentError(error)
            }
        }
        return splits
    }

    /// Latency tables by profile file.
    static func loadLatencies(_ experiment: Experiment) throws(ExperimentError) -> [String: LatencyTable] {
        var tables: [String: LatencyTable] = [:]
        for system in experiment.systems {
            for profile in system.efficiency {
                guard let file = profile.profile?.latencyFile, tables[file] == nil else { continue }
                do { tables[file] = try LatencyReader.read(path: file) } catch { throw ExperimentError(error) }
            }
        }
        return tables
    }

    /// evaluations[dataset][k] for the k-th system with a run on the dataset.
    static func evaluateRuns(_ experiment: Experiment, qrels: [Qrels], measures: [any Measure],
                             threads: Int) throws(ExperimentError) -> [[Evaluation]] {
        var pairs: [(dataset: Int, run: RunInput)] = []
        for (d, spec) in experiment.datasets.enumerated() {
            for system in experiment.systems {
                if let run = system.run(for: spec.name) { pairs.append((d, RunInput(path: run.path, name: system.name))) }
            }
        }
        let workers = max(1, min(threads, pairs.count))
        var settings = experiment.settings
        settings.threads = max(1, threads / workers)
        let results = parallelMap(pairs.count, threads: workers) { k -> Result<Evaluation, EvaluationError> in
            let (d, run) = pairs[k]
            return Result { () throws(EvaluationError) -> Evaluation in
                let evaluation = try EvaluationPipeline.evaluate(run, qrels: qrels[d], measures: measures, settings: settings)
                return try EvaluationPipeline.checked(evaluation, run: run, qrels: qrels[d])
            }
        }
        var evaluations = experiment.datasets.map { _ in [Evaluation]() }
        for (pair, result) in zip(pairs, results) {
            do {
                evaluations[pair.dataset].append(try result.get())
            } catch {
                throw ExperimentError(file: pair.run.path, message: error.description, exitCode: 2)
            }
        }
        return evaluations
    }

    static func costReport(_ experiment: Experiment, dataset: DatasetSpec, systems: [SystemSpec], table: ResultsTable,
                           latencies: [String: LatencyTable]) throws(ExperimentError) -> CostReport? {
        let measures = experiment.printedMeasures
        var inputs: [SystemInput] = []
        for system in systems {
            guard let entry = system.profile(for: dataset.name), var profile = entry.profile else { continue }
            profile.name = system.name
            let quality = measures.map { table.mean(run: system.name, measure: $0) }
            inputs.append(SystemInput(profile: profile, latency: profile.latencyFile.flatMap { latencies[$0] }, quality: quality))
        }
        guard !inputs.isEmpty else { return nil }
        do {
            return try CostReport.build(inputs, measures: measures, rule: experiment.cost.percentile,
                                        axis: experiment.cost.axis, budget: Budget())
        } catch {
            throw ExperimentError(file: experiment.file, message: "\(dataset.name): \(error.description)")
        }
    }

    /// Every file read, as (shown relative to the experiment's folder, path read).
    static func inputFiles(_ experiment: Experiment, splitFiles: [[String]]) -> [(shown: String, read: String)] {
        var files: [(shown: String, read: String)] = []
        func add(_ written: String, _ resolved: String) { files.append((written, resolved)) }
        for (d, spec) in experiment.datasets.enumerated() {
            if ExperimentPaths.kind(of: spec.qrels) == .folder {
                let suffix = "/qrels/" + (spec.beirSplit ?? "test") + ".tsv"
                add(ExperimentPaths.normalize(spec.qrelsAsWritten + suffix), spec.qrels + suffix)
            } else {
                add(spec.qrelsAsWritten, spec.qrels)
            }
            for file in splitFiles[d] { add(relative(file, to: experiment.folder), file) }
        }
        for system in experiment.systems {
            for run in system.runs { add(run.asWritten, run.path) }
            for entry in system.efficiency {
                add(entry.file.asWritten, entry.file.path)
                if let latency = entry.profile?.latencyFile { add(relative(latency, to: experiment.folder), latency) }
            }
        }
        return files
    }

    /// `path` written relative to `folder` (both as the experiment resolved them).
    static func relative(_ path: String, to folder: String) -> String {
        let from = folder == "." ? [] : folder.split(separator: "/").map(String.init)
        let to = path.split(separator: "/").map(String.init)
        if path.hasPrefix("/") != folder.hasPrefix("/") { return path }
        var common = 0
        while common < from.count && common < to.count && from[common] == to[common] { common += 1 }
        if from[common...].contains("..") { return path }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...]).joined(separator: "/")
    }
}
