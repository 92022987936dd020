/// Orders document indices by score, descending, with a radix sort on the scores' bits: for
/// a topic whose lines are not in score order this is several times faster than a
/// comparison sort, and the order of equal scores is fixed afterwards by docno anyway.
enum ScoreRadixSort {
    /// Indices `0..<scores.count`, highest score first; equal scores keep index order.
    /// Scores are not NaN (readers refuse NaN).
    static func descending(_ scores: UnsafeBufferPointer<Double>) -> [Int] {
        let n = scores.count
        // Two key and two index buffers that passes move between (unsafe: this runs for
        // every document of every topic out of order, and array checks would double it).
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * n)
        let indices = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * n)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 256)
        defer { keys.deallocate(); indices.deallocate(); counts.deallocate() }
        var from = 0, to = n
        for i in 0..<n {
            // Keys that sort ascending as the scores sort descending.
            keys[i] = ~orderedBits(scores[i])
            indices[i] = Int32(truncatingIfNeeded: i)
        }
        for shift in stride(from: UInt64(0), to: 64, by: 8) {
            counts.initialize(repeating: 0, count: 256)
            for i in from..<(from + n) { counts[Int((keys[i] >> shift) & 0xff)] += 1 }
            // A digit all keys share changes nothing.
            if counts[Int((keys[from] >> shift) & 0xff)] == n { continue }
            var total = 0
            for k in 0..<256 {
                let c = counts[k]
                counts[k] = total
                total += c
            }
            for i in from..<(from + n) {
                let digit = Int((keys[i] >> shift) & 0xff)
                let slot = to + counts[digit]
                counts[digit] += 1
                keys[slot] = keys[i]
                indices[slot] = indices[i]
            }
            swap(&from, &to)
        }
        return (0..<n).map { Int(indices[from + $0]) }
    }

    /// The score's bits, as an unsigned number that orders as the scores do (-0 just below 0).
    @inline(__always)
    static func orderedBits(_ score: Double) -> UInt64 {
        let bits = score.bitPattern
        return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }
}
