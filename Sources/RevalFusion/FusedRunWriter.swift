import RevalCore

/// Writes fused topics as TREC run lines, `topic Q0 docno rank score tag`, ranks 1, 2, …
/// and scores as `%.17g`, which reads back as the same double.
///
/// ```swift
/// var bytes: [UInt8] = []
/// FusedRunWriter.append(pool, ranking: pool.ranking(by: fusion), tag: "fused", to: &bytes)
/// // 1 Q0 d2 1 0.032786885245901641 fused
/// ```
public enum FusedRunWriter {
    /// A topic's documents in the order held (a fused topic is in rank order).
    public static func append(_ topic: TopicRun, tag: String, to out: inout [UInt8]) {
        DocnoStorage.with([topic]) { storage in
            topic.scores.withUnsafeBufferPointer { scores in
                write(topic: topic.topic, count: topic.count, docnoBytes: topic.docnoBytes.count, tag: tag, to: &out,
                      docno: { storage.docno(run: 0, document: $0) }, score: { scores[$0] })
            }
        }
    }

    /// A pool's documents in the order of `ranking`.
    public static func append(_ pool: FusionPool, ranking: FusedRanking, tag: String, to out: inout [UInt8]) {
        DocnoStorage.with(pool.runs) { storage in
            pool.sources.withUnsafeBufferPointer { sources in
                ranking.order.withUnsafeBufferPointer { order in
                    ranking.scores.withUnsafeBufferPointer { scores in
                        write(topic: pool.topic, count: order.count, docnoBytes: pool.docnoByteCount, tag: tag, to: &out,
                              docno: { storage.docno(sources[Int(order[$0])]) }, score: { scores[Int(order[$0])] })
                    }
                }
            }
        }
    }

    /// Writes `count` lines; line i is `docno(i)` with `score(i)`. The bytes are written
    /// through a pointer into room made for the longest possible lines (`docnoBytes` is at
    /// least the length of all docnos together).
    @inline(__always)
    private static func write(topic: String, count: Int, docnoBytes: Int, tag: String, to out: inout [UInt8],
                              docno: (Int) -> UnsafeRawBufferPointer, score: (Int) -> Double) {
        let topicBytes = topic.rawBytes, tagBytes = tag.rawBytes
        let bound = docnoBytes + count * lineBound(topic: topicBytes.count, tag: tagBytes.count)
        let (prefix, suffix) = lineEnds(topic: topicBytes, tag: tagBytes)
        let lines = [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
            initialized = prefix.withUnsafeBytes { prefix in
                suffix.withUnsafeBytes { suffix in
                    writeLines(at: buffer.baseAddress!, prefix: prefix, suffix: suffix, count: count,
                               docno: docno, score: score)
                }
            }
        }
        if out.isEmpty { out = lines } else { out.append(contentsOf: lines) }
    }

    /// The most bytes a line takes besides its docno: topic, " Q0 ", rank (≤ 20), " ",
    /// score, " ", tag, "\n".
    static func lineBound(topic: Int, tag: Int) -> Int {
        topic + 4 + 20 + 1 + SignificantDigits.maxLength + 1 + tag + 1
    }

    /// What every line of a topic starts with, `topic Q0 `, and ends with, ` tag\n`.
    static func lineEnds(topic: [UInt8], tag: [UInt8]) -> (prefix: [UInt8], suffix: [UInt8]) {
        (topic + Array(" Q0 ".utf8), [0x20] + tag + [0x0a])
    }

    /// Writes `count` lines at `base`, which has room for them (`lineBound` a line besides
    /// the docnos): `prefix`, the docno, the rank, the score (`%.17g`, by `scoreText`),
    /// `suffix` (`lineEnds`). Returns the number of bytes written.
    @inline(__always)
    static func writeLines(at base: UnsafeMutablePointer<UInt8>, prefix: UnsafeRawBufferPointer, suffix: UnsafeRawBufferPointer,
                           count: Int, docno: (Int) -> UnsafeRawBufferPointer, score: (Int) -> Double,
                           scoreText: (Double, UnsafeMutablePointer<UInt8>) -> Int = { SignificantDigits.write($0, to: $1) }) -> Int {
        // Offsets stay below the room made, so they cannot overflow.
        var p = 0
        for i in 0..<count {
            copyShort(prefix, to: base + p)
            p &+= prefix.count
            let name = docno(i)
            copyShort(name, to: base + p)
            p &+= name.count
            base[p] = 0x20
            p &+= 1
            p &+= writeDecimal(i &+ 1, to: base + p)
            base[p] = 0x20
            p &+= 1
            p &+= scoreText(score(i), base + p)
            copyShort(suffix, to: base + p)
            p &+= suffix.count
        }
        return p
    }

    /// Copies `bytes` to `out`: a docno, topic or tag is short, and two overlapping loads
    /// and stores of 8 (or 4) bytes cost less than a call to memmove. Reads and writes
    /// only the bytes given.
    @inline(__always)
    static func copyShort(_ bytes: UnsafeRawBufferPointer, to out: UnsafeMutablePointer<UInt8>) {
        let n = bytes.count
        guard let from = bytes.baseAddress, n > 0 else { return }
        let to = UnsafeMutableRawPointer(out)
        if n >= 8 && n <= 16 {
            let head = from.loadUnaligned(as: UInt64.self), tail = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            let head = from.loadUnaligned(as: UInt32.self), tail = from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
        } else if n < 4 {
            for i in 0..<n { out[i] = from.load(fromByteOffset: i, as: UInt8.self) }
        } else {
            out.update(from: from.assumingMemoryBound(to: UInt8.self), count: n)
        }
    }

    /// Writes the decimal digits of `value` (≥ 1) at `out`; returns how many. Ranks below
    /// 10,000 (nearly all) take a fixed path.
    @inline(__always)
    static func writeDecimal(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let zero = UInt8(ascii: "0")
        if value < 10 {
            out[0] = zero &+ UInt8(truncatingIfNeeded: value)
            return 1
        }
        if value < 100 {
            out[0] = zero &+ UInt8(truncatingIfNeeded: value / 10)
            out[1] = zero &+ UInt8(truncatingIfNeeded: value % 10)
            return 2
        }
        if value < 1000 {
            out[0] = zero &+ UInt8(truncatingIfNeeded: value / 100)
            out[1] = zero &+ UInt8(truncatingIfNeeded: value / 10 % 10)
            out[2] = zero &+ UInt8(truncatingIfNeeded: value % 10)
            return 3
        }
        if value < 10_000 {
            out[0] = zero &+ UInt8(truncatingIfNeeded: value / 1000)
            out[1] = zero &+ UInt8(truncatingIfNeeded: value / 100 % 10)
            out[2] = zero &+ UInt8(truncatingIfNeeded: value / 10 % 10)
            out[3] = zero &+ UInt8(truncatingIfNeeded: value % 10)
            return 4
        }
        var digits = 5
        var limit = 100_000
        while value >= limit && digits < 19 {
            digits += 1
            limit = limit &* 10
        }
        var n = value
        for k in stride(from: digits - 1, through: 0, by: -1) {
            out[k] = zero &+ UInt8(truncatingIfNeeded: n % 10)
            n /= 10
        }
        return digits
    }
}
