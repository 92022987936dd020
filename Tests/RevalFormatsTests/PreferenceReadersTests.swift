import Foundation
import Testing
import RevalCore
import RevalFormats

/// PreferencesReader (-R prefs, qrels_prefs), JudgmentGroupQrelsReader (-R qrels_jg) and
/// ZScoresReader (-Z): the qrels rules for fields, comments and malformed lines.
@Suite("Preference, judgment-group and z-score readers")
struct PreferenceReadersTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("prefs: five fields, mixed whitespace, comments in column 1, physical line numbers")
    func prefs() throws {
        let text = "# judge 1\n1 a x d1 2\n1\ta\tx\t d2\t0.5\n# one\n# two\n2  b  y  d3  -1\n"
        let prefs = try PreferencesReader.parse(bytes: Self.bytes(text), name: "p", format: .prefs)
        #expect(prefs.sortedTopicIDs == ["1", "2"])
        #expect(prefs["1"]?.judgments == [
            PreferenceJudgment(group: "a", subgroup: "x", docno: "d1", level: 2, line: 2),
            PreferenceJudgment(group: "a", subgroup: "x", docno: "d2", level: 0.5, line: 3),
        ])
        #expect(prefs["2"]?.judgments == [PreferenceJudgment(group: "b", subgroup: "y", docno: "d3", level: -1, line: 6)])
    }

    @Test("qrels_prefs: a qrels file, the iteration column as group, sub-group 0")
    func qrelsPrefs() throws {
        let prefs = try PreferencesReader.parse(bytes: Self.bytes("301 0 FBIS3-1 1\n301 0 FBIS3-2 0\n"),
                                                name: "q", format: .qrelsPrefs)
        #expect(prefs["301"]?.judgments.map(\.subgroup) == ["0", "0"])
        #expect(prefs["301"]?.judgments.map(\.group) == ["0", "0"])
        #expect(prefs["301"]?.judgments.map(\.level) == [1, 0])
    }

    static let malformedPrefsCases: [(format: PreferencesReader.Layout, text: String, message: String)] = [
        (.prefs, "1 a x d1 2\n1 a x d2\n", "p:2: expected 5 fields 'topic group subgroup docno level', found 4"),
        (.prefs, "1 a x d1 2 extra\n", "p:1: expected 5 fields 'topic group subgroup docno level', found 6"),
        (.prefs, "1 a x d1 2\n\n", "p:2: blank line; expected 'topic group subgroup docno level'"),
        (.prefs, "1 a x d1 high\n", "p:1: level 'high' is not a number"),
        (.prefs, "1 a x d1 nan\n", "p:1: level 'nan' is not a number"),
        (.qrelsPrefs, "1 0 d1 1 1\n", "p:1: expected 4 fields 'topic group docno level', found 5"),
        (.prefs, "# only a comment\n", "p: no judgments: the file is empty or holds only comments"),
    ]

    @Test("malformed prefs lines: one line naming file and line", arguments: PreferenceReadersTests.malformedPrefsCases)
    func malformedPrefs(format: PreferencesReader.Layout, text: String, message: String) {
        do {
            _ = try PreferencesReader.parse(bytes: Self.bytes(text), name: "p", format: format)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == message)
            #expect(error.exitCode == 2)
        }
    }

    @Test("qrels_jg: groups per topic, integer grades, comments")
    func judgmentGroups() throws {
        let text = "# groups\n301 1 d1 1\n301 0 d1 0\n301 0 d2 -1\n302 0 d3 2.0\n"
        let qrels = try JudgmentGroupQrelsReader.parse(bytes: Self.bytes(text), name: "jg")
        #expect(qrels.sortedTopicIDs == ["301", "302"])
        let topic = try #require(qrels["301"])
        #expect(topic.groups.map(\.name) == ["0", "1"])
        #expect(topic.groups[0].judgments.grades == [0, -1])
        #expect(topic.groups[0].judgments.lines == [3, 4])
        #expect(qrels["302"]?.groups.first?.judgments.grades == [2])
    }

    static let malformedGroupCases: [(text: String, message: String)] = [
        ("301 0 d1\n", "jg:1: expected 4 fields 'topic group docno grade', found 3"),
        ("301 0 d1 1.5\n", "jg:1: grade '1.5' is not an integer"),
        ("301 0 d1 1\n   \n", "jg:2: blank line; expected 'topic group docno grade'"),
        ("301 0 d1 1\n301 1 d1 1\n301 0 d1 0\n", "jg:3: document 'd1' is judged twice by group '0' for topic '301' (also line 1)"),
        ("", "jg: no judgments: the file is empty or holds only comments"),
    ]

    @Test("malformed qrels_jg lines, and a document judged twice by one group", arguments: PreferenceReadersTests.malformedGroupCases)
    func malformedGroups(text: String, message: String) {
        do {
            _ = try JudgmentGroupQrelsReader.parse(bytes: Self.bytes(text), name: "jg")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == message)
            #expect(error.exitCode == 2)
        }
    }

    @Test("z-scores: topic measure mean sd; comments; sorted for lookup")
    func zScores() throws {
        let text = "# reference\n302 map 0.2 0.1\n301\tP_10\t0.5\t0.25\n301 map 1e-1 0\n"
        let table = try ZScoresReader.parse(bytes: Self.bytes(text), name: "z")
        #expect(table.entries.map { "\($0.topic) \($0.measure)" } == ["301 P_10", "301 map", "302 map"])
        #expect(table.zScore(1, topic: "301", measure: "P_10") == 2)
        #expect(table.zScore(0.1, topic: "301", measure: "map") == 0)
        #expect(table.zScore(0.4, topic: "302", measure: "map") == (0.4 - 0.2) / 0.1)
    }

    static let malformedZScoreCases: [(text: String, message: String)] = [
        ("301 map 0.2\n", "z:1: expected 4 fields 'topic measure mean sd', found 3"),
        ("301 map 0.2 x\n", "z:1: standard deviation 'x' is not a number"),
        ("301 map - 0.1\n", "z:1: mean '-' is not a number"),
        ("\n", "z:1: blank line; expected 'topic measure mean sd'"),
        ("301 map 0.2 0.1\n301 P_5 0 1\n301 map 0.3 0.1\n",
         "z:3: topic '301' lists measure 'map' twice (also line 1); expected one mean and sd per topic and measure"),
        ("# nothing\n", "z: no entries: the file is empty or holds only comments"),
    ]

    @Test("malformed z-score lines", arguments: PreferenceReadersTests.malformedZScoreCases)
    func malformedZScores(text: String, message: String) {
        do {
            _ = try ZScoresReader.parse(bytes: Self.bytes(text), name: "z")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == message)
            #expect(error.exitCode == 2)
        }
    }
}
