import Foundation
import Testing
import RevalCore

/// rbp and rbp_resid (Measures/RankBiasedPrecision.swift).
///
/// rbp = (1 - p) * sum gain(i) * p^(i-1), gains divided by the topic's highest grade when
/// that is above 1. rbp_resid = p^n + (1 - p) * sum over -1/-2 ranks of p^(i-1), and 0
/// when no retrieved doc is unjudged.
@Suite("Rank-biased precision")
struct RankBiasedPrecisionTests {
    // Sample rels by rank: [1, 0, 2, -1, 0, 1, 0, -2, 0, 0]; highest grade 2, so
    // gains are grade/2: 0.5 at ranks 1 and 6, 1 at rank 3.

    @Test("rbp with the default p = 0.9")
    func rbpDefault() throws {
        // 0.1 * (0.5 * 0.9^0 + 1 * 0.9^2 + 0.5 * 0.9^5)
        // = 0.1 * (0.5 + 0.81 + 0.295245) = 0.1605245
        let expected = 0.1 * (0.5 + 0.81 + 0.5 * 0.59049)
        expectClose(try value("rbp", Sample.ranking()), expected)
    }

    @Test("rbp with p = 0.5 (exact in binary)")
    func rbpHalf() throws {
        // 0.5 * (0.5 * 1 + 1 * 0.25 + 0.5 * 0.03125) = 0.5 * 0.765625 = 0.3828125
        #expect(try value("rbp", "p=0.5", Sample.ranking()) == 0.3828125)
    }

    @Test("rbp with binary grades needs no normalisation")
    func rbpBinary() throws {
        // Binary rels [1, 0, 1, 0, 0, 0, 1, 0], p = 0.5:
        // 0.5 * (1 + 0.5^2 + 0.5^6) = 0.5 * 1.265625 = 0.6328125
        #expect(try value("rbp", "p=0.5", Binary.ranking()) == 0.6328125)
    }

    @Test("rbp normalises by the topic's highest judged grade, retrieved or not")
    func rbpNormalisedByQrels() throws {
        // b (grade 3) is not retrieved; a has grade 2: gain 2/3
        let r = try judge(["a"], [("a", 2), ("b", 3)])
        // p = 0.5: 0.5 * (2/3) = 1/3
        expectClose(try value("rbp", "p=0.5", r), 1.0 / 3.0)
    }

    @Test("rbp ignores -l")
    func rbpIgnoresLevel() throws {
        let r = try Sample.ranking(RankingOptions(relevanceLevel: 2))
        #expect(try value("rbp", "p=0.5", r, EvalContext(relevanceLevel: 2)) == 0.3828125)
    }

    @Test("rbp_resid with the default p = 0.9")
    func rbpResidualDefault() throws {
        // unjudged at ranks 4 (-1) and 8 (-2), n = 10:
        // 0.9^10 + 0.1 * (0.9^3 + 0.9^7) = 0.3486784401 + 0.1 * (0.729 + 0.4782969)
        // = 0.3486784401 + 0.12072969 = 0.4694081301
        expectClose(try value("rbp_resid", Sample.ranking()), 0.4694081301)
    }

    @Test("rbp_resid with p = 0.5 (exact in binary)")
    func rbpResidualHalf() throws {
        // 0.5^10 + 0.5 * (0.5^3 + 0.5^7) = 0.0009765625 + 0.5 * 0.1328125 = 0.0673828125
        #expect(try value("rbp_resid", "p=0.5", Sample.ranking()) == 0.0673828125)
    }

    @Test("rbp_resid is 0 when every retrieved doc is judged")
    func rbpResidualFullyJudged() throws {
        #expect(try value("rbp_resid", Binary.ranking()) == 0)
        #expect(try value("rbp_resid", Sample.ranking(RankingOptions(judgedOnly: true))) == 0)
    }
}
