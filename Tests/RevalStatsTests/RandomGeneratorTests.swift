import Testing
@testable import RevalStats

@Suite("Random generators")
struct RandomGeneratorTests {
    @Test("SplitMix64 gives the reference outputs for seed 1234567")
    func splitMix() {
        // Rosetta Code, "Pseudo-random numbers/Splitmix64": the first five outputs of the
        // reference C implementation for seed 1234567.
        var mixer = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in mixer.next() } == expected)
    }

    @Test("xoshiro256** gives the reference outputs for the state {1, 2, 3, 4}")
    func xoshiro() {
        // The first ten outputs of Vigna's xoshiro256starstar.c with s = {1, 2, 3, 4}, as
        // listed in the test of a C++ port of the reference code.
        var random = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let expected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
            607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
            10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
        ]
        #expect((0..<10).map { _ in random.next() } == expected)
    }

    @Test("Seeding runs SplitMix64 four times for the state")
    func seeding() {
        var mixer = SplitMix64(seed: 99)
        var expected = Xoshiro256StarStar(state: (mixer.next(), mixer.next(), mixer.next(), mixer.next()))
        var seeded = Xoshiro256StarStar(seed: 99)
        #expect((0..<4).map { _ in seeded.next() } == (0..<4).map { _ in expected.next() })
    }

    @Test("below(n) stays in 0..<n and hits every value about equally often", arguments: [1, 2, 3, 7, 43, 1000])
    func bounded(bound: Int) {
        var random = Xoshiro256StarStar(seed: 5)
        let draws = 2000 * bound
        var counts = [Int](repeating: 0, count: bound)
        for _ in 0..<draws {
            let k = random.below(bound)
            #expect(k >= 0 && k < bound)
            counts[k] += 1
        }
        // Each count is Binomial(draws, 1/bound): mean 2000, sd below √2000 ≈ 44.7; six sd.
        #expect(counts.allSatisfy { abs($0 - 2000) < 270 })
    }

    @Test("Streams differ by seed, purpose and chunk, and repeat exactly")
    func streams() {
        func first(_ seed: UInt64, _ purpose: RandomPurpose, _ chunk: Int) -> [UInt64] {
            var random = RandomStreams.generator(seed: seed, purpose: purpose, chunk: chunk)
            return (0..<4).map { _ in random.next() }
        }
        let base = first(1, .randomization, 0)
        #expect(first(1, .randomization, 0) == base)
        #expect(first(2, .randomization, 0) != base)
        #expect(first(1, .bootstrap, 0) != base)
        #expect(first(1, .randomization, 1) != base)
    }
}
