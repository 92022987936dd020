import Foundation
import RevalCLI
import Testing

/// BEIR and MS MARCO inputs, compressed inputs, machine-readable output and `reval convert`,
/// checked against trec_eval's outputs and the published MS MARCO MRR@10 computation.
@Suite("Input and output formats")
struct FormatTests {
    static let dl19Qrels = Paths.qrels.appendingPathComponent("dl19-passage/qrels.dl19-passage.txt").path
    static let dl19BM25 = Paths.qrels.appendingPathComponent("dl19-passage/runs/BM25.trec_results_dl19_top100.txt").path
    static let covid = Paths.qrels.appendingPathComponent("beir/trec-covid")

    static func expected(_ relative: String) throws -> String {
        try Fixture.text(Paths.qrels.appendingPathComponent(relative).path)
    }

    @Test("BEIR results JSON against BEIR qrels gives trec_eval's nDCG@10 0.5947 (file and dataset folder)")
    func beirResults() throws {
        let results = Self.covid.appendingPathComponent("results.bm25.json").path
        let golden = try Self.expected("beir/trec-covid/expected/BM25.covid.ndcg_cut10.txt")
        #expect(golden == "ndcg_cut_10           \tall\t0.5947\n")
        for qrels in [Self.covid.appendingPathComponent("qrels/test.tsv").path, Self.covid.path] {
            let out = reval(["-m", "ndcg_cut.10", qrels, results])
            #expect(out.exitCode == 0, "\(out.stderr)")
            #expect(out.stdout == golden)
        }
        // Per topic too, with -c, against trec_eval's -q -c output on the TREC-format files.
        let perTopic = reval(["-q", "-c", "-m", "ndcg_cut.10", Self.covid.path, results])
        #expect(perTopic.stdout == (try Self.expected("beir/trec-covid/expected/BM25.covid.q.c.ndcg_cut10.txt")))
    }

    @Test("the BEIR JSON and the TREC file of the same run both print trec_eval's -q output (runid aside)")
    func beirJSONEqualsTrec() throws {
        let qrels = Self.covid.appendingPathComponent("qrels/test.tsv").path
        // trec_eval 10.0 on the TREC run and the TREC-format qrels (Qrels/README.md).
        let golden = try Self.expected("beir/trec-covid/expected/BM25.covid.q.official.txt")
        let withoutRunid = { (s: String) in s.split(separator: "\n").filter { !$0.hasPrefix("runid") } }
        for run in ["results.bm25.json", "BM25.trec_results_covid_top100.txt"] {
            let out = reval(["-q", "-m", "official", qrels, Self.covid.appendingPathComponent(run).path])
            #expect(out.exitCode == 0, "\(out.stderr)")
            #expect(withoutRunid(out.stdout) == withoutRunid(golden), "\(run)")
        }
    }

    @Test("--ignore-identical-ids drops a document whose id equals its query id, as BEIR does")
    func ignoreIdenticalIDs() throws {
        try TemporaryFolder.with { folder in
            let qrels = try TemporaryFolder.write("query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\tq1\t1\n", "qrels.tsv", in: folder)
            let run = try TemporaryFolder.write("{\"q1\": {\"q1\": 9.0, \"d1\": 8.0, \"d2\": 7.0}}", "results.json", in: folder)
            // With q1 kept: ranks q1(rel) d1(rel) d2 -> P_1 = 1, num_ret 3.
            #expect(reval(["-m", "num_ret", "-m", "P.1", qrels, run]).stdout.contains("num_ret               \tall\t3\n"))
            // Dropped: d1(rel) d2 -> num_ret 2, P_1 = 1, recall_1 = 1/2.
            let out = reval(["--ignore-identical-ids", "-m", "num_ret", "-m", "recall.1", qrels, run])
            #expect(out.stdout == "num_ret               \tall\t2\nrecall_1              \tall\t0.5000\n")
        }
    }

    @Test("an MS MARCO run (qid pid rank) gives the official MRR@10, 35.40277777777777 / 43 = 0.8233204134366924")
    func msmarcoRun() throws {
        let run = Paths.qrels.appendingPathComponent("msmarco-passage/BM25.dl19.msmarco-format.tsv").path
        let text = reval(["-c", "-M", "10", "-m", "recip_rank", Self.dl19Qrels, run])
        #expect(text.stdout == (try Self.expected("msmarco-passage/expected/BM25.dl19.c.M10.recip_rank.txt")))
        let levelTwo = reval(["-c", "-M", "10", "-l", "2", "-m", "recip_rank", Self.dl19Qrels, run])
        #expect(levelTwo.stdout == (try Self.expected("msmarco-passage/expected/BM25.dl19.c.M10.l2.recip_rank.txt")))
        // Full precision: the official script's value (expected/BM25.dl19.msmarco-format.MRR10.tsv).
        let json = reval(["--format", "json", "-c", "-M", "10", "-m", "recip_rank", Self.dl19Qrels, run])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let value = try #require((object?["summary"] as? [String: Any])?["recip_rank"] as? Double)
        #expect(abs(value - 0.8233204134366924) < 1e-12)
    }

    @Test("gzip and zstd copies of a run give output identical to the plain file", arguments: ["BM25.dl19.gz", "BM25.dl19.zst"])
    func compressedRuns(_ name: String) throws {
        let plain = reval(["-q", "-m", "all_trec", Self.dl19Qrels, Self.dl19BM25])
        let compressed = reval(["-q", "-m", "all_trec", Self.dl19Qrels, Paths.fixture("compressed/\(name)")])
        #expect(compressed.exitCode == 0, "\(compressed.stderr)")
        #expect(compressed.stdout == plain.stdout)
        #expect(plain.stdout == (try Self.expected("dl19-passage/expected/BM25.dl19.q.all_trec.txt")))
    }

    @Test("formats are detected from content; --run-format and --qrels-format override detection")
    func detectionAndOverride() throws {
        // A MS MARCO run read as TREC fails: 3 fields where 6 are needed.
        let run = Paths.qrels.appendingPathComponent("msmarco-passage/BM25.dl19.msmarco-format.tsv").path
        let forced = reval(["--run-format", "trec", Self.dl19Qrels, run])
        #expect(forced.exitCode == 2)
        #expect(forced.stderr.contains("\(run):1: expected 6 fields"))
        // TREC qrels forced to BEIR: a line of 4 space-separated fields is not 3 TAB fields.
        let qrels = reval(["--qrels-format", "beir", Self.dl19Qrels, Self.dl19BM25])
        #expect(qrels.exitCode == 2)
        #expect(qrels.stderr.contains("expected 3 TAB-separated fields"))
        #expect(reval(["--run-format", "nosuch", Self.dl19Qrels, Self.dl19BM25]).exitCode == 1)
    }

    @Test("malformed BEIR inputs name the file and line")
    func malformedBEIR() throws {
        try TemporaryFolder.with { folder in
            let qrels = try TemporaryFolder.write("query-id\tcorpus-id\tscore\nq1\td1\t1\n", "qrels.tsv", in: folder)
            let cases: [(String, String)] = [
                ("{\"q1\": {\"d1\": 1.0,\n \"d2\": \"high\"}}", ":2: expected a numeric score for document \"d2\""),
                ("{\"q1\": [1, 2]}", ":1: expected '{' opening the documents of query \"q1\""),
                ("{\"q1\": {\"d1\": 1.0}\n", ":2: the JSON ends early"),
                ("{\"q1\": {\"d1\": 1.0}} trailing", ":1: unexpected text after the results object"),
            ]
            for (k, (json, message)) in cases.enumerated() {
                let run = try TemporaryFolder.write(json, "bad\(k).json", in: folder)
                let out = reval([qrels, run])
                #expect(out.exitCode == 2)
                #expect(out.stderr.contains(run + message), "\(out.stderr)")
            }
            let headerOnly = try TemporaryFolder.write("query-id\tcorpus-id\tscore\n", "header.tsv", in: folder)
            let out = reval([headerOnly, Self.dl19BM25])
            #expect(out.exitCode == 2)
            #expect(out.stderr.contains("\(headerOnly): no judgments"))
        }
    }

    @Test("machine formats carry full precision and agree with trec_eval's rounded text", arguments: ["json", "jsonl", "csv", "tsv"])
    func machineFormats(_ format: String) throws {
        // trec_eval 10.0's -q -m all_trec lines, of which map and num_ret are checked.
        let text = try Self.expected("dl19-passage/expected/BM25.dl19.q.all_trec.txt")
        let machine = reval(["--format", format, "-q", "-m", "map", "-m", "num_ret", Self.dl19Qrels, Self.dl19BM25])
        #expect(machine.exitCode == 0)
        // Every trec_eval line "name<TAB>topic<TAB>value" has a machine row whose value,
        // printed as %6.4f, is the same text.
        var rows: [(String, String, String)] = []
        switch format {
        case "json":
            let object = try #require(try JSONSerialization.jsonObject(with: Data(machine.stdout.utf8)) as? [String: Any])
            let summary = try #require(object["summary"] as? [String: Any])
            for (k, v) in summary { rows.append(("all", k, "\(v)")) }
            let topics = try #require(object["topics"] as? [String: [String: Any]])
            for (topic, values) in topics { for (k, v) in values { rows.append((topic, k, "\(v)")) } }
        case "jsonl":
            for line in machine.stdout.split(separator: "\n") {
                let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                rows.append((o["topic"] as! String, o["measure"] as! String, "\(o["value"]!)"))
            }
        default:
            let separator: Character = format == "csv" ? "," : "\t"
            let lines = machine.stdout.split(separator: "\n")
            #expect(lines.first == (format == "csv" ? "topic,measure,value" : "topic\tmeasure\tvalue"))
            for line in lines.dropFirst() {
                let f = line.split(separator: separator).map(String.init)
                rows.append((f[0], f[1], f[2]))
            }
        }
        let expectedLines = text.split(separator: "\n").filter { $0.hasPrefix("map ") || $0.hasPrefix("num_ret ") }
        #expect(rows.count == expectedLines.count)
        var longest = 0
        for (topic, measure, value) in rows {
            let number = try #require(Double(value))
            let printed = measure == "num_ret" ? String(Int(number)) : String(format: "%6.4f", number)
            let padded = measure.padding(toLength: 22, withPad: " ", startingAt: 0)
            #expect(text.contains("\(padded)\t\(topic)\t\(printed)\n"), "\(measure) \(topic) \(value)")
            longest = max(longest, value.count)
        }
        #expect(longest > 12)  // more than trec_eval's 4 decimals
    }

    @Test("convert: TREC -> BEIR JSON -> MS MARCO -> TREC keeps the ranking; qrels TREC <-> BEIR keep the judgments")
    func convertRoundTrips() throws {
        try TemporaryFolder.with { folder in
            let json = folder.appendingPathComponent("run.json").path
            let msmarco = folder.appendingPathComponent("run.tsv").path
            let trec = folder.appendingPathComponent("run.trec").path
            for (from, to, format) in [(Self.dl19BM25, json, "beir"), (json, msmarco, "msmarco"), (json, trec, "trec")] {
                let out = RevalMain.convertOutput(["--to", format, from, to])
                #expect(out.exitCode == 0, "\(out.stderr)")
            }
            let golden = try Self.expected("dl19-passage/expected/BM25.dl19.q.all_trec.txt")
            let dropRunid = { (s: String) in s.split(separator: "\n").filter { !$0.hasPrefix("runid") } }
            for converted in [json, trec] {
                #expect(dropRunid(reval(["-q", "-m", "all_trec", Self.dl19Qrels, converted]).stdout) == dropRunid(golden))
            }
            // MS MARCO keeps only ranks: measures that read only the order print trec_eval's lines.
            let byRank = ["-q", "-m", "map", "-m", "ndcg_cut.10", "-m", "P.10", "-m", "recip_rank"]
            let rankLines = golden.split(separator: "\n").filter { line in
                ["map ", "ndcg_cut_10 ", "P_10 ", "recip_rank "].contains { line.hasPrefix($0) }
            }
            let converted = reval(byRank + [Self.dl19Qrels, msmarco]).stdout.split(separator: "\n")
            #expect(converted.count == 4 * 44)
            #expect(Set(converted) == Set(rankLines))

            let beirQrels = folder.appendingPathComponent("qrels.tsv").path
            let trecQrels = folder.appendingPathComponent("qrels.txt").path
            #expect(RevalMain.convertOutput(["--kind", "qrels", "--to", "beir", Self.dl19Qrels, beirQrels]).exitCode == 0)
            #expect(RevalMain.convertOutput(["--kind", "qrels", "--to", "trec", beirQrels, trecQrels]).exitCode == 0)
            #expect(try String(contentsOfFile: beirQrels, encoding: .utf8).hasPrefix("query-id\tcorpus-id\tscore\n"))
            for qrels in [beirQrels, trecQrels] {
                #expect(reval(["-q", "-m", "all_trec", qrels, Self.dl19BM25]).stdout == golden)
            }
        }
    }

    @Test("convert leaves no file behind when the input is broken")
    func convertFailureLeavesNothing() throws {
        try TemporaryFolder.with { folder in
            let bad = try TemporaryFolder.write("1 Q0 d1 1 0.5 tag\n1 Q0 d2 2 notanumber tag\n", "bad.trec", in: folder)
            let target = folder.appendingPathComponent("out.json").path
            let out = RevalMain.convertOutput(["--to", "beir", bad, target])
            #expect(out.exitCode == 2)
            #expect(out.stderr.contains("\(bad):2:"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bad.trec"])
        }
    }
}
