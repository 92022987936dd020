import RevalCore

/// Writes fused topics as TREC run lines, `topic Q0 docno rank score tag`, in the order
/// the topic holds its documents (fused rankings are already in rank order), ranks 1, 2, …
/// and scores as `%.17g`, which reads back as the same double.
///
/// ```swift
/// var bytes: [UInt8] = []
/// FusedRunWriter.append(pool.fused(by: fusion), tag: "fused", to: &bytes)
/// // 1 Q0 d2 1 0.032786885245901641 fused
/// ```
public enum FusedRunWriter {
    public static func append(_ topic: TopicRun, tag: String, to out: inout [UInt8]) {
        let topicBytes = topic.topic.rawBytes
        let tagBytes = tag.rawBytes
        out.reserveCapacity(out.count + topic.count * (topicBytes.count + tagBytes.count + 40) + topic.docnoBytes.count)
        topic.docnoBytes.withUnsafeBytes { arena in
            for i in 0..<topic.count {
                out.append(contentsOf: topicBytes)
                out.append(contentsOf: [0x20, UInt8(ascii: "Q"), UInt8(ascii: "0"), 0x20])
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: arena[topic.docnoStart(i)..<Int(topic.docnoEnds[i])]))
                out.append(0x20)
                appendDecimal(i + 1, to: &out)
                out.append(0x20)
                SignificantDigits.append(topic.scores[i], to: &out)
                out.append(0x20)
                out.append(contentsOf: tagBytes)
                out.append(0x0a)
            }
        }
    }

    @inline(__always)
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                count += 1
            } while n > 0
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
