import Foundation
import RevalCLI
import Testing

/// `reval split eval` and `reval split make` end to end, in-process, on the bundled DL19
/// data. Expected numbers are trec_eval 10.0's (Qrels/dl19-passage/resttest/expected).
@Suite struct SplitCommandTests {
    static let dl19 = Paths.qrels.appendingPathComponent("dl19-passage").path
    static let buckets = dl19 + "/resttest"
    static let qrels = dl19 + "/qrels.dl19-passage.txt"
    static let bm25 = dl19 + "/runs/BM25.trec_results_dl19_top100.txt"
    static let topics = dl19 + "/topics.dl19-passage.txt"

    func split(_ arguments: [String]) -> CommandOutput { RevalMain.splitOutput(arguments) }

    func json(_ out: CommandOutput) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    }

    /// The rows of the text table as whitespace-separated cells.
    func cells(_ out: CommandOutput) -> [[String]] {
        out.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }

    @Test func textTableWithCounts() {
        let out = split(["eval", "-c", "-m", "ndcg_cut.10", "--buckets", Self.buckets, Self.qrels, Self.bm25])
        #expect(out.exitCode == 0)
        let rows = cells(out)
        #expect(rows.first == ["run", "BM25.trec_results_dl19_top100.txt"])
        #expect(rows.contains(["bucket-1", "interpolate", "38", "0.4891"]))
        #expect(rows.contains(["bucket-1", "extrapolate", "5", "0.6326"]))
        #expect(rows.contains(["bucket-5", "interpolate", "42", "0.4983"]))
        #expect(rows.contains(["bucket-5", "extrapolate", "1", "0.8238"]))
        #expect(rows.contains(["pooled", "extrapolate", "43", "0.5058"]))
        #expect(rows.contains(["full", "all", "43", "0.5058"]))
        #expect(out.stderr == "reval: warning: bucket-5 extrapolate: 1 topic (fewer than 5); it still weighs 1/5 of the macro mean\n")
    }

    @Test func jsonKeys() throws {
        let out = split(["eval", "-mndcg_cut.10", "--format", "json", "--buckets", Self.buckets, Self.qrels, Self.bm25])
        let root = try json(out)
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        #expect(run["name"] as? String == "BM25.trec_results_dl19_top100.txt")
        let buckets = try #require(run["buckets"] as? [[String: Any]])
        #expect(buckets.map { $0["bucket"] as? String } == ["bucket-1", "bucket-2", "bucket-3", "bucket-4", "bucket-5"])
        let first = try #require(buckets.first)
        let interpolate = try #require(first["interpolate"] as? [String: Any])
        let extrapolate = try #require(first["extrapolate"] as? [String: Any])
        #expect(interpolate["n"] as? Int == 38)
        #expect(extrapolate["n"] as? Int == 5)
        let i = try #require(interpolate["ndcg_cut_10"] as? Double), e = try #require(extrapolate["ndcg_cut_10"] as? Double)
        #expect(String(format: "%.4f", i) == "0.4891" && String(format: "%.4f", e) == "0.6326")
        #expect(abs(try #require((first["gap"] as? [String: Any])?["ndcg_cut_10"] as? Double) - (i - e)) < 1e-15)
        let macro = try #require(run["macro"] as? [String: Any])
        for key in ["interpolate", "extrapolate", "gap"] { #expect(macro[key] is [String: Any]) }
        let pooled = try #require(run["pooled"] as? [String: Any])
        let full = try #require(run["full"] as? [String: Any])
        #expect(full["n"] as? Int == 43)
        let fullValue = try #require(full["ndcg_cut_10"] as? Double)
        #expect(String(format: "%.4f", fullValue) == "0.5058")
        #expect(abs(try #require((pooled["extrapolate"] as? [String: Any])?["ndcg_cut_10"] as? Double) - fullValue) < 1e-12)
    }

    @Test func fullQrelsMayBeLeftOutWithBuckets() {
        let with = split(["eval", "-m", "ndcg_cut.10", "-m", "map", "--format", "csv", "--buckets", Self.buckets, Self.qrels, Self.bm25])
        let without = split(["eval", "-m", "ndcg_cut.10", "-m", "map", "--format", "csv", "--buckets", Self.buckets, Self.bm25])
        #expect(with.exitCode == 0 && without.exitCode == 0)
        #expect(with.stdout == without.stdout)
        #expect(with.stdout.hasPrefix("run,bucket,side,n,map,ndcg_cut_10\n"))
    }

    /// A three-column split file of the same buckets gives the same numbers.
    @Test func splitFileMatchesTheFolder() throws {
        let dir = try ScratchFolder()
        var text = "qid\tbucket\tsplit\n"
        for k in 1...5 {
            for side in ["interpolate", "extrapolate"] {
                let qrels = try String(contentsOfFile: Self.buckets + "/bucket-\(k)/\(side).trec19-qrel.txt", encoding: .utf8)
                var seen = Set<Substring>()
                for line in qrels.split(separator: "\n") {
                    let qid = line.split(separator: "\t")[0]
                    if seen.insert(qid).inserted { text += "\(qid)\tbucket-\(k)\t\(side)\n" }
                }
            }
        }
        let file = try dir.write("split.tsv", text)
        let viaFile = split(["eval", "-m", "ndcg_cut.10", "--format", "json", "--split", file, Self.qrels, Self.bm25])
        let viaFolder = split(["eval", "-m", "ndcg_cut.10", "--format", "json", "--buckets", Self.buckets, Self.qrels, Self.bm25])
        #expect(viaFile.exitCode == 0)
        #expect(viaFile.stdout == viaFolder.stdout)
    }

    /// One run per bucket (here the same BM25 run for each) gives each bucket that run's values.
    @Test func perBucketRuns() throws {
        let arguments = ["eval", "-m", "ndcg_cut.10", "--format", "json", "--buckets", Self.buckets, Self.qrels]
            + (1...5).map { "--bucket-run=\($0)=\(Self.bm25)" }
        let out = split(arguments)
        #expect(out.exitCode == 0, "\(out.stderr)")
        let run = try #require((try json(out)["runs"] as? [[String: Any]])?.first)
        #expect(run["name"] as? String == "per-bucket runs")
        let buckets = try #require(run["buckets"] as? [[String: Any]])
        #expect(buckets.allSatisfy { $0["run"] as? String == "BM25.trec_results_dl19_top100.txt" })
        let last = try #require(buckets.last?["extrapolate"] as? [String: Any])
        #expect(String(format: "%.4f", try #require(last["ndcg_cut_10"] as? Double)) == "0.8238")
    }

    @Test func writesTheReportToAFile() throws {
        let dir = try ScratchFolder()
        let path = dir.path + "/report.md"
        let out = split(["eval", "-m", "ndcg_cut.10", "--format", "markdown", "-o", path, "--buckets", Self.buckets, Self.bm25])
        #expect(out.exitCode == 0 && out.stdout.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("| bucket-5 | extrapolate | 1 | 0.8238 |"))
    }

    @Test func splitTopicsMissingFromTheQrelsAreCounted() throws {
        let dir = try ScratchFolder()
        let file = try dir.write("split.tsv", "156493\tinterpolate\n1110199\textrapolate\nnope1\textrapolate\nnope2\tinterpolate\n")
        let out = split(["eval", "-m", "ndcg_cut.10", "--split", file, Self.qrels, Self.bm25])
        #expect(out.exitCode == 0)
        #expect(out.stderr.contains("reval: warning: \(file): 2 topics of the split are not in the qrels (first: 'nope1' at \(file):3); left out of every side\n"))
        #expect(out.stderr.contains("reval: warning: all: 41 of the 43 qrels topics have no label; they are in no side of this bucket\n"))
        #expect(out.stderr.contains("reval: warning: all interpolate: 1 topic (fewer than 5)"))
    }

    @Test(arguments: [
        (["eval", "-m", "map", "run.txt"], "reval: give the split: --buckets DIR (a ReSTTest folder) or --split FILE (a split file)\n"),
        (["eval", "--split", "a.tsv", "--buckets", "dir", "q", "r"], "reval: give --buckets or --split, not both\n"),
        (["eval", "--format", "xml", "--buckets", "dir", "r"], "reval: unknown format 'xml' for --format (text, json, csv, markdown)\n"),
        (["eval", "-l", "x", "--buckets", "dir", "r"], "reval: -l needs an integer, got 'x'\n"),
        (["eval", "--split", "s.tsv"], "reval: --split needs the full qrels as the first file, then the runs\n"),
    ])
    func usageErrorsExit2(_ arguments: [String], _ stderr: String) {
        let out = split(arguments)
        #expect(out.exitCode == 2)
        #expect(out.stderr == stderr)
        #expect(out.stdout.isEmpty)
    }

    @Test func bucketRunErrors() {
        let unknown = split(["eval", "--buckets", Self.buckets, Self.qrels, "--bucket-run", "9=\(Self.bm25)"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr == "reval: --bucket-run '9=\(Self.bm25)': no bucket '9' in \(Self.buckets) "
            + "(buckets: bucket-1, bucket-2, bucket-3, bucket-4, bucket-5)\n")
        let partial = split(["eval", "--buckets", Self.buckets, Self.qrels, "--bucket-run", "bucket-1=\(Self.bm25)"])
        #expect(partial.stderr == "reval: --bucket-run: no run for bucket-2, bucket-3, bucket-4, bucket-5; expected one run per bucket\n")
        let runless = split(["eval", "--buckets", Self.buckets, Self.qrels])
        #expect(runless.stderr == "reval: no runs: give one or more run files (or --bucket-run K=RUN for every bucket)\n")
    }

    @Test func helpNamesTheOptionsAsTyped() {
        let out = split(["eval", "--help"])
        #expect(out.exitCode == 0)
        #expect(out.stdout.hasPrefix("OVERVIEW: Evaluate runs on the interpolate and extrapolate sides"))
        #expect(out.stdout.contains("\n  --split <file>          A split file"))
        #expect(out.stdout.contains("\n  --beir-split <name>     Qrels split of a BEIR dataset folder"))
        #expect(split(["help", "make"]).stdout.hasPrefix("OVERVIEW: Make a split from query similarity"))
    }

    @Test func unknownOptionsExit2WithUsage() {
        let out = split(["eval", "--bogus"])
        #expect(out.exitCode == 2)
        #expect(out.stderr.hasPrefix("reval: Unknown option '--bogus'"))
    }

    @Test func missingSideIsAnInputError() throws {
        let dir = try ScratchFolder()
        try dir.write("bucket-1/interpolate.qrel", "1 0 d 1\n")
        let out = split(["eval", "--buckets", dir.path, Self.bm25])
        #expect(out.exitCode == 2)
        #expect(out.stderr == "reval: \(dir.path)/bucket-1: no extrapolate.*qrel* file; expected one for each of interpolate and extrapolate\n")
    }

    // MARK: split make

    static let training = "t1\tdo goldfish grow big\nt2\twhat is wifi\nt3\tbluetooth versus wifi\nt4\tpaula deen brother\n"

    @Test func makeWithAQuantileThenEvaluate() throws {
        let dir = try ScratchFolder()
        let train = try dir.write("train.tsv", Self.training)
        let path = dir.path + "/split.tsv"
        let made = split(["make", "--train", train, "--test", Self.topics, "--quantile", "0.5", "-o", path])
        #expect(made.exitCode == 0, "\(made.stderr)")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "qid\tsplit\tsimilarity\tnearest_train_qid")
        #expect(lines.count == 44)
        // "do goldfish grow" shares do, goldfish and grow with t1 only.
        #expect(lines.contains { $0.hasPrefix("156493\tinterpolate\t") && $0.hasSuffix("\tt1") })
        let evaluated = split(["eval", "-m", "ndcg_cut.10", "--split", path, Self.qrels, Self.bm25])
        #expect(evaluated.exitCode == 0)
        #expect(cells(evaluated).contains { $0.first == "full" && $0.last == "0.5058" })
    }

    @Test func makeBucketsWritesAFolder() throws {
        let dir = try ScratchFolder()
        let train = try dir.write("train.tsv", Self.training)
        let out = split(["make", "--train", train, "--test", Self.topics, "--buckets", "2", "--seed", "3", "-o", dir.path + "/b"])
        #expect(out.exitCode == 0, "\(out.stderr)")
        let text = try String(contentsOfFile: dir.path + "/b/split.tsv", encoding: .utf8)
        #expect(text.hasPrefix("qid\tbucket\tsplit\n"))
        #expect(text.split(separator: "\n").count == 1 + 2 * 43)
        for k in 1...2 { #expect(FileManager.default.fileExists(atPath: dir.path + "/b/bucket-\(k)/train-ids.txt")) }
        let again = split(["make", "--train", train, "--test", Self.topics, "--buckets", "2", "--seed", "3", "--threads", "1", "-o", dir.path + "/c"])
        #expect(again.exitCode == 0)
        #expect(try String(contentsOfFile: dir.path + "/c/split.tsv", encoding: .utf8) == text)
    }

    @Test func makeBadInputs() throws {
        let dir = try ScratchFolder()
        let train = try dir.write("train.jsonl", "{\"id\": \"t1\", \"vector\": [1, 0]}\n{\"id\": \"t2\", \"vector\": [0, 1]}\n")
        let test = try dir.write("test.jsonl", "{\"id\": \"q1\", \"vector\": [1, 0, 0]}\n")
        let mismatch = split(["make", "--embeddings-train", train, "--embeddings-test", test, "--threshold", "0.5"])
        #expect(mismatch.exitCode == 2)
        #expect(mismatch.stderr == "reval: \(test):1: vectors of 3 numbers; expected 2 as in \(train)\n")
        let topics = try dir.write("test.tsv", "q1\tone\nq2\ttwo\n")
        let good = try dir.write("good.jsonl", "{\"id\": \"q1\", \"vector\": [1, 0]}\n")
        let missing = split(["make", "--embeddings-train", train, "--embeddings-test", good, "--test", topics, "--threshold", "0.5"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr == "reval: \(good): no vector for topic 'q2' of \(topics); expected one per topic\n")
        let both = split(["make", "--train", topics, "--test", topics, "--threshold", "0.5", "--quantile", "0.2"])
        #expect(both.stderr == "reval: give one of --threshold X, --quantile Q or --buckets K\n" && both.exitCode == 2)
        let quantile = split(["make", "--train", topics, "--test", topics, "--quantile", "1.5"])
        #expect(quantile.stderr == "reval: --quantile needs a number from 0 to 1, got 1.5\n" && quantile.exitCode == 2)
        let tooMany = split(["make", "--train", topics, "--test", topics, "--buckets", "9", "-o", dir.path + "/x"])
        #expect(tooMany.exitCode == 2)
        #expect(tooMany.stderr == "reval: --buckets: 4 points cannot make 9 clusters; expected at least 9\n")
        let empty = try dir.write("empty.jsonl", "\n")
        let noTraining = split(["make", "--embeddings-train", empty, "--embeddings-test", good, "--threshold", "0.5"])
        #expect(noTraining.exitCode == 2)
        #expect(noTraining.stderr.hasPrefix("reval: \(empty): no vectors"))
    }
}

/// A temporary folder removed when the value goes away.
final class ScratchFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "reval-split-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }
}
