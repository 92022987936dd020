#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import RevalCore
import RevalFormats
import RevalSplits
import RevalTopics

/// `reval split make`: a split file from the similarity of test queries to training queries.
public struct SplitMakeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "make",
        abstract: "Make a split from query similarity: interpolate/extrapolate by a threshold, or k-means buckets.",
        discussion: """
            Similarity is the TF-IDF cosine of the query texts (lowercased alphanumeric tokens, \
            idf = ln((1+N)/(1+df))+1 over the N training queries), or the cosine of given \
            embeddings (--embeddings-train/--embeddings-test: JSON Lines {"id", "vector"}, or a \
            float32 .npy matrix with --train-ids/--test-ids listing the rows' ids).

            --threshold X: a test query whose nearest training query has similarity >= X is \
            interpolate, else extrapolate. --quantile Q: X is the Q-quantile of the test \
            queries' nearest similarities (so about a fraction Q is extrapolate). Output (TSV): \
            qid, split, similarity, nearest_train_qid.

            --buckets K: k-means (k-means++ seeding, --seed) over training and test queries \
            together; bucket k's extrapolate side is the test queries in cluster k. Writes \
            DIR/split.tsv (qid, bucket, split) and DIR/bucket-k/train-ids.txt (the training \
            queries outside cluster k, for bucket k's model) into the folder -o DIR.

            Examples:
              reval split make --train train.tsv --test Qrels/dl19-passage/topics.dl19-passage.txt --quantile 0.2 -o split.tsv
              reval split make --embeddings-train train.npy --train-ids train.ids \\
                  --embeddings-test test.jsonl --threshold 0.8
              reval split make --train train.tsv --test test.tsv --buckets 5 --seed 1 -o buckets/
            """
    )

    @Option(name: .customLong("train"), help: ArgumentHelp("Training queries: a topic file in any format (TREC, XML, TSV, JSONL).", valueName: "topics"))
    var train: String?

    @Option(name: .customLong("test"), help: ArgumentHelp("Test queries: a topic file in any format.", valueName: "topics"))
    var test: String?

    @Option(name: .customLong("field"), help: ArgumentHelp("The topic field to compare (default: title, else query, else text, else the first field).", valueName: "name"))
    var field: String?

    @Option(name: .customLong("embeddings-train"), help: ArgumentHelp("Training query embeddings (JSONL or .npy).", valueName: "file"))
    var embeddingsTrain: String?

    @Option(name: .customLong("embeddings-test"), help: ArgumentHelp("Test query embeddings (JSONL or .npy).", valueName: "file"))
    var embeddingsTest: String?

    @Option(name: .customLong("train-ids"), help: ArgumentHelp("The ids of a .npy training matrix's rows, one per line.", valueName: "file"))
    var trainIDs: String?

    @Option(name: .customLong("test-ids"), help: ArgumentHelp("The ids of a .npy test matrix's rows, one per line.", valueName: "file"))
    var testIDs: String?

    @Option(name: .customLong("threshold"), help: ArgumentHelp("Similarity at or above which a test query is interpolate.", valueName: "x"))
    var threshold: Double?

    @Option(name: .customLong("quantile"), help: ArgumentHelp("Threshold at this quantile (0-1) of the nearest similarities.", valueName: "q"))
    var quantile: Double?

    @Option(name: .customLong("buckets"), help: ArgumentHelp("Make K ReSTTest-style buckets by k-means.", valueName: "k"))
    var buckets: Int?

    @Option(name: .customLong("seed"), help: ArgumentHelp("Seed of the k-means++ seeding (default 0).", valueName: "n"))
    var seed: UInt64 = 0

    @Option(name: .customLong("max-iterations"), help: ArgumentHelp("Most k-means iterations (default 100).", valueName: "n"))
    var maxIterations = 100

    @Option(name: .customLong("threads"), help: ArgumentHelp("Threads to use (default: all processors). Output is the same for any number.", valueName: "n"))
    var threads: Int?

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("The split file ('-': stdout, the default); with --buckets, a folder (required).", valueName: "path"))
    var output = "-"

    public init() {}

    public func run() throws {
        let code = execute().write()
        if code != 0 { throw ExitCode(code) }
    }

    /// The query ids on one side and what they are compared by.
    struct Queries {
        var source: String
        var ids: [String]
        var texts: [String]?
        var embeddings: EmbeddingMatrix?
    }

    public func execute() -> CommandOutput {
        var out = CommandOutput()
        do {
            try checkFlags()
            let threadCount = threads ?? defaultThreadCount()
            let training = try queries(topics: train, embeddings: embeddingsTrain, ids: trainIDs, side: "training", flag: "--train", into: &out)
            let testing = try queries(topics: test, embeddings: embeddingsTest, ids: testIDs, side: "test", flag: "--test", into: &out)
            if let a = training.embeddings, let b = testing.embeddings, a.dimension != b.dimension {
                throw InputError(file: testing.source, line: b.lines.first,
                                 message: "vectors of \(b.dimension) numbers; expected \(a.dimension) as in \(training.source)")
            }
            if let k = buckets {
                try makeBuckets(k, training, testing, threads: threadCount, into: &out)
            } else {
                try makeThresholdSplit(training, testing, threads: threadCount, into: &out)
            }
        } catch let error as InputError {
            out.error(error.description, exitCode: 2)
        } catch let error as OutputError {
            out.error(error.description, exitCode: 2)
        } catch let error as FlagError {
            out.error(error.description, exitCode: 2)
        } catch let error as KMeans.Failure {
            out.error("--buckets: \(error)", exitCode: 2)
        } catch {
            out.error("\(error)", exitCode: 2)
        }
        return out
    }

    private func checkFlags() throws(FlagError) {
        let modes = [threshold != nil, quantile != nil, buckets != nil].filter { $0 }.count
        guard modes == 1 else { throw FlagError("give one of --threshold X, --quantile Q or --buckets K") }
        if let threshold, !threshold.isFinite { throw FlagError("--threshold needs a finite number, got \(threshold)") }
        if let quantile, !(quantile >= 0 && quantile <= 1) { throw FlagError("--quantile needs a number from 0 to 1, got \(quantile)") }
        if let buckets, buckets < 1 { throw FlagError("--buckets needs a positive number of buckets, got \(buckets)") }
        if buckets != nil && output == "-" { throw FlagError("--buckets writes a folder: give it with -o DIR") }
        if maxIterations < 1 { throw FlagError("--max-iterations needs a positive number, got \(maxIterations)") }
        if let threads, threads < 1 { throw FlagError("--threads needs a positive number, got \(threads)") }
        if (embeddingsTrain == nil) != (embeddingsTest == nil) {
            throw FlagError("give embeddings for both sides (--embeddings-train and --embeddings-test) or for neither")
        }
        if embeddingsTrain == nil {
            guard train != nil, test != nil else { throw FlagError("give the queries: --train TOPICS and --test TOPICS") }
            if trainIDs != nil || testIDs != nil { throw FlagError("--train-ids and --test-ids go with .npy embeddings") }
        }
    }

    /// One side's ids, texts (TF-IDF) or unit-length embeddings, in topic-file order (or
    /// embedding order when there is no topic file).
    private func queries(topics path: String?, embeddings: String?, ids: String?, side: String, flag: String,
                         into out: inout CommandOutput) throws -> Queries {
        var result = Queries(source: path ?? embeddings ?? flag, ids: [])
        if let path {
            let topics = try TopicsReader.read(path: path)
            result.ids = topics.ids
            if embeddings == nil { result.texts = try QueryText.texts(of: topics, field: field, source: path) }
        }
        if let embeddings {
            let matrix = try EmbeddingsReader.read(path: embeddings, ids: ids)
            if path != nil {
                let unused = Set(matrix.ids).subtracting(result.ids).count
                if unused > 0 {
                    out.warning("\(embeddings): \(unused) of its \(matrix.count) vectors are for no topic of \(result.source); left out")
                }
                result.embeddings = try matrix.selecting(result.ids, source: embeddings, purpose: result.source).normalised(source: embeddings)
            } else {
                result.ids = matrix.ids
                result.embeddings = try matrix.normalised(source: embeddings)
            }
            result.source = embeddings
        }
        guard !result.ids.isEmpty else {
            throw InputError(file: result.source, message: "no \(side) queries; expected at least one")
        }
        return result
    }

    private func makeThresholdSplit(_ training: Queries, _ testing: Queries, threads: Int, into out: inout CommandOutput) throws {
        let nearest: [NearestNeighbour]
        if let a = training.embeddings, let b = testing.embeddings {
            nearest = QuerySimilarity.nearestDense(training: a, test: b, threads: threads)
        } else {
            nearest = QuerySimilarity.nearestLexical(training: training.texts ?? [], test: testing.texts ?? [], threads: threads)
        }
        let cut = threshold ?? SimilaritySplit.quantile(nearest.map(\.similarity), quantile ?? 0) ?? 0
        let text = SimilaritySplit.tsv(testIDs: testing.ids, nearest: nearest, trainingIDs: training.ids, threshold: cut)
        let extrapolate = nearest.filter { SimilaritySplit.label($0.similarity, threshold: cut) == SplitLabel.extrapolate }.count
        let unmatched = nearest.filter { $0.trainingIndex == nil }.count
        if unmatched > 0 {
            out.warning("\(unmatched) test queries share no term with any training query (similarity 0, nearest '-')")
        }
        out.stderr += "reval: \(nearest.count) test queries: \(nearest.count - extrapolate) interpolate, \(extrapolate) extrapolate "
            + "(similarity threshold \(SimilaritySplit.formatted(cut)))\n"
        try write(text, to: output, into: &out)
    }

    private func makeBuckets(_ k: Int, _ training: Queries, _ testing: Queries, threads: Int, into out: inout CommandOutput) throws {
        let result: KMeans.Result
        if let a = training.embeddings, let b = testing.embeddings {
            result = try QuerySimilarity.clusterDense(training: a, test: b, k: k, seed: seed, maxIterations: maxIterations, threads: threads)
        } else {
            result = try QuerySimilarity.clusterLexical(training: training.texts ?? [], test: testing.texts ?? [], k: k, seed: seed,
                                                        maxIterations: maxIterations, threads: threads)
        }
        if !result.converged {
            out.warning("k-means stopped after \(result.iterations) iterations without settling; raise --max-iterations")
        }
        let split = BucketSplit(trainingIDs: training.ids, testIDs: testing.ids, assignments: result.assignments, k: k)
        let folder = output.hasSuffix("/") ? String(output.dropLast()) : output
        try makeFolder(folder)
        for (c, name) in split.names.enumerated() {
            try makeFolder(folder + "/" + name)
            let ids = split.trainingIDs[c]
            try AtomicFile.write(ids.map { $0 + "\n" }.joined().rawBytes, to: folder + "/" + name + "/train-ids.txt")
            let n = split.extrapolateIDs[c].count
            if n < SplitEvaluation.smallSide {
                out.warning("\(name): \(n) test quer\(n == 1 ? "y" : "ies") in its cluster (fewer than \(SplitEvaluation.smallSide)); "
                                + "its extrapolate side is \(n == 0 ? "empty" : "small")")
            }
            if ids.isEmpty { out.warning("\(name): every training query is in its cluster; its training set is empty") }
        }
        try AtomicFile.write(split.tsv().rawBytes, to: folder + "/split.tsv")
        let sizes = split.names.indices.map { "\(split.names[$0]) \(split.extrapolateIDs[$0].count)" }.joined(separator: ", ")
        out.stderr += "reval: \(k) buckets after \(result.iterations) k-means iterations; test queries per cluster: \(sizes); "
            + "wrote \(folder)/split.tsv and \(folder)/bucket-K/train-ids.txt\n"
    }

    private func write(_ text: String, to path: String, into out: inout CommandOutput) throws {
        if path == "-" {
            out.stdout += text
        } else {
            try AtomicFile.write(text.rawBytes, to: path)
        }
    }

    private func makeFolder(_ path: String) throws(OutputError) {
        if isDirectory(path) { return }
        guard mkdir(path, 0o777) == 0 else {
            throw OutputError(file: path, message: "cannot create the folder: \(String(cString: strerror(errno)))")
        }
    }
}
