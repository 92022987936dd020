/// The weight vectors weight tuning tries: every way of giving `runs` runs weights that are
/// multiples of 1/`divisions` and sum to 1 (the simplex grid), each weight written i/divisions.
///
/// Two runs with 10 divisions give (0, 1), (0.1, 0.9), …, (1, 0): the first run's weight
/// rises. In general the vectors come in lexicographic order of their weights, ascending,
/// and there are C(divisions + runs − 1, runs − 1) of them.
///
/// ```swift
/// try WeightGrid(runs: 2, step: 0.25).points
/// // [[0, 1], [0.25, 0.75], [0.5, 0.5], [0.75, 0.25], [1, 0]]
/// ```
public struct WeightGrid: Sendable {
    public let runs: Int
    public let divisions: Int
    /// The most vectors a grid may have.
    public static let maxPoints = 100_000

    /// `step` must divide 1 into equal parts (0.1, 0.05, 0.25, 0.5, 1).
    public init(runs: Int, step: Double) throws(FusionError) {
        guard step.isFinite && step > 0 && step <= 1 else {
            throw FusionError("--step must be a number in (0, 1], got \(step)")
        }
        let divisions = (1 / step).rounded()
        guard abs(divisions * step - 1) <= 1e-9 else {
            throw FusionError("--step must divide 1 into equal parts (0.1, 0.05, 0.25, ...), got \(step)")
        }
        guard runs >= 2 else { throw FusionError("fusion needs at least two runs, got \(runs)") }
        self.runs = runs
        self.divisions = Int(divisions)
        let count = Self.count(runs: runs, divisions: self.divisions)
        guard count <= Self.maxPoints else {
            throw FusionError("--step \(step) with \(runs) runs gives more than \(Self.maxPoints) weight vectors to try; expected a coarser --step")
        }
    }

    /// C(divisions + runs − 1, runs − 1), saturating above `maxPoints`.
    static func count(runs: Int, divisions: Int) -> Int {
        var result = 1
        for i in 1..<runs {
            result = result * (divisions + i) / i
            if result > maxPoints { return maxPoints + 1 }
        }
        return result
    }

    public var points: [[Double]] {
        var result: [[Double]] = []
        var parts = [Int](repeating: 0, count: runs)
        func fill(_ position: Int, _ left: Int) {
            if position == runs - 1 {
                parts[position] = left
                result.append(parts.map { Double($0) / Double(divisions) })
                return
            }
            for i in 0...left {
                parts[position] = i
                fill(position + 1, left - i)
            }
        }
        fill(0, divisions)
        return result
    }
}
