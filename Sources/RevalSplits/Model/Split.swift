import RevalFormats

/// Topic ids labelled per bucket: what every split source reads into and what
/// `SplitEvaluation` reads.
///
/// A ReSTTest bucket folder gives one bucket per `bucket-K` folder with the labels
/// `interpolate` and `extrapolate`; a two-column split file gives one bucket (named
/// `all`); a three-column file or `reval split make --buckets K` gives K buckets.
///
/// ```swift
/// let split = try SplitFileReader.read(path: "Qrels/dl19-passage/split.tsv")
/// for bucket in split.buckets {
///     print(bucket.name, bucket.topics(labelled: SplitLabel.extrapolate).count)
/// }
/// ```
public struct Split: Sendable, Equatable {
    /// Where the split came from (a file or folder), for messages.
    public var source: String
    public private(set) var buckets: [SplitBucket] = []

    /// The name of the single bucket of a split file without a bucket column.
    public static let singleBucketName = "all"

    public init(source: String) { self.source = source }

    public init(source: String, buckets: [SplitBucket]) {
        self.source = source
        self.buckets = buckets
    }

    /// The bucket called `name`, or nil.
    public subscript(bucket name: String) -> SplitBucket? { buckets.first { $0.name == name } }

    /// Every label of any bucket, `interpolate` and `extrapolate` first.
    public var labels: [String] {
        var seen: [String] = []
        for bucket in buckets { for label in bucket.labels where !seen.contains(label) { seen.append(label) } }
        return SplitLabel.ordered(seen)
    }

    /// True when every bucket has both of ReSTTest's labels, so gaps can be reported.
    public var hasInterpolationAndExtrapolation: Bool {
        labels.contains(SplitLabel.interpolate) && labels.contains(SplitLabel.extrapolate)
    }

    /// Gives `topic` the label `label` in bucket `bucket`, which is added at the end when new.
    public mutating func assign(topic: String, label: String, bucket: String, at location: SourceLocation) throws(InputError) {
        if let i = buckets.firstIndex(where: { $0.name == bucket }) {
            try buckets[i].assign(topic: topic, label: label, at: location)
        } else {
            var new = SplitBucket(name: bucket)
            try new.assign(topic: topic, label: label, at: location)
            buckets.append(new)
        }
    }

    public mutating func append(_ bucket: SplitBucket) { buckets.append(bucket) }
}
