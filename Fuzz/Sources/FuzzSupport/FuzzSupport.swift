import RevalCore
import RevalFormats

/// Helpers shared by the fuzz targets.
public enum Fuzz {
    /// The fuzzer's input as bytes.
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Stops the process (libFuzzer records the input as a crash) when `condition` is false:
    /// two ways of reading the same bytes disagreed.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz invariant broken: \(message())") }
    }

    /// Reads everything `source` gives with reads of `readSize` bytes, stopping after
    /// `cap` bytes. Returns the bytes and the error that ended reading, if any.
    public static func drain(_ source: any ByteSource, readSize: Int, cap: Int = 1 << 14) -> ([UInt8], InputError?) {
        var source = source
        var out: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 1)
        defer { buffer.deallocate() }
        do {
            while out.count < cap {
                let n = try source.read(into: buffer)
                if n == 0 { break }
                out.append(contentsOf: buffer[..<n])
            }
            return (out, nil)
        } catch {
            return (out, error)
        }
    }

    /// Whether two ways of reading the same bytes failed alike. Where a corrupt compressed
    /// stream shows up may depend on buffer sizes (libzstd checks a frame's checksum after
    /// handing out its bytes when output room is small, before when it is large, and names
    /// one corruption differently), so a decompression error on either side only needs the
    /// other side to fail too; any other error must be the same error.
    public static func sameFailure(_ a: InputError, _ b: InputError) -> Bool {
        func decompression(_ e: InputError) -> Bool {
            ["corrupt gzip", "corrupt zstd", "truncated gzip", "truncated zstd"].contains { e.message.hasPrefix($0) }
        }
        return a == b || decompression(a) || decompression(b)
    }

    /// Two reads of the same bytes must agree: the same summary, or failures alike
    /// (`sameFailure`). `label` says which reads, in the crash message.
    public static func requireAlike<Value>(_ a: Result<Value, InputError>, _ b: Result<Value, InputError>,
                                           _ label: String, summary: (Value) -> [String]) {
        switch (a, b) {
        case (.success(let a), .success(let b)):
            require(summary(a) == summary(b), "results differ: \(label)")
        case (.failure(let a), .failure(let b)):
            require(sameFailure(a, b), "errors differ (\(label)): \(a) vs \(b)")
        default:
            require(false, "one read failed, the other did not: \(label)")
        }
    }

    /// Everything a Run holds, in a comparable form (scores by bit pattern).
    public static func summary(_ run: Run) -> [String] {
        var lines = ["tag \(run.tag.rawBytes)"]
        for topic in run.topics {
            lines.append("topic \(topic.topic.rawBytes) \(topic.count)")
            for i in 0..<topic.count {
                lines.append("\(topic.docno(i).rawBytes) \(topic.scores[i].bitPattern) \(topic.line(of: i))")
            }
        }
        return lines
    }

    /// Everything Qrels hold, in a comparable form.
    public static func summary(_ qrels: Qrels) -> [String] {
        qrels.topics.map { topic in
            "\(topic.topic.rawBytes) \(topic.grades) \(topic.lines) \(String(describing: topic.duplicate))"
        }
    }
}

extension Fuzz {
    /// Decompresses `bytes` (through `openInput`, which sniffs the format) with large reads
    /// and with reads of `smallRead` bytes; both must succeed with the same bytes or both
    /// fail with the same error.
    public static func compareReads(_ bytes: [UInt8], smallRead: Int) {
        func drain(_ readSize: Int) -> ([UInt8], InputError?) {
            do {
                return Fuzz.drain(try openInput(MemorySource(bytes), name: "fuzz"), readSize: readSize)
            } catch {
                return ([], error)
            }
        }
        let (large, largeError) = drain(1 << 16)
        let (small, smallError) = drain(smallRead)
        switch (largeError, smallError) {
        case (nil, nil): break
        case (let a?, let b?): Fuzz.require(sameFailure(a, b), "errors differ: \(a) vs \(b)")
        default: Fuzz.require(false, "one read failed, the other did not: \(String(describing: largeError)) vs \(String(describing: smallError))")
        }
        if largeError == nil {
            let common = min(large.count, small.count)  // both may stop at the cap
            Fuzz.require(large.prefix(common) == small.prefix(common), "bytes differ with reads of \(smallRead)")
        }
    }
}

/// A source that hands out at most `step` bytes per read, so lines arrive split across
/// reads at every position.
public struct TrickleSource: ByteSource {
    private var inner: MemorySource
    private let step: Int

    public init(_ bytes: [UInt8], step: Int) {
        inner = MemorySource(bytes)
        self.step = max(1, step)
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let room = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, step)])
        return try inner.read(into: room)
    }
}

extension Fuzz {
    /// Reads `bytes` twice with `read`: whole, and through a `TrickleSource` of `step`
    /// bytes per read, both through `openInput` (gzip/zstd when the bytes start so). The two
    /// must give the same summary or fail alike.
    public static func compareWholeAndTrickled<Value>(
        _ bytes: [UInt8], step: Int,
        read: (any ByteSource) throws(InputError) -> Value,
        summary: (Value) -> [String]
    ) {
        func attempt(_ source: any ByteSource) -> Result<Value, InputError> {
            Result { () throws(InputError) in try read(try openInput(source, name: "fuzz")) }
        }
        requireAlike(attempt(MemorySource(bytes)), attempt(TrickleSource(bytes, step: step)),
                     "whole vs reads of \(step) bytes", summary: summary)
    }
}
