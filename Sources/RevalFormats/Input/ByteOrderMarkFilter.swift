#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The UTF-8 byte order mark, as every reader treats it: skipped as the first three bytes
/// of an input (after decompression), an error anywhere else.
///
/// Editors on Windows (Notepad, Excel's "CSV UTF-8") start files with EF BB BF. Read as
/// text it would become part of the first id: a run's first topic `\u{FEFF}23849` matches
/// no qrels topic, and its documents silently drop out. Inside a file (two files joined
/// with `cat`, an id pasted from a word processor) it is never meant as part of an id,
/// so it is refused rather than guessed at.
///
/// Every reader gets this from `openInput`, which wraps the (decompressed) bytes in this
/// filter; a reader of a new format gets it by opening its file with `openInput`.
///
/// ```swift
/// var lines = LineReader(try openInput("run.txt"), name: "run.txt")   // BOM already gone
/// ```
public enum ByteOrderMark {
    /// EF BB BF.
    public static let bytes: [UInt8] = [0xef, 0xbb, 0xbf]

    /// The error for a mark found `offset` bytes into the input (0-based, after
    /// decompression, a leading mark counted). Readers place it at its line.
    static func misplaced(file: String, offset: Int) -> InputError {
        InputError(file: file, message: "byte order mark (EF BB BF) at byte \(offset + 1), after the start of the file; "
                       + "expected one only as the file's first bytes (two files joined with cat?)")
    }
}

/// Drops a leading UTF-8 byte order mark and stops at any later one: the bytes before it
/// are handed over, then reading fails with `ByteOrderMark.misplaced`, which the readers
/// place at its line (as they place a truncated stream's error).
final class ByteOrderMarkFilter: ByteSource {
    private var base: any ByteSource
    private let name: String
    private var started = false
    /// Bytes read from `base` and not yet handed over (at most a few KB).
    private var held: [UInt8] = []
    private var baseEnded = false
    /// Raised once `held` is empty: the base's error, or a misplaced mark.
    private var failure: InputError?
    /// Bytes passed so far (a leading mark included), for the mark's offset.
    private var offset = 0

    private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)

    var wantsDeeperReadAhead: Bool { base.wantsDeeperReadAhead }

    init(_ base: any ByteSource, name: String) {
        self.base = base
        self.name = name
    }

    deinit { scratch.deallocate() }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard buffer.count > 0 else { return 0 }
        if !started {
            started = true
            while held.count < 3 && readMoreIntoHeld() {}
            if held.starts(with: ByteOrderMark.bytes) {
                held.removeFirst(3)
                offset = 3
            }
        }
        var total = 0
        if !held.isEmpty {
            total = min(held.count, buffer.count)
            held.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: total) }
            held.removeFirst(total)
        } else if let failure {
            throw failure
        } else if !baseEnded {
            total = try base.read(into: buffer)
            if total == 0 { baseEnded = true }
        }
        if let mark = firstMark(in: UnsafeMutableRawBufferPointer(rebasing: buffer[..<total])) {
            failure = ByteOrderMark.misplaced(file: name, offset: offset + mark)
            held.removeAll()
            baseEnded = true
            total = mark
            if total == 0 { throw failure! }
        }
        offset += total
        return total
    }

    /// Where the first mark in `bytes` starts, looking past their end into `held` (read
    /// further when needed) for a mark cut by the end of the buffer.
    private func firstMark(in bytes: UnsafeMutableRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        var p = 0
        while p < bytes.count, let found = memchr(base + p, 0xef, bytes.count - p) {
            let at = UnsafeMutableRawPointer(found) - base
            func byte(_ i: Int) -> UInt8? {
                if i < bytes.count { return bytes[i] }
                while i - bytes.count >= held.count && readMoreIntoHeld() {}
                return i - bytes.count < held.count ? held[i - bytes.count] : nil
            }
            if byte(at + 1) == 0xbb && byte(at + 2) == 0xbf { return at }
            p = at + 1
        }
        return nil
    }

    /// Appends the next bytes of `base` to `held`; false at its end or on its error
    /// (kept in `failure`, raised once the bytes before it are handed over).
    private func readMoreIntoHeld() -> Bool {
        guard !baseEnded, failure == nil else { return false }
        let n: Int
        do {
            n = try base.read(into: scratch)
        } catch {
            failure = error
            return false
        }
        if n == 0 {
            baseEnded = true
            return false
        }
        held.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[..<n]))
        return true
    }
}
