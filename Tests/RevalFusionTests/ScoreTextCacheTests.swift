import RevalCore
@testable import RevalFusion
import Testing

/// The cache must write exactly what C's printf("%.17g") writes, on a first sight of a
/// value, on a repeat, and when two values share a slot (formatC is the C library).
@Suite("ScoreTextCache: %.17g of scores met before")
struct ScoreTextCacheTests {
    private func text(_ cache: ScoreTextCache, _ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: SignificantDigits.maxLength) { buffer in
            let n = cache.write(value, to: buffer.baseAddress!)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<n]), as: UTF8.self)
        }
    }

    @Test("RRF's terms, each written twice: the second from the cache")
    func repeats() {
        let cache = ScoreTextCache()
        defer { cache.deallocate() }
        // 1 / (60 + r) for the ranks of a 1,000-document topic, then sums of two of them.
        let terms: [Double] = (1...1000).map { (rank: Int) -> Double in 1 / (60 + Double(rank)) }
        let sums: [Double] = (0..<200).map { (i: Int) -> Double in terms[i] + terms[i + 1] }
        let values = terms + sums
        for _ in 0..<2 {
            for value in values { #expect(text(cache, value) == formatC("%.17g", value), "\(value)") }
        }
        #expect(text(cache, 1.0 / 61) == "0.016393442622950821")
    }

    @Test("values of every length, zero, negatives and huge ones, many sharing slots")
    func everyKind() {
        let cache = ScoreTextCache()
        defer { cache.deallocate() }
        var state: UInt64 = 11
        var values: [Double] = [0, -0.0, 1, 2.5, -1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                -2.2250738585072014e-308, 1e22, 123456789012345680]
        // 20,000 random values (far more than the 4,096 slots, so slots are shared) with
        // random exponents, each asked for twice in a row and again at the end.
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            values.append(Double(bitPattern: state >> 1 & 0x7fef_ffff_ffff_ffff) * (state & 1 == 0 ? 1 : -1))
        }
        for value in values {
            #expect(text(cache, value) == formatC("%.17g", value))
            #expect(text(cache, value) == formatC("%.17g", value))
        }
        for value in values.prefix(100) { #expect(text(cache, value) == formatC("%.17g", value)) }
    }
}
