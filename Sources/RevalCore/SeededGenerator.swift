/// SplitMix64 (Steele, Lea and Flood, OOPSLA 2014): a small, fast generator whose whole
/// sequence follows from its seed, so a seeded k-means gives the same buckets on every
/// machine, and a test's random input is the same everywhere.
///
/// ```swift
/// var g = SeededGenerator(seed: 42)
/// g.nextUnit()   // a Double in [0, 1)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A double in [0, 1): the top 53 bits of `next()` divided by 2^53.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
