/// ReSTTest-style buckets from a clustering of training and test queries together: bucket
/// k's `extrapolate` side is the test queries in cluster k, its `interpolate` side the other
/// test queries, and its training set the training queries outside cluster k (the queries a
/// model for bucket k is trained on).
///
/// ```swift
/// let buckets = BucketSplit(trainingIDs: train, testIDs: test, assignments: result.assignments, k: 5)
/// buckets.trainingIDs[0]   // the training ids for bucket-1's model
/// ```
public struct BucketSplit: Sendable {
    /// `bucket-1` ... `bucket-K`.
    public let names: [String]
    /// Per bucket, the training ids outside its cluster, in training order.
    public let trainingIDs: [[String]]
    /// Per bucket, the test ids in its cluster (its extrapolate side), in test order.
    public let extrapolateIDs: [[String]]
    public let testIDs: [String]
    /// The cluster of each test query.
    public let testClusters: [Int]

    /// `assignments` holds the training queries' clusters, then the test queries'.
    public init(trainingIDs train: [String], testIDs test: [String], assignments: [Int], k: Int) {
        let trainClusters = Array(assignments.prefix(train.count))
        let clusters = Array(assignments.dropFirst(train.count))
        names = (1...max(1, k)).map { "bucket-\($0)" }
        testClusters = clusters
        testIDs = test
        trainingIDs = (0..<k).map { c in zip(train, trainClusters).filter { $0.1 != c }.map(\.0) }
        extrapolateIDs = (0..<k).map { c in zip(test, clusters).filter { $0.1 == c }.map(\.0) }
    }

    /// The split file: `qid	bucket	split`, every test query once per bucket.
    public func tsv() -> String {
        var out = "qid\tbucket\tsplit\n"
        for (c, name) in names.enumerated() {
            for (id, cluster) in zip(testIDs, testClusters) {
                out += id + "\t" + name + "\t" + (cluster == c ? SplitLabel.extrapolate : SplitLabel.interpolate) + "\n"
            }
        }
        return out
    }
}
