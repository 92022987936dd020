#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Deterministic synthetic queries for the `reval split make` benchmark: MS MARCO-like
/// sizes (100,000 training and 7,000 test queries by default), as text for TF-IDF and as
/// 384-dimensional embeddings.
///
/// Text: words drawn from a Zipf(1) vocabulary of 30,000 (`w0` the most frequent), 2 to 10
/// words a query (MS MARCO queries average about 6). Half the test queries are a training
/// query with one word replaced (near duplicates, as the paper finds), half are fresh.
///
/// Embeddings: 100 centres drawn uniformly on the sphere; a query is its centre plus
/// Gaussian noise (σ = 0.05 per dimension), so queries cluster as encoder outputs do.
public struct SplitBenchmarkData {
    public var trainingCount: Int
    public var testCount: Int
    public var dimension: Int
    public var seed: UInt64 = 20_241_201
    public static let vocabularySize = 30_000

    public init(training: Int = 100_000, test: Int = 7000, dimension: Int = 384) {
        trainingCount = training
        testCount = test
        self.dimension = dimension
    }

    /// Training texts, then test texts.
    public func texts() -> (training: [String], test: [String]) {
        var random = SplitMix64(seed: seed)
        let zipf = ZipfSampler(n: Self.vocabularySize)
        func query() -> [String] {
            (0..<(2 + random.below(9))).map { _ in "w\(zipf.sample(random.unit()))" }
        }
        let training = (0..<trainingCount).map { _ in query().joined(separator: " ") }
        let test = (0..<testCount).map { i -> String in
            guard i % 2 == 0 else { return query().joined(separator: " ") }
            var words = training[random.below(training.count)].split(separator: " ").map(String.init)
            words[random.below(words.count)] = "w\(zipf.sample(random.unit()))"
            return words.joined(separator: " ")
        }
        return (training, test)
    }

    /// Row-major float32 matrices: training rows, then test rows.
    public func embeddings() -> (training: [Float], test: [Float]) {
        var random = SplitMix64(seed: seed ^ 0x5eed)
        func gaussian() -> Double {
            // Box-Muller; 1 - unit() is in (0, 1].
            let u = 1 - random.unit(), v = random.unit()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        let centres = (0..<100).map { _ -> [Double] in
            let x = (0..<dimension).map { _ in gaussian() }
            let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return x.map { $0 / norm }
        }
        func rows(_ n: Int) -> [Float] {
            var out: [Float] = []
            out.reserveCapacity(n * dimension)
            for _ in 0..<n {
                let centre = centres[random.below(centres.count)]
                for k in 0..<dimension { out.append(Float(centre[k] + 0.05 * gaussian())) }
            }
            return out
        }
        return (rows(trainingCount), rows(testCount))
    }
}

/// Zipf(1) over 0..<n by inverting the cumulative distribution (binary search).
struct ZipfSampler {
    let cumulative: [Double]

    init(n: Int) {
        var sums: [Double] = []
        sums.reserveCapacity(n)
        var total = 0.0
        for rank in 1...n {
            total += 1 / Double(rank)
            sums.append(total)
        }
        cumulative = sums.map { $0 / total }
    }

    func sample(_ u: Double) -> Int {
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] < u { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
