import RevalCore
import RevalEval
import RevalFormats
import RevalFusion

extension FuseCommand {
    /// Evaluates every weight vector of the grid, prints the curve and writes the run fused
    /// with the best weights.
    func tune(measure name: String, fusion: Fusion, settings: EvaluationSettings, into out: inout CommandOutput) throws {
        let measures = try EvaluationPipeline.measures([name], settings: settings)
        let printed = measures.flatMap(\.valueNames)
        guard measures.count == 1, printed.count == 1,
              measures[0].style.format == .real || measures[0].style.format == .integer else {
            let shown = printed.prefix(4).joined(separator: ", ") + (printed.count > 4 ? ", ..." : "")
            throw UsageError("--tune needs a measure with one value; '\(name)' gives \(printed.count) (\(shown)); name one, e.g. ndcg_cut.10 or P.10")
        }
        let measureName = printed[0]
        let grid = try WeightGrid(runs: runs.count, step: step ?? 0.1)
        guard let qrelsPath = qrels else { throw UsageError("--tune needs the qrels to evaluate with: --qrels FILE") }
        let judgments = try EvaluationPipeline.loadQrels(qrelsPath, settings: settings)
        let pools = try loadPools(fusion, settings: settings, into: &out)

        let curve = try WeightTuning.curve(pools: pools, fusion: fusion, grid: grid, threads: settings.threads) { run throws(EvaluationError) -> Double in
            let evaluation = EvaluationPipeline.evaluate(run: run, qrels: judgments, measures: measures, settings: settings)
            let checked = try EvaluationPipeline.checked(evaluation, run: RunInput(path: "fused"), qrels: judgments)
            return checked.summary.first?.first ?? 0
        }
        guard let best = curve.best else { return }
        let run = WeightTuning.fusedRun(pools: pools, fusion: fusion.with(weights: best.weights), tag: tag,
                                        threads: settings.threads)
        try FusedOutput.write(to: output) { write in
            for topic in run.topics {
                var bytes: [UInt8] = []
                FusedRunWriter.append(topic, tag: tag, to: &bytes)
                try bytes.withUnsafeBytes { try write($0) }
            }
        }
        let report = TuningReport(measure: measureName, curve: curve, best: best)
        out.stdout += format == "json" ? report.json() : report.text()
    }

    /// Every topic's pool, in the order the topics complete; runs are read as for fusing.
    private func loadPools(_ fusion: Fusion, settings: EvaluationSettings, into out: inout CommandOutput) throws -> [FusionPool] {
        var readWhole = Set<Int>()
        while true {
            do {
                let aligned = try AlignedRuns(paths: runs, format: settings.runFormat, threads: settings.threads,
                                              readWhole: readWhole)
                var topics: [(topic: String, runs: [TopicRun?])] = []
                while let topic = try aligned.next() { topics.append(topic) }
                let results = parallelMap(topics.count, threads: settings.threads) { k in
                    Result { () throws(FusionError) -> FusionPool in
                        try FusionPool(topic: topics[k].topic, runs: topics[k].runs, fusion: fusion)
                    }
                }
                let pools = try results.map { try $0.get() }
                warnAboutTopics(aligned, into: &out)
                return pools
            } catch let notGrouped as AlignedRuns.NotGrouped {
                readWhole.insert(notGrouped.run)
            }
        }
    }
}
