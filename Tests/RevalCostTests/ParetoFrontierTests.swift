import RevalCost
import Testing

@Suite("Pareto frontier")
struct ParetoFrontierTests {
    @Test("a hand-made set with ties")
    func handMade() {
        let points: [(quality: Double?, cost: Double?)] = [
            (0.50, 1.0),   // A: tied with B exactly; neither dominates the other → on
            (0.50, 1.0),   // B: → on
            (0.50, 2.0),   // C: A has the same quality at lower cost → off
            (0.60, 5.0),   // D: best quality → on
            (0.40, 0.5),   // E: cheapest → on
            (0.40, 0.8),   // F: E has the same quality cheaper → off
            (0.55, 5.0),   // G: D costs the same with better quality → off
            (0.45, nil),   // H: cost unknown → not placed
            (.nan, 0.1),   // I: quality unknown → not placed, and dominates nothing
            (0.30, 0.5),   // J: E has the same cost and better quality → off
        ]
        let membership = ParetoFrontier.membership(points)
        #expect(membership == [true, true, false, true, true, false, false, nil, nil, false])
    }

    @Test("one system is on its own frontier; none gives none")
    func small() {
        #expect(ParetoFrontier.membership([(0.3, 2.0)]) == [true])
        #expect(ParetoFrontier.membership([]) == [])
    }

    @Test("a point better on both axes dominates")
    func strictDominance() {
        // CACM: BM25 (0.4895, 0.0762) against dense (0.4507, 5.142): dense is dominated.
        #expect(ParetoFrontier.membership([(0.4895, 0.0762), (0.4507, 5.142)]) == [true, false])
        // A trade-off keeps both.
        #expect(ParetoFrontier.membership([(0.4895, 0.0762), (0.52, 5.142)]) == [true, true])
    }
}
