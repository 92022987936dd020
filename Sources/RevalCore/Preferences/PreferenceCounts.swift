/// One topic's preferences set against a ranking: the input of every preference measure
/// (trec_eval's RESULTS_PREFS, built as form_prefs_counts.c builds it).
///
/// Every document named in the topic's preferences gets an id: the judged documents that
/// were retrieved come first, in rank order (ids `0..<judgedRetrieved`), then the others
/// in docno order. So for a preference A > B, the ranking fulfils it when A's id is the
/// smaller one: A was retrieved before B, or A was retrieved and B was not.
public struct PreferenceCounts: Sendable {
    /// Documents named in the topic's preferences (num_judged).
    public var judged: Int
    /// Those of them retrieved (num_judged_ret).
    public var judgedRetrieved: Int
    /// One entry per judgment group, in group-id order (by bytes).
    public var groups: [PreferenceGroup]
    /// How many groups prefer document i to document j, for all groups together; present
    /// when a measure asked for it (the prefs_pair family).
    public var pairCounts: PairCounts?

    public init(judged: Int, judgedRetrieved: Int, groups: [PreferenceGroup], pairCounts: PairCounts? = nil) {
        self.judged = judged
        self.judgedRetrieved = judgedRetrieved
        self.groups = groups
        self.pairCounts = pairCounts
    }
}
