/// The Monte Carlo procedures that draw random numbers; each has its own streams.
public enum RandomPurpose: UInt64, Sendable {
    case randomization = 1
    case bootstrap = 2
    case tukey = 3
}

/// Independent generators for the fixed chunks of a Monte Carlo procedure (the randomization
/// test and Tukey HSD: one per chunk of trials; the bootstrap: one per resample).
///
/// The generator of chunk (or resample) `c` of purpose `p` under seed `s` is
/// `Xoshiro256StarStar(seed: mix(mix(s + p · 0x9e3779b97f4a7c15) + c))`, `mix` being
/// SplitMix64's output function. Chunks are fixed by the number of trials alone, never by
/// the thread count, and each chunk draws only from its own generator, so results are the
/// same whatever the number of threads that run the chunks.
///
/// The streams do not depend on which systems are compared: the same seed flips the same
/// signs for every pair of systems, so one comparison's p-value does not change when other
/// runs are added to the command line.
public enum RandomStreams {
    public static func generator(seed: UInt64, purpose: RandomPurpose, chunk: Int) -> Xoshiro256StarStar {
        let keyed = SplitMix64.mix(seed &+ purpose.rawValue &* 0x9e37_79b9_7f4a_7c15)
        return Xoshiro256StarStar(seed: SplitMix64.mix(keyed &+ UInt64(chunk)))
    }
}
