#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SplitMix64: a small, fast, fully deterministic generator.
public struct SplitMix64 {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// A deterministic MS MARCO-like benchmark collection:
/// - the run: `topics` x `docsPerTopic` lines `qid Q0 pid rank score tag`, grouped by
///   topic, scores descending with 4 decimals (so ties occur), pids as in MS MARCO;
/// - the qrels: 20 judged documents per topic, grades 0-3, 16 of them from the top 100;
/// - optionally a second run of the same documents (for `reval compare`): each score
///   moved by a uniform amount in [-0.5, 0.5) from its own stream, the topic re-sorted.
public struct BenchmarkCollection {
    public var topics: Int
    public var docsPerTopic: Int
    public var seed: UInt64 = 20_241_129
    static let collectionSize = 8_841_823

    public init(topics: Int = 7000, docsPerTopic: Int = 1000) {
        self.topics = topics
        self.docsPerTopic = docsPerTopic
    }

    /// Calls `run` and `qrels` with chunks of text, in order.
    public func generate(run: (String) -> Void, qrels: (String) -> Void, secondRun: ((String) -> Void)? = nil) {
        var random = SplitMix64(seed: seed)
        var other = SplitMix64(seed: seed ^ 0xb0b)
        for t in 0..<topics {
            let qid = 1_048_585 + t * 157
            var seen = Set<Int>()
            var pids: [Int] = []
            while pids.count < docsPerTopic {
                let pid = random.below(Self.collectionSize)
                if seen.insert(pid).inserted { pids.append(pid) }
            }
            var text = ""
            var score = 28.0 + random.unit() * 8
            var scores: [Double] = []
            for (rank, pid) in pids.enumerated() {
                text += "\(qid) Q0 \(pid) \(rank + 1) \(Self.fourDecimals(score)) bm25\n"
                scores.append(score)
                if random.unit() < 0.85 { score -= random.unit() * 0.012 }
            }
            run(text)
            if let secondRun {
                let moved = scores.map { $0 + other.unit() - 0.5 }
                let order = moved.indices.sorted { moved[$0] > moved[$1] || (moved[$0] == moved[$1] && $0 < $1) }
                var second = ""
                for (rank, k) in order.enumerated() {
                    second += "\(qid) Q0 \(pids[k]) \(rank + 1) \(Self.fourDecimals(moved[k])) moved\n"
                }
                secondRun(second)
            }
            var judged = Set<Int>()
            while judged.count < 16 { judged.insert(pids[random.below(min(100, docsPerTopic))]) }
            while judged.count < 20 { judged.insert(random.below(Self.collectionSize)) }
            var judgments = ""
            for pid in judged.sorted() {
                judgments += "\(qid) 0 \(pid) \([0, 0, 0, 1, 1, 2, 3][random.below(7)])\n"
            }
            qrels(judgments)
        }
    }

    /// Writes `run.txt` and `qrels.txt` into `folder`, and `run-b.txt` with `secondRun`.
    public func write(to folder: String, secondRun: Bool = false) -> Bool {
        guard let run = fopen("\(folder)/run.txt", "w"), let qrels = fopen("\(folder)/qrels.txt", "w") else {
            return false
        }
        var second: UnsafeMutablePointer<FILE>?
        if secondRun {
            second = fopen("\(folder)/run-b.txt", "w")
            if second == nil { return false }
        }
        generate(run: { fputs($0, run) }, qrels: { fputs($0, qrels) },
                 secondRun: second.map { file in { fputs($0, file) } })
        fclose(run)
        fclose(qrels)
        if let second { fclose(second) }
        return true
    }

    /// `%.4f` without Foundation.
    static func fourDecimals(_ value: Double) -> String {
        let scaled = Int((value * 10_000).rounded())
        let digits = String(scaled % 10_000)
        return "\(scaled / 10_000)." + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
