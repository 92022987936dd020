/// Σᵢ ±dᵢ for sign assignments given as bits (bit i set: dᵢ is negated), by table look-up:
/// the differences are cut into groups of 8, and for each group a table holds the sums of
/// all 256 sign patterns, so a sum over n topics costs ⌈n/8⌉ look-ups instead of n
/// additions.
///
/// Group g covers topics 8g…8g+7 and reads byte g of the assignment's words in
/// little-endian order (byte g mod 8 of word ⌊g/8⌋, bit j of that byte for topic 8g + j).
/// Table entries are added left to right from 0, and an assignment's sum is its groups'
/// entries added in order of g from 0, so an assignment and its complement give sums of
/// exactly opposite sign. The observed sum is the assignment of no flips, computed the same
/// way.
///
/// Assignments are summed in blocks, sixteen groups at a time across the block, so that
/// those groups' tables (32 KB) serve every assignment of the block from the first-level
/// cache.
struct SignFlipSums {
    let count: Int
    let groups: Int
    /// Words of random bits one assignment needs.
    let words: Int
    private let table: [Double]

    /// Assignments summed together.
    static let block = 64

    init(_ differences: [Double]) {
        count = differences.count
        groups = (count + 7) / 8
        words = max(1, (groups + 7) / 8)
        var table = [Double](repeating: 0, count: groups * 256)
        for g in 0..<groups {
            let members = differences[(8 * g)..<min(count, 8 * g + 8)]
            for pattern in 0..<256 {
                var sum = 0.0
                for (j, d) in members.enumerated() { sum += (pattern >> j) & 1 == 1 ? -d : d }
                table[g * 256 + pattern] = sum
            }
        }
        self.table = table
    }

    /// sums[t] = the sum of assignment t, for t < `assignments` (≤ `block`); assignment t's
    /// bits are words t·`words` ..< (t + 1)·`words` of `bits`.
    func sums(_ bits: UnsafePointer<UInt64>, assignments: Int, into sums: UnsafeMutablePointer<Double>) {
        let bytes = UnsafeRawPointer(bits).assumingMemoryBound(to: UInt8.self)
        let stride = words * 8
        for t in 0..<assignments { sums[t] = 0 }
        table.withUnsafeBufferPointer { table in
            let table = table.baseAddress!
            // Sixteen groups at a time (32 KB of tables) for every assignment of the block.
            var first = 0
            while first < groups {
                let last = min(groups, first + 16)
                var t = 0
                // Four assignments side by side: four independent chains of additions.
                while t + 4 <= assignments {
                    let b0 = bytes + t * stride, b1 = b0 + stride, b2 = b1 + stride, b3 = b2 + stride
                    var s0 = sums[t], s1 = sums[t + 1], s2 = sums[t + 2], s3 = sums[t + 3]
                    var row = table + first * 256
                    for g in first..<last {
                        s0 += row[Int(b0[g])]
                        s1 += row[Int(b1[g])]
                        s2 += row[Int(b2[g])]
                        s3 += row[Int(b3[g])]
                        row += 256
                    }
                    sums[t] = s0; sums[t + 1] = s1; sums[t + 2] = s2; sums[t + 3] = s3
                    t += 4
                }
                while t < assignments {
                    let assignment = bytes + t * stride
                    var sum = sums[t]
                    var row = table + first * 256
                    for g in first..<last {
                        sum += row[Int(assignment[g])]
                        row += 256
                    }
                    sums[t] = sum
                    t += 1
                }
                first = last
            }
        }
    }

    /// The sum with no sign flipped.
    var observed: Double {
        let zeros = [UInt64](repeating: 0, count: words)
        var sum = 0.0
        zeros.withUnsafeBufferPointer { sums($0.baseAddress!, assignments: 1, into: &sum) }
        return sum
    }
}
