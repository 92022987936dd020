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
