import Testing
@testable import RevalSplits
import RevalCore

@Suite struct KMeansTests {
    /// Three groups of three points, 10 apart: A near (0, 0), B near (10, 10), C near (0, 10).
    static let points: [[Float]] = [
        [0, 0], [10, 10], [0, 10], [1, 0], [11, 10], [1, 10], [0, 1], [10, 11], [0, 11],
    ]
    static let groups = [[0, 3, 6], [1, 4, 7], [2, 5, 8]]

    static func dense(_ rows: [[Float]]) -> DensePoints {
        var m = EmbeddingMatrix(dimension: rows[0].count)
        for (i, row) in rows.enumerated() { m.append(id: "p\(i)", vector: row) }
        return DensePoints(m)
    }

    /// k-means++ almost surely starts in three different groups (a point of a group already
    /// chosen has D² ≤ 2, one of another group D² ≥ 81), and it does for these seeds; Lloyd's
    /// step then settles on the groups, whose means are, by hand:
    ///   A (0+1+0, 0+0+1)/3 = (1/3, 1/3), B (31/3, 31/3), C (1/3, 31/3).
    @Test(arguments: [0, 1, 2, 42, 12345] as [UInt64])
    func findsTheThreeGroups(seed: UInt64) throws {
        let result = try KMeans.cluster(Self.dense(Self.points), k: 3, seed: seed, threads: 1)
        #expect(result.converged)
        let clusters = Self.groups.map { group in Set(group.map { result.assignments[$0] }) }
        #expect(clusters.allSatisfy { $0.count == 1 })
        #expect(Set(clusters.map { $0.first! }).count == 3)
        let expected: [[Double]] = [[1.0 / 3, 1.0 / 3], [31.0 / 3, 31.0 / 3], [1.0 / 3, 31.0 / 3]]
        for (group, mean) in zip(Self.groups, expected) {
            let c = result.assignments[group[0]]
            #expect(abs(result.centroids[2 * c] - mean[0]) < 1e-9)
            #expect(abs(result.centroids[2 * c + 1] - mean[1]) < 1e-9)
        }
    }

    @Test func theSameForAnyThreadCountAndRunToRun() throws {
        var generator = SeededGenerator(seed: 11)
        let rows = (0..<1200).map { _ in (0..<6).map { _ in Float(generator.nextUnit()) } }
        let one = try KMeans.cluster(Self.dense(rows), k: 5, seed: 5, threads: 1)
        #expect(try KMeans.cluster(Self.dense(rows), k: 5, seed: 5, threads: 4) == one)
        #expect(try KMeans.cluster(Self.dense(rows), k: 5, seed: 5, threads: 1) == one)
        #expect(try KMeans.cluster(Self.dense(rows), k: 5, seed: 6, threads: 1) != one)
        #expect(Set(one.assignments).count == 5)
    }

    @Test func tooFewPointsAreErrors() {
        #expect(throws: KMeans.Failure.tooFewPoints(points: 2, k: 3)) {
            try KMeans.cluster(Self.dense([[0, 0], [1, 1]]), k: 3, seed: 0, threads: 1)
        }
        #expect(throws: KMeans.Failure.tooFewDistinctPoints(k: 2)) {
            try KMeans.cluster(Self.dense([[1, 1], [1, 1], [1, 1]]), k: 2, seed: 0, threads: 1)
        }
    }

    /// TF-IDF clustering: two topics of queries with no word in common end up apart.
    @Test func lexicalClusters() throws {
        let train = ["cheap flights rome", "flights to rome", "rome flights cheap", "goldfish food", "feeding goldfish", "goldfish tank"]
        let test = ["rome cheap flights", "goldfish food tank"]
        let result = try QuerySimilarity.clusterLexical(training: train, test: test, k: 2, seed: 1, threads: 1)
        let a = result.assignments
        #expect(Set(a[0..<3]).count == 1 && Set(a[3..<6]).count == 1 && a[0] != a[3])
        #expect(a[6] == a[0] && a[7] == a[3])
        let buckets = BucketSplit(trainingIDs: ["t1", "t2", "t3", "t4", "t5", "t6"], testIDs: ["q1", "q2"], assignments: a, k: 2)
        let roma = a[0]
        #expect(buckets.extrapolateIDs[roma] == ["q1"])
        #expect(buckets.trainingIDs[roma] == ["t4", "t5", "t6"])
        #expect(buckets.tsv().hasPrefix("qid\tbucket\tsplit\n"))
        #expect(buckets.tsv().split(separator: "\n").count == 1 + 2 * 2)
    }

    /// SplitMix64's first output for seed 0 (Steele et al.'s reference constants):
    /// 0xe220a8397b1dcdaf.
    @Test func generatorReference() {
        var g = SeededGenerator(seed: 0)
        #expect(g.next() == 0xe220_a839_7b1d_cdaf)
    }
}
