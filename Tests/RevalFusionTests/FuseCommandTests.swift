import Foundation
import RevalCLI
import Testing

/// `reval fuse` on the bundled DL19 runs, BM25 then RepLLaMA, evaluated with `reval eval -c
/// -m ndcg_cut.10`. The expected values are the fusion issue's, computed with trec_eval 10.0.
@Suite("reval fuse on DL19: the issue's reference values")
struct FuseReferenceTests {
    static func nDCG10(_ run: String) -> String {
        RevalMain.evalOutput(["-c", "-m", "ndcg_cut.10", Paths.dl19Qrels, run]).stdout
    }

    @Test("RRF k = 60: nDCG@10 0.6906; cc minmax 0.5, 0.5: 0.6797", arguments: [
        (["--method", "rrf"], "0.6906"),
        (["--method", "rrf", "--k", "60"], "0.6906"),
        (["--method", "cc"], "0.6797"),
        (["--method", "cc", "--norm", "minmax", "--weights", "0.5,0.5"], "0.6797"),
    ])
    func fusedValue(_ flags: [String], _ expected: String) throws {
        try TemporaryFolder.with { folder in
            let output = folder.appendingPathComponent("fused.txt").path
            let out = RevalMain.fuseOutput(flags + ["--output", output, Paths.bm25, Paths.repLLaMA])
            #expect(out.exitCode == 0, "\(out.stderr)")
            #expect(out.stderr.isEmpty && out.stdout.isEmpty)
            #expect(Self.nDCG10(output) == "ndcg_cut_10           \tall\t\(expected)\n")
        }
    }

    static let curve = ["0.7384", "0.7452", "0.7511", "0.7418", "0.7237", "0.6797", "0.6355", "0.5926", "0.5551", "0.5360", "0.5058"]

    @Test("--tune prints the issue's curve, best 0.2, and writes the run fused with it")
    func tuningCurve() throws {
        try TemporaryFolder.with { folder in
            let output = folder.appendingPathComponent("best.txt").path
            let out = RevalMain.fuseOutput(["--method", "cc", "--tune", "ndcg_cut.10", "--qrels", Paths.dl19Qrels,
                                            "--output", output, Paths.bm25, Paths.repLLaMA])
            #expect(out.exitCode == 0, "\(out.stderr)")
            var expected = "weights\tndcg_cut_10\n"
            for (i, value) in Self.curve.enumerated() {
                expected += "\(Double(i) / 10),\(Double(10 - i) / 10)\t\(value)\n"
            }
            expected += "best\t0.2,0.8\t0.7511\n"
            #expect(out.stdout == expected)
            #expect(Self.nDCG10(output) == "ndcg_cut_10           \tall\t0.7511\n")
        }
    }

    @Test("--format json: best and curve under the printed measure name")
    func tuningJSON() throws {
        try TemporaryFolder.with { folder in
            let output = folder.appendingPathComponent("best.txt").path
            let out = RevalMain.fuseOutput(["--method", "cc", "--tune", "nDCG@10", "--qrels", Paths.dl19Qrels,
                                            "--format", "json", "--output", output, Paths.bm25, Paths.repLLaMA])
            #expect(out.exitCode == 0, "\(out.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["best", "curve"])
            let best = try #require(object["best"] as? [String: Any])
            #expect(best["weights"] as? [Double] == [0.2, 0.8])
            #expect(String(format: "%.4f", try #require(best["nDCG@10"] as? Double)) == "0.7511")
            let points = try #require(object["curve"] as? [[String: Any]])
            #expect(points.count == 11)
            let values = points.compactMap { $0["nDCG@10"] as? Double }.map { String(format: "%.4f", $0) }
            #expect(values == Self.curve)
            #expect(points.compactMap { $0["weights"] as? [Double] }.map { $0[0] } == (0...10).map { Double($0) / 10 })
        }
    }
}

/// `reval fuse` on two tiny runs: the lines written, worked out by hand.
@Suite("reval fuse: the fused file")
struct FuseOutputTests {
    /// A: topic 1 d1 3, d2 2, d3 2, d4 1; topic 2 x 1. B (another layout, tabs): topic 1 d3 4,
    /// d5 2.5, d1 1; topic 3 y 7 (so the runs' topic sets differ).
    static let a = "1 Q0 d1 1 3 A\n1 Q0 d2 2 2 A\n1 Q0 d3 3 2 A\n1 Q0 d4 4 1 A\n2 Q0 x 1 1 A\n"
    static let b = "1\tQ0\td3\t1\t4\tB\n1\tQ0\td5\t2\t2.5\tB\n1\tQ0\td1\t3\t1\tB\n3\tQ0\ty\t1\t7\tB\n"

    @Test("CombSUM minmax: ranks from 1, scores as %.17g, the tag, a warning for the topic sets")
    func combSUM() throws {
        try TemporaryFolder.with { folder in
            let runA = try TemporaryFolder.write(Self.a, "a.txt", in: folder)
            let runB = try TemporaryFolder.write(Self.b, "b.txt", in: folder)
            let output = folder.appendingPathComponent("fused.txt").path
            let out = RevalMain.fuseOutput(["--method", "combsum", "--tag", "hybrid", "--output", output, runA, runB])
            #expect(out.exitCode == 0)
            // Topic 1 as in TinyFusionTests: d3 1.5, d1 1, d5 0.5, d2 0.5, d4 0. Topic 2 only in A,
            // topic 3 only in B: one document each, minmax 1. Topics come out as they complete:
            // 3 once A has ended, 2 once B has.
            let expected = """
                1 Q0 d3 1 1.5 hybrid
                1 Q0 d1 2 1 hybrid
                1 Q0 d5 3 0.5 hybrid
                1 Q0 d2 4 0.5 hybrid
                1 Q0 d4 5 0 hybrid
                3 Q0 y 1 1 hybrid
                2 Q0 x 1 1 hybrid

                """
            #expect(try String(contentsOfFile: output, encoding: .utf8) == expected)
            #expect(out.stderr == "reval: warning: the runs hold different topics: 3 topics in all, 1 in every run; "
                + "\(runA) lacks 1, \(runB) lacks 1; each topic is fused over the runs that have it\n")
        }
    }

    @Test("RRF scores read back as the same doubles")
    func roundTrip() throws {
        try TemporaryFolder.with { folder in
            let runA = try TemporaryFolder.write(Self.a, "a.txt", in: folder)
            let runB = try TemporaryFolder.write(Self.b, "b.txt", in: folder)
            let output = folder.appendingPathComponent("fused.txt").path
            let out = RevalMain.fuseOutput(["--method", "rrf", "--depth", "3", "--output", output, runA, runB])
            #expect(out.exitCode == 0)
            let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
            let topic1 = lines.filter { $0.hasPrefix("1 ") }.map { $0.split(separator: " ") }
            // d3 = 1/62 + 1/61, d1 = 1/61 + 1/63, d5 = 1/62; depth 3 drops d2 and d4.
            #expect(topic1.map { String($0[2]) } == ["d3", "d1", "d5"])
            #expect(topic1.map { Double(String($0[4])) } == [1.0 / 62 + 1.0 / 61, 1.0 / 61 + 1.0 / 63, 1.0 / 62])
            #expect(topic1.map { $0[4].count } .allSatisfy { $0 >= 17 })
        }
    }

    @Test("a run not grouped by topic is read whole: the same fused topics")
    func interleaved() throws {
        try TemporaryFolder.with { folder in
            // A's lines shuffled: topic 1 is split by topic 2.
            let shuffled = "1 Q0 d2 2 2 A\n2 Q0 x 1 1 A\n1 Q0 d4 4 1 A\n1 Q0 d1 1 3 A\n1 Q0 d3 3 2 A\n"
            let grouped = try TemporaryFolder.write(Self.a, "a.txt", in: folder)
            let interleaved = try TemporaryFolder.write(shuffled, "shuffled.txt", in: folder)
            let runB = try TemporaryFolder.write(Self.b, "b.txt", in: folder)
            let first = folder.appendingPathComponent("first.txt").path
            let second = folder.appendingPathComponent("second.txt").path
            #expect(RevalMain.fuseOutput(["--method", "combmnz", "--output", first, grouped, runB]).exitCode == 0)
            #expect(RevalMain.fuseOutput(["--method", "combmnz", "--output", second, interleaved, runB]).exitCode == 0)
            let firstLines = try String(contentsOfFile: first, encoding: .utf8).split(separator: "\n").sorted()
            let secondLines = try String(contentsOfFile: second, encoding: .utf8).split(separator: "\n").sorted()
            #expect(firstLines == secondLines)
            #expect(firstLines.count == 7)
        }
    }

    @Test("the same bytes with 1 and 4 threads")
    func threads() throws {
        try TemporaryFolder.with { folder in
            let one = folder.appendingPathComponent("one.txt").path
            let four = folder.appendingPathComponent("four.txt").path
            for (path, threads) in [(one, "1"), (four, "4")] {
                let out = RevalMain.fuseOutput(["--method", "cc", "--norm", "zscore", "--threads", threads,
                                                "--output", path, Paths.bm25, Paths.repLLaMA])
                #expect(out.exitCode == 0)
            }
            let oneBytes = try Data(contentsOf: URL(fileURLWithPath: one))
            let fourBytes = try Data(contentsOf: URL(fileURLWithPath: four))
            #expect(oneBytes == fourBytes)
        }
    }
}

/// A run found not grouped by topic only past its first 16 MB batch, fused to a device: the
/// lines fused before went out already and cannot be taken back (they used to go out twice).
@Suite("reval fuse: a late-interleaved run and a device")
struct FuseLateInterleaveTests {
    @Test("an error naming the run, exit 2; to a file the same run is fused whole")
    func lateInterleave() throws {
        try TemporaryFolder.with { folder in
            // 8,000 topics of 100 lines (17.4 MB), then topic q0 once more.
            var text = ""
            text.reserveCapacity(18 << 20)
            for t in 0..<8000 {
                for d in 0..<100 { text += "q\(t) Q0 d\(d) \(d + 1) \(1000 - d) A\n" }
            }
            text += "q0 Q0 late 101 1 A\n"
            #expect(text.utf8.count > 16 << 20)
            let late = try TemporaryFolder.write(text, "late.txt", in: folder)
            let other = try TemporaryFolder.write("q0 Q0 x 1 5 B\n", "other.txt", in: folder)
            let toDevice = RevalMain.fuseOutput(["--method", "rrf", "--output", "/dev/null", late, other])
            #expect(toDevice.exitCode == 2)
            #expect(toDevice.stderr.hasPrefix("reval: /dev/null: \(late) is not grouped by topic"), "\(toDevice.stderr)")
            let file = folder.appendingPathComponent("fused.txt").path
            let toFile = RevalMain.fuseOutput(["--method", "rrf", "--output", file, late, other])
            #expect(toFile.exitCode == 0)
            // Topic q0 has its 100 lines, the late one and B's x; every other topic its 100.
            let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 8000 * 100 + 2)
            #expect(lines.filter { $0.hasPrefix("q0 ") }.count == 102)
        }
    }
}

/// Bad input: one clear line, exit 2, and no output file.
@Suite("reval fuse: bad input")
struct FuseBadInputTests {
    static let runs = [Paths.bm25, Paths.repLLaMA]

    static let cases: [(flags: [String], message: String)] = [
        (["--method", "rrf", "--output", "OUT", Paths.bm25], "fusion needs at least two runs, got 1"),
        (["--method", "cc", "--weights", "0.3,0.6", "--output", "OUT"] + runs,
         "--weights must sum to 1 for cc (a convex combination), got 0.3 + 0.6 = 0.9"),
        (["--method", "cc", "--weights", "0.2,0.3,0.5", "--output", "OUT"] + runs,
         "--weights has 3 values for 2 runs; expected one per run"),
        (["--method", "rrf", "--k", "-1", "--output", "OUT"] + runs, "--k must be a number ≥ 0, got -1.0"),
        (["--method", "cc", "--norm", "tmm", "--output", "OUT"] + runs,
         "--norm tmm needs the lowest score each run can give: --lower L1,L2,... (one per run)"),
        (["--method", "borda", "--output", "OUT"] + runs,
         "unknown fusion method 'borda' for --method; expected rrf, combsum, combmnz or cc"),
        (["--method", "cc", "--norm", "l2", "--output", "OUT"] + runs,
         "unknown normalisation 'l2' for --norm; expected none, minmax, zscore or tmm"),
        (["--method", "cc", "--weights", "a,b", "--output", "OUT"] + runs, "--weights needs comma-separated numbers, got 'a,b'"),
        (["--method", "cc", "--tune", "ndcg_cut.10", "--output", "OUT"] + runs,
         "--tune needs the qrels to evaluate with: --qrels FILE"),
        (["--method", "cc", "--tune", "ndcg_cut.10", "--qrels", Paths.dl19Qrels, "--weights", "0.5,0.5", "--output", "OUT"] + runs,
         "--weights and --tune exclude each other: --tune chooses the weights"),
        (["--method", "cc", "--tune", "P", "--qrels", Paths.dl19Qrels, "--output", "OUT"] + runs,
         "--tune needs a measure with one value; 'P' gives 9 (P_5, P_10, P_15, P_20, ...); name one, e.g. ndcg_cut.10 or P.10"),
        (["--method", "cc", "--tune", "map", "--step", "0.3", "--qrels", Paths.dl19Qrels, "--output", "OUT"] + runs,
         "--step must divide 1 into equal parts (0.1, 0.05, 0.25, ...), got 0.3"),
        (["--method", "cc", "--qrels", Paths.dl19Qrels, "--output", "OUT"] + runs, "--qrels applies to --tune only"),
        (["--method", "cc", "--output", "OUT", "-", "-"], "only one run can be read from stdin ('-')"),
    ]

    @Test("usage errors", arguments: cases)
    func usage(_ flags: [String], _ message: String) throws {
        try TemporaryFolder.with { folder in
            let output = folder.appendingPathComponent("fused.txt").path
            let out = RevalMain.fuseOutput(flags.map { $0 == "OUT" ? output : $0 })
            #expect(out.exitCode == 2)
            #expect(out.stderr == "reval: \(message)\n")
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    @Test("bad run files: the file and line")
    func badFiles() throws {
        try TemporaryFolder.with { folder in
            let output = folder.appendingPathComponent("fused.txt").path
            let good = try TemporaryFolder.write("1 Q0 d1 1 3 A\n", "good.txt", in: folder)
            let malformed = try TemporaryFolder.write("1 Q0 d1 1 3 B\n1 Q0 d2 2 high B\n", "bad.txt", in: folder)
            var out = RevalMain.fuseOutput(["--method", "rrf", "--output", output, good, malformed])
            #expect(out.exitCode == 2)
            #expect(out.stderr.hasPrefix("reval: \(malformed):2: "), "\(out.stderr)")
            let twice = try TemporaryFolder.write("1 Q0 d1 1 3 B\n1 Q0 d1 2 2 B\n", "twice.txt", in: folder)
            out = RevalMain.fuseOutput(["--method", "rrf", "--output", output, good, twice])
            #expect(out.stderr == "reval: \(twice):2: document 'd1' appears twice for topic '1' (also line 1)\n")
            #expect(out.exitCode == 4)     // trec_eval's code for a duplicate, as in reval eval
            let negative = try TemporaryFolder.write("1 Q0 d1 1 -3 B\n", "negative.txt", in: folder)
            out = RevalMain.fuseOutput(["--method", "cc", "--norm", "tmm", "--lower", "0,0", "--output", output, good, negative])
            #expect(out.stderr == "reval: \(negative):1: score -3.0 of document 'd1' is below this run's lower bound 0.0 (--lower); expected every score ≥ the bound\n")
            out = RevalMain.fuseOutput(["--method", "rrf", "--output", output, good, folder.appendingPathComponent("missing.txt").path])
            #expect(out.exitCode == 2)
            #expect(out.stderr.contains("missing.txt: cannot open"))
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }
}
