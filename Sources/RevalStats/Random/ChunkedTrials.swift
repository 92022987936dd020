import RevalCore

/// Trials of a Monte Carlo procedure cut into fixed chunks, each with its own random stream
/// (``RandomStreams``), run on several threads when the work is large enough to pay for the
/// hand-off (tens of microseconds per thread on a shared machine).
struct ChunkedTrials {
    var trials: Int
    var chunkSize: Int

    var chunkCount: Int { (trials + chunkSize - 1) / chunkSize }

    func range(ofChunk chunk: Int) -> Range<Int> {
        let start = chunk * chunkSize
        return start..<min(trials, start + chunkSize)
    }

    /// `body(chunk, trials of that chunk)` for every chunk, results in chunk order. Runs on the
    /// calling thread alone when `work` (about one unit per nanosecond) is below 2 million.
    func map<T>(threads: Int, work: Double, _ body: (Int, Range<Int>) -> T) -> [T] {
        let useThreads = work < 2_000_000 ? 1 : max(1, threads)
        return parallelMap(chunkCount, threads: useThreads) { chunk in body(chunk, range(ofChunk: chunk)) }
    }
}
