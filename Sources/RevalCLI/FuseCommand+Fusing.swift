import RevalCore
import RevalEval
import RevalFormats
import RevalFusion

extension FuseCommand {
    /// Fuses the runs topic by topic as they stream in and writes the fused run. A run
    /// that turns out not to be grouped by topic is read again whole (the output so far is
    /// dropped: nothing is in place until the end), unless the output is a pipe or a device
    /// that has had lines already: those cannot be taken back, so that is an error.
    func fuse(_ fusion: Fusion, settings: EvaluationSettings, into out: inout CommandOutput) throws {
        var readWhole = Set<Int>()
        var streamed = 0
        while true {
            do {
                var aligned: AlignedRuns?
                try FusedOutput.write(to: output) { write in
                    aligned = try streamFused(fusion, settings: settings, readWhole: readWhole) { bytes in
                        streamed += bytes.count
                        try write(bytes)
                    }
                }
                if let aligned { warnAboutTopics(aligned, into: &out) }
                return
            } catch let notGrouped as AlignedRuns.NotGrouped {
                if streamed > 0 && FusedOutput.isStream(output) {
                    throw OutputError(file: FusedOutput.name(output), message: "\(runs[notGrouped.run]) is not grouped by topic (a topic's "
                        + "lines come back after other topics'), found once fused lines had gone out, which a pipe or "
                        + "device cannot take back; write to a file (reval then reads that run whole), "
                        + "or group the run by topic first (sort -s -k1,1)")
                }
                readWhole.insert(notGrouped.run)
            }
        }
    }

    /// Reads, fuses and hands the fused lines to `write`, in topic order (`FusionWorker`).
    private func streamFused(_ fusion: Fusion, settings: EvaluationSettings, readWhole: Set<Int>,
                             write: (UnsafeRawBufferPointer) throws -> Void) throws -> AlignedRuns {
        let aligned = try AlignedRuns(paths: runs, format: settings.runFormat, threads: settings.threads,
                                      readWhole: readWhole)
        try FusionWorker.fuseAll(aligned, fusion: fusion, tag: tag, threads: settings.threads, write: write)
        return aligned
    }

    /// The readers' warnings, then the warning for runs whose topic sets differ.
    func warnAboutTopics(_ aligned: AlignedRuns, into out: inout CommandOutput) {
        for warning in aligned.warnings { out.warning(warning) }
        guard aligned.topicsInEveryRun != aligned.topicsOut else { return }
        let lacking = aligned.topicCounts.enumerated().compactMap { r, count -> String? in
            let missing = aligned.topicsOut - count
            return missing > 0 ? "\(runs[r]) lacks \(missing)" : nil
        }
        out.warning("the runs hold different topics: \(aligned.topicsOut) topics in all, \(aligned.topicsInEveryRun) in every run; "
                    + lacking.joined(separator: ", ") + "; each topic is fused over the runs that have it")
    }
}
