import Testing
@testable import RevalStats

@Suite("Multiple-comparison corrections")
struct CorrectionTests {
    static let p: [Double?] = [0.01, 0.04, 0.03, 0.005]

    @Test("Bonferroni multiplies by m = 4")
    func bonferroni() {
        let adjusted = PValueCorrection.bonferroni.adjust(Self.p)
        for (a, e) in zip(adjusted, [0.04, 0.16, 0.12, 0.02]) { expectWithin(a, e, 1e-15) }
    }

    @Test("Holm steps down: 4·0.005, 3·0.01, 2·0.03, max(1·0.04, 0.06)")
    func holm() {
        // Sorted: 0.005 → 0.02, 0.01 → 0.03, 0.03 → 0.06, 0.04 → max(0.04, 0.06) = 0.06.
        let adjusted = PValueCorrection.holm.adjust(Self.p)
        for (a, e) in zip(adjusted, [0.03, 0.06, 0.06, 0.02]) { expectWithin(a, e, 1e-15) }
    }

    @Test("Benjamini–Hochberg steps up: m·p₍ⱼ₎/j = 0.02, 0.02, 0.04, 0.04, running minimum from the top")
    func benjaminiHochberg() {
        let adjusted = PValueCorrection.benjaminiHochberg.adjust(Self.p)
        for (a, e) in zip(adjusted, [0.02, 0.04, 0.04, 0.02]) { expectWithin(a, e, 1e-15) }
    }

    @Test("R's p.adjust example values")
    func rExample() {
        // p = (0.01, 0.02, 0.03, 0.04, 0.05); R 4.x p.adjust: holm 0.05 0.08 0.09 0.09 0.09 …
        // by hand: 5·0.01 = 0.05, 4·0.02 = 0.08, 3·0.03 = 0.09, 2·0.04 = 0.08 → 0.09, 0.05 → 0.09;
        // BH: 5·p/j = 0.05 for every j, so 0.05 throughout.
        let p: [Double?] = [0.01, 0.02, 0.03, 0.04, 0.05]
        for (a, e) in zip(PValueCorrection.holm.adjust(p), [0.05, 0.08, 0.09, 0.09, 0.09]) { expectWithin(a, e, 1e-15) }
        for a in PValueCorrection.benjaminiHochberg.adjust(p) { expectWithin(a, 0.05, 1e-15) }
    }

    @Test("Missing p-values stay missing and leave the family; results are capped at 1")
    func missing() {
        let adjusted = PValueCorrection.bonferroni.adjust([0.3, nil, 0.6])
        #expect(adjusted[1] == nil)
        expectWithin(adjusted[0], 0.6, 1e-15)
        #expect(adjusted[2] == 1)
        #expect(PValueCorrection.none.adjust([0.3, nil]) == [0.3, nil])
        #expect(PValueCorrection.holm.adjust([]).isEmpty)
    }
}
