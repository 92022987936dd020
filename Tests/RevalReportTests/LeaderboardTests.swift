import RevalExperiment
import RevalReport
import Testing

/// The tiny board (Fixtures/tiny): three datasets a, b, c of two topics each (t1, t2), in
/// every one d1 relevant and d2 not; a and b form group g. Every run ranks two documents
/// per topic, so P_1 is 1 when d1 comes first, and recip_rank is 1 or 0.5.
///
///     system    first doc (t1, t2) on a | b | c      P_1 a, b, c       recip_rank a, b, c
///     Base      d2 d2 | d2 d2 | d2 d2                0, 0, 0           0.5, 0.5, 0.5
///     Good      d1 d1 | d1 d1 | d1 d1                1, 1, 1           1, 1, 1
///     Good2     as Good
///     hostile   d1 d2 | d1 d1 | d2 d2                0.5, 1, 0         0.75, 1, 0.5
///     Partial   d1 d1 on a only                      1, -, -           1, -, -
@Suite("Leaderboard: values, averages, ranks, marks and groups of a hand-made board")
struct LeaderboardTests {
    func row(_ board: Leaderboard, _ name: String) throws -> Leaderboard.Row {
        try #require(board.rows.first { $0.name == name })
    }

    @Test("per-dataset means are the hand-computed ones")
    func values() throws {
        let board = try Fixtures.tinyBoard()
        #expect(board.measures == ["P_1", "recip_rank"])
        #expect(board.datasets.map(\.name) == ["a", "b", "c"])
        #expect(board.datasets.map(\.topics) == [2, 2, 2])
        let expected: [(String, [[Double?]])] = [
            ("Base", [[0, 0.5], [0, 0.5], [0, 0.5]]),
            ("Good", [[1, 1], [1, 1], [1, 1]]),
            (Fixtures.hostileName, [[0.5, 0.75], [1, 1], [0, 0.5]]),
            ("Partial", [[1, 1], [nil, nil], [nil, nil]]),
        ]
        for (name, scores) in expected {
            #expect(try row(board, name).scores == scores, "\(name)")
        }
        #expect(try row(board, "Partial").missingTopics == [0, nil, nil])
    }

    @Test("groups are averaged first: hostile's P_1 average is (mean(0.5, 1) + 0) / 2 = 0.375, not 0.5")
    func groupAveraging() throws {
        let board = try Fixtures.tinyBoard()
        #expect(board.groups == ["g"])
        #expect(board.averagedUnits == 2)
        let hostile = try row(board, Fixtures.hostileName)
        // g = (0.5 + 1) / 2 = 0.75 for P_1 and (0.75 + 1) / 2 = 0.875 for recip_rank.
        #expect(hostile.groupAverages == [[0.75, 0.875]])
        // average = (g + c) / 2: (0.75 + 0) / 2 = 0.375; (0.875 + 0.5) / 2 = 0.6875.
        #expect(hostile.average == [0.375, 0.6875])
        #expect(try row(board, "Base").average == [0, 0.5])
        #expect(try row(board, "Good").average == [1, 1])
        #expect(try row(board, "Partial").average == [nil, nil])
    }

    @Test("ranks: ties share a rank (by name within it); a system without an average comes last")
    func ranks() throws {
        let board = try Fixtures.tinyBoard()
        #expect(board.rows.map(\.name) == ["Good", "Good2", Fixtures.hostileName, "Base", "Partial"])
        #expect(board.rows.map(\.rank) == [1, 1, 3, 4, 5])
        #expect(board.rows.map(\.isBaseline) == [false, false, false, true, false])
    }

    /// Paired t-test against Base, Holm over the systems compared on one dataset and measure.
    /// Differences that are all the same non-zero value give p = 0 (t infinite, as scipy);
    /// all zero gives no p. hostile on a, P_1: d = [1, 0], mean 0.5, sd = √0.5, t = 0.5 /
    /// (√0.5/√2) = 1 with 1 degree of freedom: p = 1 − (2/π)·atan(1) = 0.5. Holm over
    /// {Good 0, Good2 0, hostile 0.5, Partial 0} (m = 4): hostile's adjusted p is
    /// max(0, (4 − 4 + 1)·0.5) = 0.5.
    @Test("significance marks and adjusted p-values")
    func marks() throws {
        let board = try Fixtures.tinyBoard()
        let hostile = try row(board, Fixtures.hostileName)
        let a = try #require(hostile.marks[0][0])
        #expect(abs((a.p ?? -1) - 0.5) < 1e-12)
        #expect(abs((a.adjustedP ?? -1) - 0.5) < 1e-12)
        #expect(!a.significant)
        #expect(hostile.marks[1][0]?.significant == true)
        #expect(hostile.marks[1][0]?.isGain == true)
        #expect(hostile.marks[2][0]?.p == nil)
        #expect(hostile.marks[2][0]?.significant == false)
        let good = try row(board, "Good")
        #expect(good.marks.allSatisfy { $0[0]?.p == 0 && $0[0]?.significant == true })
        // recip_rank of Good: d = [0.5, 0.5] everywhere: p = 0.
        #expect(good.marks.allSatisfy { $0[1]?.significant == true })
        let partial = try row(board, "Partial")
        #expect(partial.marks[0][0]?.significant == true)
        #expect(partial.marks[1][0] == nil)
        #expect(try row(board, "Base").marks.allSatisfy { $0.allSatisfy { $0 == nil } })
    }

    @Test("published scores: reproduced within half a unit of the last decimal written")
    func expected() throws {
        let board = try Fixtures.tinyBoard()
        let checks = try row(board, "Good").expected
        #expect(checks.count == 2)
        #expect(checks[0].measure == "P_1" && checks[0].reproduced)
        // recip_rank 1 against 0.9: |1 − 0.9| = 0.1 > 0.05.
        #expect(checks[1].measure == "recip_rank" && !checks[1].reproduced && checks[1].actual == 1)
    }

    @Test("the same board for 1 and 2 threads, byte for byte in every format")
    func determinism() throws {
        let one = try Fixtures.tinyBoard(threads: 1), two = try Fixtures.tinyBoard(threads: 2)
        for format in LeaderboardSettings.Format.allCases {
            #expect(LeaderboardFiles.render(one, as: format) == LeaderboardFiles.render(two, as: format), "\(format)")
        }
    }
}
