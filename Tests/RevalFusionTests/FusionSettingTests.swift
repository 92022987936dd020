import RevalFusion
import Testing

/// The checks of a fusion setting (item 4 of the fusion issue), each with its message.
@Suite("Fusion settings")
struct FusionSettingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var make: @Sendable () throws -> Fusion
        var message: String
        var testDescription: String { name }
    }

    static let rejected: [Case] = [
        Case(name: "one run", make: { try Fusion(method: .rrf, runCount: 1) },
             message: "fusion needs at least two runs, got 1"),
        Case(name: "negative k", make: { try Fusion(method: .rrf, runCount: 2, k: -1) },
             message: "--k must be a number ≥ 0, got -1.0"),
        Case(name: "k for cc", make: { try Fusion(method: .cc, runCount: 2, k: 60) },
             message: "--k applies to --method rrf only"),
        Case(name: "weights not summing to 1", make: { try Fusion(method: .cc, runCount: 2, weights: [0.5, 0.6]) },
             message: "--weights must sum to 1 for cc (a convex combination), got 0.5 + 0.6 = 1.1"),
        Case(name: "wrong number of weights", make: { try Fusion(method: .cc, runCount: 3, weights: [0.5, 0.5]) },
             message: "--weights has 2 values for 3 runs; expected one per run"),
        Case(name: "negative weight", make: { try Fusion(method: .combsum, runCount: 2, weights: [-1, 2]) },
             message: "--weights must be finite numbers ≥ 0, got -1.0"),
        Case(name: "tmm without lower bounds", make: { try Fusion(method: .cc, runCount: 2, normalization: .tmm) },
             message: "--norm tmm needs the lowest score each run can give: --lower L1,L2,... (one per run)"),
        Case(name: "tmm with one bound for two runs",
             make: { try Fusion(method: .cc, runCount: 2, normalization: .tmm, lowerBounds: [0]) },
             message: "--lower has 1 value for 2 runs; expected one per run"),
        Case(name: "lower bounds without tmm", make: { try Fusion(method: .cc, runCount: 2, lowerBounds: [0, 0]) },
             message: "--lower applies to --norm tmm only"),
        Case(name: "a normalisation for rrf", make: { try Fusion(method: .rrf, runCount: 2, normalization: .minmax) },
             message: "--norm minmax does not apply to rrf, which fuses ranks, not scores"),
        Case(name: "depth 0", make: { try Fusion(method: .rrf, runCount: 2, depth: 0) },
             message: "--depth must be a positive integer, got 0"),
    ]

    @Test("rejected with one clear message", arguments: rejected)
    func rejects(_ c: Case) {
        #expect(throws: FusionError(c.message)) { try c.make() }
    }

    @Test("defaults: k 60, minmax, depth 1000; cc weights equal, others 1")
    func defaults() throws {
        let rrf = try Fusion(method: .rrf, runCount: 2)
        #expect(rrf.k == 60 && rrf.normalization == .none && rrf.weights == [1, 1] && rrf.depth == 1000)
        let cc = try Fusion(method: .cc, runCount: 4)
        #expect(cc.normalization == .minmax && cc.weights == [0.25, 0.25, 0.25, 0.25])
        #expect(try Fusion(method: .combmnz, runCount: 3).weights == [1, 1, 1])
        // 0.1 + 0.2 + 0.7 is 1.0000000000000002 in doubles: close enough to 1.
        #expect(try Fusion(method: .cc, runCount: 3, weights: [0.1, 0.2, 0.7]).weights == [0.1, 0.2, 0.7])
    }
}

@Suite("Score normalisations")
struct NormalizationTests {
    @Test("the formulas on [3, 2, 1]")
    func formulas() {
        #expect(ScoreNormalization.none.normalize([3, 2, 1]) == [3, 2, 1])
        #expect(ScoreNormalization.minmax.normalize([3, 2, 1]) == [1, 0.5, 0])
        // mean 2, variance (1 + 0 + 1)/3 = 2/3.
        let sigma = (2.0 / 3).squareRoot()
        #expect(ScoreNormalization.zscore.normalize([3, 2, 1]) == [1 / sigma, 0, -1 / sigma])
        // (s + 1)/(3 + 1).
        #expect(ScoreNormalization.tmm.normalize([3, 2, 1], lowerBound: -1) == [1, 0.75, 0.5])
    }

    @Test("degenerate cases: one score, all equal")
    func degenerate() {
        #expect(ScoreNormalization.minmax.normalize([4]) == [1])
        #expect(ScoreNormalization.minmax.normalize([2, 2]) == [1, 1])
        #expect(ScoreNormalization.zscore.normalize([2, 2]) == [0, 0])
        #expect(ScoreNormalization.tmm.normalize([2, 2], lowerBound: 2) == [1, 1])
        #expect(ScoreNormalization.minmax.normalize([]) == [])
    }
}

@Suite("Weight grid")
struct WeightGridTests {
    @Test("two runs: the first run's weight rises from 0 to 1")
    func twoRuns() throws {
        #expect(try WeightGrid(runs: 2, step: 0.25).points == [[0, 1], [0.25, 0.75], [0.5, 0.5], [0.75, 0.25], [1, 0]])
        let tenths = try WeightGrid(runs: 2, step: 0.1).points
        #expect(tenths.count == 11)
        #expect(tenths[3] == [0.3, 0.7])
    }

    @Test("three runs: the simplex grid in lexicographic order")
    func threeRuns() throws {
        #expect(try WeightGrid(runs: 3, step: 0.5).points
            == [[0, 0, 1], [0, 0.5, 0.5], [0, 1, 0], [0.5, 0, 0.5], [0.5, 0.5, 0], [1, 0, 0]])
        // C(10 + 2, 2) = 66 vectors.
        #expect(try WeightGrid(runs: 3, step: 0.1).points.count == 66)
    }

    @Test("a step that does not divide 1, or is out of range, is refused", arguments: [0.3, 0, -0.1, 1.5, Double.nan])
    func badStep(_ step: Double) {
        #expect(throws: FusionError.self) { try WeightGrid(runs: 2, step: step) }
    }

    @Test("too many vectors are refused")
    func tooMany() {
        // C(1000 + 4, 4) is about 4e10.
        #expect(throws: FusionError.self) { try WeightGrid(runs: 5, step: 0.001) }
    }

    @Test("the best point is the first highest")
    func best() {
        let curve = TuningCurve(points: [TuningPoint(weights: [0, 1], value: 0.5), TuningPoint(weights: [0.5, 0.5], value: 0.7),
                                         TuningPoint(weights: [1, 0], value: 0.7)])
        #expect(curve.best == TuningPoint(weights: [0.5, 0.5], value: 0.7))
    }
}
