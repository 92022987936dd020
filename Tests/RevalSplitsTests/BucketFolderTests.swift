import RevalCore
import RevalEval
import RevalFormats
import Testing
@testable import RevalSplits

@Suite struct BucketFolderTests {
    @Test func readsTheBundledDL19Buckets() throws {
        let folder = try BucketFolderReader.read(folder: Paths.resttest, filter: "trec19")
        #expect(folder.split.buckets.map(\.name) == ["bucket-1", "bucket-2", "bucket-3", "bucket-4", "bucket-5"])
        #expect(folder.sides.count == 10)
        // Each of the 43 judged topics is extrapolate in exactly one bucket.
        var count: [String: Int] = [:]
        for bucket in folder.split.buckets { for t in bucket.topics(labelled: "extrapolate") { count[t, default: 0] += 1 } }
        #expect(count.count == 43 && count.values.allSatisfy { $0 == 1 })
        // The union of the sides is the full qrels, and the sides repeat its judgments.
        var settings = EvaluationSettings()
        settings.completeTopics = true
        let full = try EvaluationPipeline.loadQrels(Paths.qrels, settings: settings)
        try folder.checkJudgments(against: full)
        let union = try folder.unionQrels()
        #expect(union.sortedTopicIDs == full.sortedTopicIDs)
        #expect(union.topics.map(\.docs.count).reduce(0, +) == full.topics.map(\.docs.count).reduce(0, +))
    }

    @Test func bucketsOrderByTheirNumber() {
        #expect(BucketFolderReader.orderedBuckets(["bucket-10", "bucket-2", "bucket-1"]) == ["bucket-1", "bucket-2", "bucket-10"])
        #expect(BucketFolderReader.orderedBuckets(["bucket-b", "bucket-a"]) == ["bucket-a", "bucket-b"])
    }

    func error(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aMissingSideIsAnError() throws {
        let dir = try TemporaryFolder()
        try dir.write("bucket-1/interpolate.x-qrel.txt", "1\t0\td1\t1\n")
        try dir.write("bucket-1/extrapolate.x-qrel.txt", "2\t0\td2\t1\n")
        try dir.write("bucket-2/interpolate.x-qrel.txt", "2\t0\td2\t1\n")
        #expect(error { _ = try BucketFolderReader.read(folder: dir.path) }
            == "\(dir.path)/bucket-2: no extrapolate.*qrel* file; expected one for each of interpolate and extrapolate")
    }

    @Test func severalFilesPerSideNeedAFilter() throws {
        let dir = try TemporaryFolder()
        for name in ["interpolate.trec19-qrel.txt", "interpolate.trec20-qrel.txt", "extrapolate.trec19-qrel.txt", "extrapolate.trec20-qrel.txt"] {
            try dir.write("bucket-1/" + name, name.hasPrefix("i") ? "1\t0\td1\t1\n" : "2\t0\td2\t1\n")
        }
        #expect(error { _ = try BucketFolderReader.read(folder: dir.path) }
            == "\(dir.path)/bucket-1: 2 interpolate files (interpolate.trec19-qrel.txt, interpolate.trec20-qrel.txt); "
                + "expected one: pick with a filter (--bucket-filter) that one name contains")
        let filtered = try BucketFolderReader.read(folder: dir.path, filter: "trec20")
        #expect(filtered.sides.map { $0.path.hasSuffix("trec20-qrel.txt") } == [true, true])
        #expect(error { _ = try BucketFolderReader.read(folder: dir.path, filter: "dev") }
            == "\(dir.path)/bucket-1: no interpolate.*qrel* file with 'dev' in its name; expected one for each of interpolate and extrapolate")
    }

    @Test func aTopicOnBothSidesIsAnError() throws {
        let dir = try TemporaryFolder()
        try dir.write("bucket-1/interpolate-qrel.txt", "1\t0\td1\t1\n2\t0\td2\t0\n")
        let e = try dir.write("bucket-1/extrapolate-qrel.txt", "3\t0\td3\t1\n2\t0\td2\t0\n")
        #expect(error { _ = try BucketFolderReader.read(folder: dir.path) }
            == "\(e):2: topic '2' is 'extrapolate' here but 'interpolate' at \(dir.path)/bucket-1/interpolate-qrel.txt:2 "
                + "in bucket-1; expected one label per topic in a bucket")
    }

    @Test func noBucketFoldersIsAnError() throws {
        let dir = try TemporaryFolder()
        try dir.write("interpolate.qrel", "1 0 d 1\n")
        #expect(error { _ = try BucketFolderReader.read(folder: dir.path) }
            == "\(dir.path): no bucket-K folders; expected ReSTTest's layout DIR/bucket-K/{interpolate,extrapolate}.*qrel*")
        #expect(error { _ = try BucketFolderReader.read(folder: dir.path + "/interpolate.qrel") }
            == "\(dir.path)/interpolate.qrel: not a folder; expected ReSTTest's layout DIR/bucket-K/{interpolate,extrapolate}.*qrel*")
    }

    @Test func sidesMustRepeatTheFullJudgments() throws {
        let dir = try TemporaryFolder()
        try dir.write("bucket-1/interpolate-qrel.txt", "1\t0\td1\t1\n")
        let e = try dir.write("bucket-1/extrapolate-qrel.txt", "2\t0\td2\t1\n2\t0\td3\t2\n")
        let folder = try BucketFolderReader.read(folder: dir.path)
        let full = try TrecQrelsReader.parse(bytes: Array("1 0 d1 1\n2 0 d2 1\n2 0 d3 1\n".utf8), name: "full.txt")
        #expect(error { try folder.checkJudgments(against: full) }
            == "\(e):2: topic '2': document 'd3' has grade 2 here but 1 in the full qrels full.txt; "
                + "expected the bucket files to repeat the full qrels' judgments")
        let other = try TrecQrelsReader.parse(bytes: Array("1 0 d1 1\n".utf8), name: "other.txt")
        #expect(error { try folder.checkJudgments(against: other) }
            == "\(e):1: topic '2' is not in the full qrels other.txt; expected the bucket files to judge only topics of the full qrels")
    }
}
