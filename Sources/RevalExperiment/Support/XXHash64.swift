/// XXH64, Yann Collet's 64-bit non-cryptographic hash (xxHash specification, "XXH64
/// algorithm description", v0.1.1), streamed: `update` any number of times, then `digest`.
/// Reports print it as a fingerprint of their inputs: fast enough to cover every run of a
/// large experiment (several GB/s), and the same on every machine.
///
/// ```swift
/// var hash = XXHash64()
/// hash.update(Array("abc".utf8))
/// hash.digest   // 0x44BC2CF5AD770999
/// ```
public struct XXHash64: Sendable {
    static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var lanes: (UInt64, UInt64, UInt64, UInt64)
    private var pending: [UInt8] = []
    private var total: UInt64 = 0
    private let seed: UInt64

    public init(seed: UInt64 = 0) {
        self.seed = seed
        lanes = (seed &+ Self.prime1 &+ Self.prime2, seed &+ Self.prime2, seed, seed &- Self.prime1)
        pending.reserveCapacity(32)
    }

    public mutating func update(_ bytes: some Collection<UInt8>) {
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        total &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(32 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { stripe($0, at: 0) }
            pending.removeAll(keepingCapacity: true)
        }
        while bytes.count - offset >= 32 {
            stripe(bytes, at: offset)
            offset += 32
        }
        if offset < bytes.count { pending.append(contentsOf: bytes[offset...]) }
    }

    private mutating func stripe(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        lanes.0 = Self.round(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
        lanes.1 = Self.round(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self).littleEndian)
        lanes.2 = Self.round(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self).littleEndian)
        lanes.3 = Self.round(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self).littleEndian)
    }

    public var digest: UInt64 {
        var h: UInt64
        if total >= 32 {
            h = rotate(lanes.0, 1) &+ rotate(lanes.1, 7) &+ rotate(lanes.2, 12) &+ rotate(lanes.3, 18)
            h = Self.merge(h, lanes.0)
            h = Self.merge(h, lanes.1)
            h = Self.merge(h, lanes.2)
            h = Self.merge(h, lanes.3)
        } else {
            h = seed &+ Self.prime5
        }
        h &+= total
        pending.withUnsafeBytes { rest in
            var i = 0
            while i + 8 <= rest.count {
                let k = Self.round(0, rest.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
                h = rotate(h ^ k, 27) &* Self.prime1 &+ Self.prime4
                i += 8
            }
            if i + 4 <= rest.count {
                let k = UInt64(rest.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian)
                h = rotate(h ^ (k &* Self.prime1), 23) &* Self.prime2 &+ Self.prime3
                i += 4
            }
            while i < rest.count {
                h = rotate(h ^ (UInt64(rest[i]) &* Self.prime5), 11) &* Self.prime1
                i += 1
            }
        }
        h ^= h >> 33
        h &*= Self.prime2
        h ^= h >> 29
        h &*= Self.prime3
        h ^= h >> 32
        return h
    }

    /// The digest as 16 lowercase hex digits.
    public var hexDigest: String {
        let text = String(digest, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotate(acc &+ input &* prime2, 31) &* prime1
    }

    private static func merge(_ acc: UInt64, _ lane: UInt64) -> UInt64 {
        (acc ^ round(0, lane)) &* prime1 &+ prime4
    }
}

@inline(__always)
private func rotate(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
