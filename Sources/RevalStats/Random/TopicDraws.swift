/// Uniform topic indices in 0..<n (n < 2³²), two from each 64-bit output (low half first):
/// Lemire's method on 32 bits, ⌊x·n / 2³²⌋, with x drawn again (from the high half of a
/// fresh output) while x·n mod 2³² < 2³² mod n, so no index is favoured.
struct TopicDraws {
    let n: UInt64
    let threshold: UInt32

    init(n: Int) {
        self.n = UInt64(n)
        threshold = UInt32((UInt64(1) << 32) % UInt64(n))
    }

    @inline(__always)
    func pair(_ random: inout Xoshiro256StarStar) -> (Int, Int) {
        let word = random.next()
        return (index(UInt32(truncatingIfNeeded: word), &random), index(UInt32(truncatingIfNeeded: word >> 32), &random))
    }

    @inline(__always)
    func index(_ x: UInt32, _ random: inout Xoshiro256StarStar) -> Int {
        var product = UInt64(x) &* n
        while UInt32(truncatingIfNeeded: product) < threshold {
            product = (random.next() >> 32) &* n
        }
        return Int(product >> 32)
    }
}
