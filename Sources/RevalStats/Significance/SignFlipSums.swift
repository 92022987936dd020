/// Σᵢ ±dᵢ for a sign assignment given as bits (bit i set: dᵢ is negated), by table look-up:
/// the differences are cut into groups of 8, and for each group a table holds the sums of
/// all 256 sign patterns, so a sum over n topics costs ⌈n/8⌉ look-ups instead of n
/// additions.
///
/// Group g covers topics 8g…8g+7 and reads byte g mod 8 of word ⌊g/8⌋ (bit j of that byte
/// for topic 8g + j). Table entries are added left to right from 0, so the pattern and its
/// complement give sums of exactly opposite sign; groups are added into four accumulators
/// (g mod 4), combined as (a₀ + a₁) + (a₂ + a₃). The observed sum is the pattern of no
/// flips, computed the same way.
struct SignFlipSums {
    let count: Int
    let groups: Int
    /// Words of random bits one assignment needs.
    let words: Int
    private let table: [Double]

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

    /// The sum with the signs flipped where `bits` (`words` words) has ones.
    @inline(__always)
    func sum(_ bits: UnsafePointer<UInt64>, table: UnsafePointer<Double>) -> Double {
        var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0
        var g = 0
        while g + 4 <= groups {
            let word = bits[g >> 3]
            let shift = UInt64((g & 7) * 8)
            a0 += table[(g << 8) | Int((word >> shift) & 0xff)]
            a1 += table[((g + 1) << 8) | Int((word >> (shift + 8)) & 0xff)]
            a2 += table[((g + 2) << 8) | Int((word >> (shift + 16)) & 0xff)]
            a3 += table[((g + 3) << 8) | Int((word >> (shift + 24)) & 0xff)]
            g += 4
        }
        while g < groups {
            let byte = Int((bits[g >> 3] >> UInt64((g & 7) * 8)) & 0xff)
            switch g & 3 {
            case 0: a0 += table[(g << 8) | byte]
            case 1: a1 += table[(g << 8) | byte]
            case 2: a2 += table[(g << 8) | byte]
            default: a3 += table[(g << 8) | byte]
            }
            g += 1
        }
        return (a0 + a1) + (a2 + a3)
    }

    func withTable<R>(_ body: (UnsafePointer<Double>) -> R) -> R {
        table.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// The sum with no sign flipped.
    var observed: Double {
        let zeros = [UInt64](repeating: 0, count: words)
        return withTable { table in zeros.withUnsafeBufferPointer { sum($0.baseAddress!, table: table) } }
    }
}
