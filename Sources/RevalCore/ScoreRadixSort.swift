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
        // The counts of all eight digits, taken in one pass over the keys.
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 8 * 256)
        defer { keys.deallocate(); indices.deallocate(); counts.deallocate() }
        counts.initialize(repeating: 0, count: 8 * 256)
        var from = 0, to = n
        for i in 0..<n {
            // Keys that sort ascending as the scores sort descending.
            let key = ~orderedBits(scores[i])
            keys[i] = key
            indices[i] = Int32(truncatingIfNeeded: i)
            for digit in 0..<8 { counts[digit << 8 | Int((key >> (8 * UInt64(digit))) & 0xff)] += 1 }
        }
        for digit in 0..<8 {
            let shift = 8 * UInt64(digit)
            let digitCounts = counts + digit << 8
            // A digit all keys share changes nothing.
            if digitCounts[Int((keys[from] >> shift) & 0xff)] == n { continue }
            var total = 0
            for k in 0..<256 {
                let c = digitCounts[k]
                digitCounts[k] = total
                total += c
            }
            for i in from..<(from + n) {
                let digit = Int((keys[i] >> shift) & 0xff)
                let slot = to + digitCounts[digit]
                digitCounts[digit] += 1
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
