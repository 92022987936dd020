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

/// The preferences of one judgment group and how the ranking meets them.
///
/// "Retrieved" counts are for pairs with both documents retrieved; "implied" for pairs
/// with exactly one retrieved (fulfilled when it is the preferred one); a pair with neither
/// retrieved is possible but never fulfilled. Each `possible` count includes the
/// corresponding `fulfilled` one.
public struct PreferenceGroup: Sendable, Equatable {
    /// How the group's preferences are held: levels of one complete ranking, or a partial
    /// order when the group has several sub-groups.
    public enum Order: Sendable, Equatable {
        /// One sub-group: classes of equal level, highest level first; every document of a
        /// class is preferred to every document of a later class.
        case classes([EquivalenceClass])
        /// Several sub-groups: the transitive closure of all their preferences, and each
        /// document's level (the last one read; -1 for documents the group does not judge).
        case partial(BitMatrix, levels: [Double])
    }

    public var order: Order
    public var fulfilledRetrieved = 0
    public var possibleRetrieved = 0
    public var fulfilledImplied = 0
    public var possibleImplied = 0
    /// Pairs with neither document retrieved.
    public var possibleNotRetrieved = 0
    /// Documents judged with level > 0, and those retrieved.
    public var relevant = 0
    public var relevantRetrieved = 0
    /// Documents judged with level 0 (with a single sub-group: level <= 0), and those retrieved.
    public var nonrelevant = 0
    public var nonrelevantRetrieved = 0

    public init(order: Order) { self.order = order }

    /// Preferences fulfilled, retrieved and implied.
    public var fulfilled: Int { fulfilledRetrieved + fulfilledImplied }
    /// Every preference of the group.
    public var possible: Int { possibleRetrieved + possibleImplied + possibleNotRetrieved }
}

/// Documents of one judgment sub-group that share a level; ids ascending.
public struct EquivalenceClass: Sendable, Equatable {
    public var level: Double
    public var ids: [Int]

    public init(level: Double, ids: [Int]) {
        self.level = level
        self.ids = ids
    }
}

/// A square table of 16-bit counts (trec_eval's COUNTS_ARRAY, which is `unsigned short`).
public struct PairCounts: Sendable, Equatable {
    public let size: Int
    private var counts: [UInt16]

    public init(size: Int) {
        self.size = size
        counts = [UInt16](repeating: 0, count: size * size)
    }

    public subscript(i: Int, j: Int) -> Int { Int(counts[i * size + j]) }

    /// Adds one, wrapping at 2^16 as trec_eval's counter does.
    public mutating func increment(_ i: Int, _ j: Int) { counts[i * size + j] &+= 1 }
}
