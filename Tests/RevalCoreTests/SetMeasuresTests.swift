import Testing
import RevalCore

/// set_P, set_recall, set_relative_P, set_map, set_F and utility
/// (Measures/SetMeasures.swift). Sample: ret = 10, relret = 3, R = 5.
@Suite("Set measures")
struct SetMeasuresTests {
    @Test("set_P, set_recall, set_relative_P, set_map on the sample")
    func setMeasures() throws {
        let r = try Sample.ranking()
        #expect(try value("set_P", r) == 3.0 / 10.0)  // relret / ret
        #expect(try value("set_recall", r) == 3.0 / 5.0)  // relret / R
        #expect(try value("set_relative_P", r) == 3.0 / 5.0)  // relret / min(10, 5)
        #expect(try value("set_map", r) == 9.0 / 50.0)  // relret^2 / (ret * R) = 9/50 = 0.18
    }

    @Test("set_relative_P divides by ret when ret < R")
    func setRelativePShortRun() throws {
        // -M 3: relret 2, ret 3, R 5: 2 / min(3, 5) = 2/3
        #expect(try value("set_relative_P", Sample.ranking(RankingOptions(maxRetrieved: 3))) == 2.0 / 3.0)
    }

    static let setFCases: [(parameters: String?, expected: Double)] = [
        // b = 1: P = 0.3, R = 0.6: 2 * 0.18 / 0.9 = 0.4
        (nil as String?, 0.4),
        ("1", 0.4),
        // b = 0.5: 1.5 * 0.18 / (0.15 + 0.6) = 0.27 / 0.75 = 0.36
        ("0.5", 0.36),
        // b = 2: 3 * 0.18 / (0.6 + 0.6) = 0.54 / 1.2 = 0.45
        ("2", 0.45),
    ]

    @Test("set_F = (b + 1) P R / (b P + R)", arguments: SetMeasuresTests.setFCases)
    func setF(parameters: String?, expected: Double) throws {
        expectClose(try value("set_F", parameters, Sample.ranking()), expected)
    }

    @Test("set measures are 0 when nothing relevant is retrieved or nothing at all")
    func setMeasuresZero() throws {
        let none = try judge(["n"], [("n", 0), ("r", 1)])
        #expect(try value("set_F", none) == 0)
        #expect(try value("set_P", none) == 0)
        let empty = try Sample.ranking(RankingOptions(maxRetrieved: 0))
        for name in ["set_P", "set_recall", "set_relative_P", "set_map", "set_F"] {
            #expect(try value(name, empty) == 0, "\(name)")
        }
    }

    @Test("utility with the default weights 1, -1, 0, 0")
    func utilityDefault() throws {
        // 1 * relret + (-1) * (ret - relret) = 3 - 7 = -4
        #expect(try value("utility", Sample.ranking()) == -4)
    }

    @Test("utility with custom weights")
    func utilityCustom() throws {
        // 2 * 3 + (-1) * 7 = -1
        #expect(try value("utility", "2,-1,0,0", Sample.ranking()) == -1)
    }

    @Test("utility's fourth weight uses -N: d = N + relret - ret - R")
    func utilityWithCollectionSize() throws {
        let ctx = EvalContext(documentsInCollection: 100)
        // a = 3, b = 10 - 3 = 7, c = 5 - 3 = 2, d = 100 + 3 - 10 - 5 = 88
        // 2 * 3 + (-1) * 7 + (-0.5) * 2 + 0.25 * 88 = 6 - 7 - 1 + 22 = 20
        #expect(try value("utility", "2,-1,-0.5,0.25", Sample.ranking(), ctx) == 20)
        // Only d: 88
        #expect(try value("utility", "0,0,0,1", Sample.ranking(), ctx) == 88)
        // Without -N, N = 0: d = 0 + 3 - 10 - 5 = -12
        #expect(try value("utility", "0,0,0,1", Sample.ranking()) == -12)
    }
}
