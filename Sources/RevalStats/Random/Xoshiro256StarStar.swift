/// xoshiro256** 1.0 (Blackman and Vigna, "Scrambled linear pseudorandom number generators",
/// ACM TOMS 47(4), 2021): 256 bits of state, period 2²⁵⁶ − 1, every output a 64-bit word.
///
/// ```
/// result = rotl(s1 * 5, 7) * 9
/// t = s1 << 17
/// s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
/// ```
///
/// The state is seeded from a 64-bit seed by four outputs of ``SplitMix64``, as the authors
/// recommend. Every random number reval draws comes from this generator, so p-values and
/// intervals are the same on every machine.
///
/// ```swift
/// var random = Xoshiro256StarStar(seed: 42)
/// let word = random.next()
/// let index = random.below(43)      // uniform in 0..<43
/// ```
public struct Xoshiro256StarStar: Sendable {
    @usableFromInline var s0, s1, s2, s3: UInt64

    /// The state as given (not all zero).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9e37_79b9_7f4a_7c15 }
    }

    /// The state from four successive outputs of `SplitMix64(seed: seed)`.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        self.init(state: (mixer.next(), mixer.next(), mixer.next(), mixer.next()))
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(45)
        return result
    }

    /// A uniform integer in `0..<bound` (bound > 0), without bias: Lemire's multiply-shift
    /// ("Fast random integer generation in an interval", ACM TOMS 29(1), 2019): the high
    /// word of `next() * bound`, drawing again when the low word falls below
    /// 2⁶⁴ mod bound.
    @inlinable
    public mutating func below(_ bound: Int) -> Int {
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }
}

extension UInt64 {
    @inlinable
    func rotatedLeft(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
