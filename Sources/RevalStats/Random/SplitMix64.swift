/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014; the C version on prng.di.unimi.it): a 64-bit counter advanced by the golden
/// ratio constant, each value scrambled by two xor-shift-multiply rounds.
///
/// reval uses it only to turn a seed into the state of ``Xoshiro256StarStar`` (the seeding
/// the xoshiro authors recommend) and to mix seeds into stream keys.
///
/// ```swift
/// var mixer = SplitMix64(seed: 1234567)
/// mixer.next()   // 6457827717110365317
/// ```
public struct SplitMix64: Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// state += 0x9e3779b97f4a7c15; z = state;
    /// z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9; z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    /// return z ^ (z >> 31)
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return Self.mix(state)
    }

    /// The output function alone: a bijection of 64-bit words that spreads every input bit
    /// over the whole word.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
