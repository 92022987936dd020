import Testing
@testable import RevalCore

@Suite("ScoreRadixSort: indices by score, descending, equal scores in index order")
struct ScoreRadixSortTests {
    @Test("signs, zeros, infinities and ties, ordered by hand")
    func byHand() {
        let scores: [Double] = [1.5, -2, 0, -0.0, 1.5, .infinity, -.infinity, 3, 1e-300, -1e300]
        // inf (5), 3 (7), 1.5 (0, then 4), 1e-300 (8), +0 (2) above -0 (3), -2 (1), -1e300 (9), -inf (6).
        let order = scores.withUnsafeBufferPointer { ScoreRadixSort.descending($0) }
        #expect(order == [5, 7, 0, 4, 8, 2, 3, 1, 9, 6])
    }

    @Test("the order a stable comparison sort gives, on 2,000 scores with many ties", arguments: [1, 2, 3])
    func againstComparisonSort(seed: UInt64) {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        // Four-decimal scores around 0 (ties, both signs), and a few extremes.
        var scores = (0..<2000).map { _ in Double(Int(next() % 20001) - 10000) / 10000 }
        scores += [.infinity, -.infinity, .greatestFiniteMagnitude, -.leastNonzeroMagnitude, .leastNonzeroMagnitude]
        let expected = scores.indices.sorted { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
        let order = scores.withUnsafeBufferPointer { ScoreRadixSort.descending($0) }
        // -0 and +0 are equal scores but keep a fixed order here (+0 first): none are drawn.
        #expect(order == expected)
    }
}
