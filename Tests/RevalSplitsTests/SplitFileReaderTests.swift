import RevalFormats
import Testing
@testable import RevalSplits

@Suite struct SplitFileReaderTests {
    func parse(_ text: String) throws(InputError) -> Split {
        try SplitFileReader.parse(bytes: Array(text.utf8), name: "split.tsv")
    }

    @Test func twoColumnsMakeOneBucket() throws {
        let split = try parse("q1\tinterpolate\nq2\textrapolate\nq3\tinterpolate\n")
        #expect(split.buckets.map(\.name) == ["all"])
        #expect(split.buckets[0].topics(labelled: "interpolate") == ["q1", "q3"])
        #expect(split.buckets[0].topics(labelled: "extrapolate") == ["q2"])
        #expect(split.hasInterpolationAndExtrapolation)
    }

    @Test func threeColumnsMakeBucketsInFileOrder() throws {
        let split = try parse("# a comment\nq1\tb2\textrapolate\nq1\tb1\tinterpolate\nq2\tb2\tinterpolate\r\n")
        #expect(split.buckets.map(\.name) == ["b2", "b1"])
        #expect(split[bucket: "b2"]?.topics(labelled: "interpolate") == ["q2"])
        #expect(split[bucket: "b1"]?.label(of: "q1") == "interpolate")
    }

    @Test func anyLabelsAndTheirOrder() throws {
        let split = try parse("q1\tshort\nq2\textrapolate\nq3\tlong\nq4\tinterpolate\n")
        #expect(split.labels == ["interpolate", "extrapolate", "short", "long"])
    }

    @Test func readsSplitMakeOutput() throws {
        let split = try parse("qid\tsplit\tsimilarity\tnearest_train_qid\nq1\tinterpolate\t0.912000\tt7\nq2\textrapolate\t0.100000\t-\n")
        #expect(split.buckets[0].topics(labelled: "extrapolate") == ["q2"])
        let buckets = try parse("qid\tbucket\tsplit\nq1\tbucket-1\textrapolate\nq1\tbucket-2\tinterpolate\n")
        #expect(buckets.buckets.map(\.name) == ["bucket-1", "bucket-2"])
    }

    @Test func sameLabelTwiceIsHarmless() throws {
        let split = try parse("q1\tinterpolate\nq1\tinterpolate\n")
        #expect(split.buckets[0].topics == ["q1"])
    }

    struct Bad: Sendable, CustomStringConvertible {
        var text: String
        var message: String
        var description: String { message }
    }

    static let bad: [Bad] = [
        Bad(text: "q1\tinterpolate\nq1\textrapolate\n",
            message: "split.tsv:2: topic 'q1' is 'extrapolate' here but 'interpolate' at split.tsv:1 in all; expected one label per topic in a bucket"),
        Bad(text: "q1\tb1\tinterpolate\nq2\tinterpolate\n",
            message: "split.tsv:2: 2 TAB-separated fields; expected 3 as on the first line"),
        Bad(text: "q1\tinterpolate\n\nq2\textrapolate\n", message: "split.tsv:2: blank line; expected 'qid<TAB>label'"),
        Bad(text: "q1 interpolate\n",
            message: "split.tsv:1: 1 TAB-separated fields; expected 'qid<TAB>label' or 'qid<TAB>bucket<TAB>label'"),
        Bad(text: "q1\t\n", message: "split.tsv:1: field 2 is empty; expected a qid, bucket and label"),
        Bad(text: "q1\tgap\n", message: "split.tsv:1: 'gap' is a name reports use for themselves; expected another label or bucket name"),
        Bad(text: "q1\tmacro\tinterpolate\n", message: "split.tsv:1: 'macro' is a name reports use for themselves; expected another label or bucket name"),
        Bad(text: "qid\tsimilarity\n", message: "split.tsv:1: header has no 'split' or 'label' column; expected 'qid<TAB>split' or 'qid<TAB>bucket<TAB>split'"),
        Bad(text: "# only a comment\n", message: "split.tsv: no topics: the file is empty or holds only a header and comments"),
        Bad(text: "", message: "split.tsv: no topics: the file is empty or holds only a header and comments"),
    ]

    @Test(arguments: bad)
    func badInputIsOneLocatedError(_ c: Bad) {
        #expect(throws: InputError.self) { try parse(c.text) }
        do {
            _ = try parse(c.text)
        } catch {
            #expect(error.description == c.message)
            #expect(error.exitCode == 2)
        }
    }
}
