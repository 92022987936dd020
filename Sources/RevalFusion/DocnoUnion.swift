import RevalCore

/// The distinct docnos of one topic over several runs, each with an index in order of
/// first appearance, found by an open-addressing table sized once for the most documents
/// the runs can bring. A docno is not copied: an entry names the run and the document that
/// brought it (run << 32 | document), and the bytes are read from that run.
///
/// `index(of:)` also counts the runs that retrieved each entry and finds a docno listed
/// twice by one run.
struct DocnoUnion {
    private(set) var sources: [UInt64]
    /// How many runs retrieved each entry.
    private(set) var hits: [Int32]
    /// The last run that listed each entry, and the document it was there.
    private var lastRun: [Int32]
    private var lastDocument: [Int32]
    private var hashes: [UInt64]
    /// Slot holds entry + 1; 0 marks an empty slot.
    private var slots: [Int32]
    private let mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        sources = [UInt64](repeating: 0, count: capacity)
        hits = [Int32](repeating: 0, count: capacity)
        lastRun = [Int32](repeating: -1, count: capacity)
        lastDocument = [Int32](repeating: 0, count: capacity)
        hashes = [UInt64](repeating: 0, count: capacity)
    }

    /// Adds every document of run `run` and writes each one's entry into `positions`; returns
    /// (earlier document, later document) for the first docno the run lists twice.
    mutating func add(run: Int, documents: Int, storage: DocnoStorage,
                      positions: UnsafeMutableBufferPointer<Int32>) -> (Int, Int)? {
        let mask = mask
        var count = count
        defer { self.count = count }
        return sources.withUnsafeMutableBufferPointer { sources in
            hits.withUnsafeMutableBufferPointer { hits in
                lastRun.withUnsafeMutableBufferPointer { lastRun in
                    lastDocument.withUnsafeMutableBufferPointer { lastDocument in
                        hashes.withUnsafeMutableBufferPointer { hashes in
                            slots.withUnsafeMutableBufferPointer { slots -> (Int, Int)? in
                                for i in 0..<documents {
                                    let docno = storage.docno(run: run, document: i)
                                    let hash = ByteKeyTable.hash(docno)
                                    var slot = Int(truncatingIfNeeded: hash) & mask
                                    var entry = -1
                                    while true {
                                        let stored = Int(slots[slot])
                                        if stored == 0 { break }
                                        if hashes[stored - 1] == hash,
                                           storage.docno(sources[stored - 1]).elementsEqualBytes(docno) {
                                            entry = stored - 1
                                            break
                                        }
                                        slot = (slot + 1) & mask
                                    }
                                    if entry < 0 {
                                        entry = count
                                        count += 1
                                        sources[entry] = UInt64(run) << 32 | UInt64(i)
                                        hashes[entry] = hash
                                        slots[slot] = Int32(count)
                                    } else if lastRun[entry] == Int32(run) {
                                        return (Int(lastDocument[entry]), i)
                                    }
                                    hits[entry] += 1
                                    lastRun[entry] = Int32(run)
                                    lastDocument[entry] = Int32(i)
                                    positions[i] = Int32(entry)
                                }
                                return nil
                            }
                        }
                    }
                }
            }
        }
    }

    /// The entries' sources and run counts, trimmed to the entries made.
    func finished() -> (sources: [UInt64], hits: [Int32]) {
        (Array(sources.prefix(count)), Array(hits.prefix(count)))
    }
}

/// The docno bytes of several runs' topics, valid inside `DocnoStorage.with`. Pointers
/// only, so that looking a docno up costs no reference counting.
struct DocnoStorage {
    let arenas: UnsafeBufferPointer<UnsafeRawBufferPointer>
    let ends: UnsafeBufferPointer<UnsafeBufferPointer<UInt32>>

    /// Document `document` of run `run`.
    @inline(__always)
    func docno(run: Int, document: Int) -> UnsafeRawBufferPointer {
        let ends = ends[run]
        let from = document == 0 ? 0 : Int(ends[document - 1])
        return UnsafeRawBufferPointer(rebasing: arenas[run][from..<Int(ends[document])])
    }

    /// The document a `DocnoUnion` source names.
    @inline(__always)
    func docno(_ source: UInt64) -> UnsafeRawBufferPointer {
        docno(run: Int(source >> 32), document: Int(source & 0xffff_ffff))
    }

    /// Calls `body` with the storage of every run's topic (an absent run has none).
    static func with<R>(_ runs: [TopicRun?], _ body: (DocnoStorage) -> R) -> R {
        var arenas: [UnsafeRawBufferPointer] = []
        var ends: [UnsafeBufferPointer<UInt32>] = []
        arenas.reserveCapacity(runs.count)
        ends.reserveCapacity(runs.count)
        func open(_ k: Int) -> R {
            if k == runs.count {
                return arenas.withUnsafeBufferPointer { arenas in
                    ends.withUnsafeBufferPointer { ends in body(DocnoStorage(arenas: arenas, ends: ends)) }
                }
            }
            guard let run = runs[k] else {
                arenas.append(UnsafeRawBufferPointer(start: nil, count: 0))
                ends.append(UnsafeBufferPointer(start: nil, count: 0))
                return open(k + 1)
            }
            return run.docnoBytes.withUnsafeBytes { arena in
                run.docnoEnds.withUnsafeBufferPointer { runEnds in
                    arenas.append(arena)
                    ends.append(runEnds)
                    return open(k + 1)
                }
            }
        }
        return open(0)
    }
}

extension UnsafeRawBufferPointer {
    @inline(__always)
    func elementsEqualBytes(_ other: UnsafeRawBufferPointer) -> Bool {
        guard count == other.count else { return false }
        if count == 0 { return true }
        return memcmpBytes(baseAddress!, other.baseAddress!, count) == 0
    }
}
